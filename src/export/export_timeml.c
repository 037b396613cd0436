/* export_timeml.c - TimeML writer (libxml2 xmlTextWriter) for one document.
 *
 * Layout follows the TempEval-3 files: DOCID, DCT (TIMEX3 t0), TEXT with
 * inline TIMEX3 and EVENT tags, then MAKEINSTANCE and TLINK/SLINK/ALINK
 * elements.  The character content of TEXT equals doc->text byte for byte
 * (the TempEval scorer aligns on it).  Tags cannot nest or cross in this
 * writer: of two overlapping spans the one starting later (or, at the same
 * start, the shorter one) is left out, with its instance and links.
 * The only bytes changed are C0 control characters that XML 1.0 cannot
 * represent at all; they are written as spaces (same offsets). */
#include "export/export.h"
#include "base/buf.h"
#include "base/util.h"

#include <ctype.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
    uint32_t start, end;
    bool is_event;
    size_t index;
} span;

/* What is written, so instances and links only refer to written tags. */
typedef struct plan {
    span *spans;            /* accepted spans in text order */
    size_t nspans;
    bool *timex_written;    /* per doc->timexes */
    bool *event_written;    /* per doc->events */
    bool have_dct;
    const el_tlink_rules *rules;   /* the link tables, or NULL */
} plan;

static bool ok(int rc)
{
    return rc >= 0;
}

/* ---- planning the inline tags ------------------------------------------ */

static bool char_boundary(const el_doc *d, uint32_t b)
{
    return b == d->len || (b < d->len && ((unsigned char)d->text[b] & 0xC0) != 0x80);
}

static bool valid_span(const el_doc *d, uint32_t start, uint32_t end)
{
    return start < end && end <= d->len && char_boundary(d, start) && char_boundary(d, end);
}

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;          /* longer first */
    if (x->is_event != y->is_event)
        return x->is_event ? 1 : -1;              /* timex first */
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Does byte k join its neighbours into one TempEval token: a letter or
 * digit (any byte of a non-ASCII character), or a hyphen or slash between
 * two of them ("gun-violence", "2008-2009")? */
static bool word_byte(const el_doc *d, size_t k)
{
    unsigned char c = (unsigned char)d->text[k];
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
        return true;
    return (c == '-' || c == '/') && k > 0 && k + 1 < d->len
        && ((unsigned char)d->text[k - 1] >= 0x80 || isalnum((unsigned char)d->text[k - 1]))
        && ((unsigned char)d->text[k + 1] >= 0x80 || isalnum((unsigned char)d->text[k + 1]));
}

/* A tag covers whole tokens as TempEval tokenizes them: a span that starts
 * or ends at a hyphen or slash inside a word grows to the word
 * ("gun-violence", "2008-2009"); of two tags in one word the overlap rule
 * below keeps the first. */
static span whole_tokens(const el_doc *d, uint32_t start, uint32_t end, bool is_event, size_t i)
{
    if (start > 1 && (d->text[start - 1] == '-' || d->text[start - 1] == '/')
        && word_byte(d, start - 1))
        while (start > 0 && word_byte(d, start - 1))
            start--;
    if (end + 1 < d->len && (d->text[end] == '-' || d->text[end] == '/') && word_byte(d, end))
        while (end < d->len && word_byte(d, end))
            end++;
    return (span){start, end, is_event, i};
}

static void plan_spans(const el_doc *d, plan *p)
{
    size_t cap = 0, n = 0;
    span *all = NULL;
    for (size_t i = 0; i < d->ntimexes; i++)
        if (valid_span(d, d->timexes[i].start, d->timexes[i].end))
            EL_PUSH(all, n, cap) = whole_tokens(d, d->timexes[i].start, d->timexes[i].end, false, i);
    for (size_t i = 0; i < d->nevents; i++)
        if (valid_span(d, d->events[i].start, d->events[i].end))
            EL_PUSH(all, n, cap) = whole_tokens(d, d->events[i].start, d->events[i].end, true, i);
    if (n > 1)
        qsort(all, n, sizeof *all, cmp_span);
    uint32_t covered = 0;
    for (size_t i = 0; i < n; i++) {
        if (all[i].start < covered)
            continue;   /* nested in or crossing an accepted span */
        all[p->nspans++] = all[i];
        covered = all[i].end;
        if (all[i].is_event)
            p->event_written[all[i].index] = true;
        else
            p->timex_written[all[i].index] = true;
    }
    p->spans = all;
}

static void plan_init(const el_doc *d, plan *p)
{
    memset(p, 0, sizeof *p);
    p->timex_written = el_calloc(d->ntimexes + 1, sizeof(bool));
    p->event_written = el_calloc(d->nevents + 1, sizeof(bool));
    p->have_dct = d->dct.year != 0;
    plan_spans(d, p);
}

static void plan_free(plan *p)
{
    free(p->spans);
    free(p->timex_written);
    free(p->event_written);
}

/* ---- writing --------------------------------------------------------------- */

/* Make the n bytes of UTF-8 at s, in place, characters XML 1.0 allows:
 * C0 controls other than tab/LF/CR become spaces, the noncharacters
 * U+FFFE and U+FFFF become U+FFFD.  Byte and code-point lengths stay the
 * same, so offsets into the text still hold. */
static void xml_chars(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            s[i] = ' ';
        else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF
                 && ((unsigned char)s[i + 2] & 0xFE) == 0xBE)
            s[i + 2] = (char)0xBD;
    }
}

/* A string from a document (DOCID, attribute) made XML-safe in scratch. */
static const xmlChar *xml_safe(el_buf *scratch, const char *s)
{
    el_buf_clear(scratch);
    el_buf_puts(scratch, s);
    el_buf_putc(scratch, '\0');
    xml_chars(scratch->data, scratch->len - 1);
    return (const xmlChar *)scratch->data;
}

static bool attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    el_buf b = EL_BUF_INIT;
    bool good = ok(xmlTextWriterWriteAttribute(w, (const xmlChar *)name, xml_safe(&b, value)));
    el_buf_free(&b);
    return good;
}

static bool attr_id(xmlTextWriterPtr w, const char *name, const char *prefix, size_t n)
{
    char id[32];
    snprintf(id, sizeof id, "%s%zu", prefix, n);
    return attr(w, name, id);
}

static bool raw(xmlTextWriterPtr w, const char *s)
{
    return ok(xmlTextWriterWriteRaw(w, (const xmlChar *)s));
}

static bool start(xmlTextWriterPtr w, const char *name)
{
    return ok(xmlTextWriterStartElement(w, (const xmlChar *)name));
}

static bool end(xmlTextWriterPtr w)
{
    return ok(xmlTextWriterEndElement(w));
}

/* Character data with only what XML requires escaped (&, <, > and a
 * carriage return): quotes stay raw, as the official TempEval aligner reads
 * the text literally. */
static bool write_escaped(xmlTextWriterPtr w, const char *s, size_t n)
{
    el_buf b = EL_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const char *esc = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                         : s[i] == '\r' ? "&#13;" : NULL;
        if (esc)
            el_buf_puts(&b, esc);
        else
            el_buf_put(&b, s + i, 1);
    }
    bool good = !b.len || ok(xmlTextWriterWriteRawLen(w, (const xmlChar *)b.data, (int)b.len));
    el_buf_free(&b);
    return good;
}

/* Text bytes [from, to), with only characters XML allows (xml_chars),
 * escaped as write_escaped does. */
static bool write_text(xmlTextWriterPtr w, const el_doc *d, size_t from, size_t to,
                       el_buf *scratch)
{
    if (from >= to)
        return true;
    el_buf_clear(scratch);
    el_buf_put(scratch, d->text + from, to - from);
    xml_chars(scratch->data, to - from);
    return write_escaped(w, scratch->data, scratch->len);
}

static bool write_timex_attrs(xmlTextWriterPtr w, const el_doc *d, const plan *p, size_t i)
{
    const el_timex *t = &d->timexes[i];
    bool good = attr_id(w, "tid", "t", i + 1) && attr(w, "type", el_timex_type_name(t->type))
                && attr(w, "value", t->value);
    if (good && t->mod[0])
        good = attr(w, "mod", t->mod);
    if (good && t->quant[0])
        good = attr(w, "quant", t->quant);
    if (good && t->freq[0])
        good = attr(w, "freq", t->freq);
    if (good && t->anchor >= 0 && (size_t)t->anchor < d->ntimexes
        && p->timex_written[t->anchor])
        good = attr_id(w, "anchorTimeID", "t", (size_t)t->anchor + 1);
    else if (good && t->anchor < 0 && t->temporal_function && p->have_dct)
        good = attr(w, "anchorTimeID", "t0");
    return good && attr(w, "temporalFunction", t->temporal_function ? "true" : "false")
           && attr(w, "functionInDocument", "NONE");
}

static bool write_tag(xmlTextWriterPtr w, const el_doc *d, const plan *p, const span *s,
                      el_buf *scratch)
{
    bool good;
    if (s->is_event)
        good = start(w, "EVENT") && attr_id(w, "eid", "e", s->index + 1)
               && attr(w, "class", el_event_class_name(d->events[s->index].cls));
    else
        good = start(w, "TIMEX3") && write_timex_attrs(w, d, p, s->index);
    return good && write_text(w, d, s->start, s->end, scratch) && end(w);
}

static bool write_body(xmlTextWriterPtr w, const el_doc *d, const plan *p, bool element)
{
    el_buf scratch = EL_BUF_INIT;
    size_t pos = 0;
    bool good = !element || start(w, "TEXT");
    for (size_t i = 0; good && i < p->nspans; i++) {
        good = write_text(w, d, pos, p->spans[i].start, &scratch)
               && write_tag(w, d, p, &p->spans[i], &scratch);
        pos = p->spans[i].end;
    }
    good = good && write_text(w, d, pos, d->len, &scratch) && (!element || end(w));
    el_buf_free(&scratch);
    return good;
}

static bool write_head(xmlTextWriterPtr w, const el_doc *d, const plan *p)
{
    el_buf id = EL_BUF_INIT;
    bool good = raw(w, "<?xml version=\"1.0\" ?>\n") && start(w, "TimeML") && raw(w, "\n\n")
                && ok(xmlTextWriterWriteElement(w, (const xmlChar *)"DOCID", xml_safe(&id, d->id)))
                && raw(w, "\n\n");
    el_buf_free(&id);
    if (!good)
        return good;
    char date[11] = "XXXX-XX-XX";   /* a DCT element always: unknown date */
    if (p->have_dct)
        el_date_format(d->dct, date);
    return start(w, "DCT") && start(w, "TIMEX3") && attr(w, "tid", "t0")
           && attr(w, "type", "DATE") && attr(w, "value", date)
           && attr(w, "temporalFunction", "false")
           && attr(w, "functionInDocument", "CREATION_TIME")
           && ok(xmlTextWriterWriteString(w, (const xmlChar *)date)) && end(w) && end(w)
           && raw(w, "\n\n");
}

static bool write_instances(xmlTextWriterPtr w, const el_doc *d, const plan *p)
{
    bool good = true;
    for (size_t i = 0; good && i < d->nevents; i++) {
        if (!p->event_written[i])
            continue;
        const el_event_mention *e = &d->events[i];
        good = raw(w, "\n") && start(w, "MAKEINSTANCE") && attr_id(w, "eiid", "ei", i + 1)
               && attr_id(w, "eventID", "e", i + 1) && attr(w, "tense", el_tense_name(e->tense))
               && attr(w, "aspect", el_aspect_name(e->aspect))
               && attr(w, "polarity", e->negated ? "NEG" : "POS") && attr(w, "pos", "UNKNOWN")
               && end(w);
    }
    return good;
}

/* Is a link endpoint written (so the link may refer to it)? */
static bool endpoint_written(const el_doc *d, const plan *p, el_node_kind kind, int i)
{
    if (kind == EL_NODE_DCT)
        return p->have_dct;
    if (i < 0)
        return false;
    if (kind == EL_NODE_EVENT)
        return (size_t)i < d->nevents && p->event_written[i];
    return (size_t)i < d->ntimexes && p->timex_written[i];
}

static bool write_endpoint(xmlTextWriterPtr w, el_node_kind kind, int i, bool from,
                           const char *event_attr)
{
    if (kind == EL_NODE_EVENT)
        return attr_id(w, event_attr, "ei", (size_t)i + 1);
    const char *name = from ? "timeID" : "relatedToTime";
    if (kind == EL_NODE_DCT)
        return attr(w, name, "t0");
    return attr_id(w, name, "t", (size_t)i + 1);
}

static bool write_link(xmlTextWriterPtr w, const el_link *l, size_t lid)
{
    static const char *const names[] = {"TLINK", "SLINK", "ALINK"};
    const char *to_attr = l->kind == EL_LINK_SLINK ? "subordinatedEventInstance"
                                                   : "relatedToEventInstance";
    return raw(w, "\n") && start(w, names[l->kind]) && attr_id(w, "lid", "l", lid)
           && attr(w, "relType", el_reltype_name(l->reltype))
           && write_endpoint(w, l->from_kind, l->from, true, "eventInstanceID")
           && write_endpoint(w, l->to_kind, l->to, false, to_attr) && end(w);
}

static bool write_link_list(xmlTextWriterPtr w, const el_doc *d, const plan *p,
                            const el_link *links, size_t nlinks, size_t *lid)
{
    for (size_t i = 0; i < nlinks; i++) {
        const el_link *l = &links[i];
        bool events_only = l->kind != EL_LINK_TLINK;
        if (!endpoint_written(d, p, l->from_kind, l->from)
            || !endpoint_written(d, p, l->to_kind, l->to)
            || (events_only && (l->from_kind != EL_NODE_EVENT || l->to_kind != EL_NODE_EVENT)))
            continue;
        if (!write_link(w, l, ++*lid))
            return false;
    }
    return true;
}

/* The event stage's links, then the document's Task C links
 * (timeml_links.c), made consistent and closed (timeml_closure.c). */
static bool write_links(xmlTextWriterPtr w, const el_doc *d, const plan *p)
{
    size_t lid = 0;
    el_link *more;
    size_t nmore = el_timeml_links(d, p->rules, true, &more);
    bool good = write_link_list(w, d, p, more, nmore, &lid);
    free(more);
    return good;
}

/* A TimeML input keeps every byte outside TEXT's content (declaration,
 * DOCID, DCT with its own attributes, titles, extra info); the instances
 * and links go before its closing </TimeML>.  Only when its DCT is the
 * usual t0 the links refer to. */
static bool write_preserved(xmlTextWriterPtr w, const el_doc *d, const plan *p)
{
    const char *tail = d->raw_tail, *close = NULL;
    for (const char *q = strstr(tail, "</TimeML"); q; q = strstr(q + 1, "</TimeML"))
        close = q;
    el_buf pre = EL_BUF_INIT;
    el_buf_put(&pre, tail, close ? (size_t)(close - tail) : strlen(tail));
    bool good = raw(w, d->raw_head) && write_body(w, d, p, false)
                && (!pre.len || ok(xmlTextWriterWriteRawLen(w, (const xmlChar *)pre.data, (int)pre.len)))
                && write_instances(w, d, p) && write_links(w, d, p) && raw(w, "\n")
                && (!close || raw(w, close)) && ok(xmlTextWriterFlush(w));
    el_buf_free(&pre);
    return good;
}

static bool preservable(const el_doc *d)
{
    return d->raw_head && d->raw_tail && strstr(d->raw_head, "tid=\"t0\"")
        && strstr(d->raw_tail, "</TimeML");
}

static bool write_document(xmlTextWriterPtr w, const el_doc *d, const plan *p)
{
    if (preservable(d))
        return write_preserved(w, d, p);
    return write_head(w, d, p) && write_body(w, d, p, true) && raw(w, "\n")
           && write_instances(w, d, p) && write_links(w, d, p) && raw(w, "\n\n") && end(w)
           && raw(w, "\n") && ok(xmlTextWriterFlush(w));
}

int el_export_timeml(const el_doc *doc, FILE *out)
{
    return el_export_timeml_rules(doc, NULL, out);
}

int el_export_timeml_rules(const el_doc *doc, const el_tlink_rules *rules, FILE *out)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(out, NULL);
    if (!ob)
        return -1;
    xmlTextWriterPtr w = xmlNewTextWriter(ob);   /* owns ob from here */
    if (!w) {
        xmlOutputBufferClose(ob);
        return -1;
    }
    plan p;
    plan_init(doc, &p);
    p.rules = rules;
    bool good = write_document(w, doc, &p);
    xmlFreeTextWriter(w);
    plan_free(&p);
    return good && !ferror(out) ? 0 : -1;
}
