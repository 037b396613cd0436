/* read_timeml.c - TimeML reader (libxml2): the TempEval-3 input format and
 * gold .tml files.  DOCID gives the document id, <DCT><TIMEX3 value=...>
 * the creation time, and the document text is the character content of
 * <TEXT> with every tag removed (TIMEX3, EVENT, SIGNAL ...) and entities
 * decoded, byte for byte, so offsets line up with the TempEval scorer.
 *
 * Parsing never touches the network or the file system (no DTD loading, no
 * external entities) and libxml2's own error printing is switched off: a
 * broken file gives one message built from the parser's first error. */
#include "read/reader.h"
#include "base/buf.h"
#include "base/util.h"
#include "base/utf8.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum {
    TIMEML_PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                           | XML_PARSE_NOCDATA
};


/* The parser's first error, kept by a per-context handler (libxml2 would
 * otherwise print every error on stderr, and only remembers the last). */
typedef struct first_error {
    bool set;
    int line;
    char message[256];
} first_error;

/* libxml2 2.12 made the error argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error_arg;
#else
typedef xmlError *xml_error_arg;
#endif

static void keep_first_error(void *ctx, xml_error_arg e)
{
    xmlParserCtxtPtr ctxt = ctx;
    first_error *fe = ctxt ? ctxt->_private : NULL;
    if (!fe || fe->set || !e || e->level < XML_ERR_ERROR)
        return;
    fe->set = true;
    fe->line = e->line;
    snprintf(fe->message, sizeof fe->message, "%s", e->message ? e->message : "unknown error");
}

/* "not well-formed XML at line N: <libxml message>" on one line. */
static char *parse_error(const first_error *fe)
{
    if (!fe->set)
        return el_strdup("not well-formed XML");
    char msg[256];
    size_t n = 0;
    for (const char *s = fe->message; *s && n + 1 < sizeof msg; s++)
        msg[n++] = *s == '\n' ? ' ' : *s;
    while (n && msg[n - 1] == ' ')
        n--;
    msg[n] = '\0';
    return el_strdupf("not well-formed XML at line %d: %s", fe->line, msg);
}

static bool is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

/* First element called `name` in document order below (and including) n. */
static xmlNode *find_element(xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (is_element(n, name))
            return n;
        if (n->type == XML_ELEMENT_NODE) {
            xmlNode *found = find_element(n->children, name);
            if (found)
                return found;
        }
    }
    return NULL;
}

/* Entity expansion may add at most this many times the input's size (plus
 * a floor), as libxml2's own amplification guard allows: a small file that
 * references a large entity thousands of times is refused, not expanded to
 * gigabytes. */
enum { ENTITY_AMPLIFICATION = 5, ENTITY_FLOOR = 1 << 20 };

/* Append the character content of the children of n (all tags dropped).
 * References to internal entities contribute their replacement text, out
 * of *budget bytes; external entities are never loaded, so they are an
 * error.  Returns false + *err on failure. */
static bool append_content(const xmlNode *n, el_buf *out, size_t *budget, char **err)
{
    for (; n; n = n->next) {
        switch (n->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (n->content)
                el_buf_puts(out, (const char *)n->content);
            break;
        case XML_ELEMENT_NODE:
            if (!append_content(n->children, out, budget, err))
                return false;
            break;
        case XML_ENTITY_REF_NODE: {
            xmlEntityPtr ent = xmlGetDocEntity(n->doc, n->name);
            if (!ent || ent->etype != XML_INTERNAL_GENERAL_ENTITY) {
                *err = el_strdupf("entity '&%s;' is not defined in the document",
                            (const char *)n->name);
                return false;
            }
            size_t n_ent = ent->content ? strlen((const char *)ent->content) : 0;
            if (n_ent > *budget) {
                *err = el_strdupf("entity references expand to more than %d times the "
                                  "document's size (entity amplification): refused",
                                  ENTITY_AMPLIFICATION);
                return false;
            }
            *budget -= n_ent;
            if (n_ent)
                el_buf_put(out, (const char *)ent->content, n_ent);
            break;
        }
        default:
            break;   /* comments, processing instructions */
        }
    }
    return true;
}

/* The trimmed character content of an element, or NULL when empty. */
static char *element_text(const xmlNode *el, size_t *budget)
{
    el_buf b = EL_BUF_INIT;
    char *ignored = NULL;
    if (!append_content(el->children, &b, budget, &ignored)) {
        free(ignored);
        el_buf_free(&b);
        return NULL;
    }
    size_t len;
    char *s = el_buf_detach(&b, &len);
    size_t start = 0;
    while (start < len && (s[start] == ' ' || s[start] == '\n' || s[start] == '\t'
                           || s[start] == '\r'))
        start++;
    while (len > start && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t'
                           || s[len - 1] == '\r'))
        len--;
    char *t = len > start ? el_strndup(s + start, len - start) : NULL;
    free(s);
    return t;
}

/* The DCT from <DCT><TIMEX3 value="..."> (or the TIMEX3's text). */
static bool timeml_dct(xmlNode *root, size_t *budget, el_date *out)
{
    xmlNode *dct = find_element(root, "DCT");
    xmlNode *tx = dct ? find_element(dct->children, "TIMEX3") : NULL;
    if (!tx)
        return false;
    xmlChar *value = xmlGetProp(tx, (const xmlChar *)"value");
    bool ok = value && el_date_parse((const char *)value, out);
    xmlFree(value);
    if (!ok) {
        char *text = element_text(tx, budget);
        ok = text && el_date_parse(text, out);
        free(text);
    }
    return ok;
}

/* Build the document from a parsed TimeML tree. */
static el_doc *timeml_doc(xmlDoc *xml, size_t in_len, const char *id, const char *path,
                          char **err)
{
    size_t budget = ENTITY_AMPLIFICATION * in_len + ENTITY_FLOOR;
    xmlNode *root = xmlDocGetRootElement(xml);
    xmlNode *text_el = root ? find_element(root, "TEXT") : NULL;
    if (!text_el) {
        *err = el_strdup("no <TEXT> element: not a TimeML document");
        return NULL;
    }
    el_buf b = EL_BUF_INIT;
    if (!append_content(text_el->children, &b, &budget, err)) {
        el_buf_free(&b);
        return NULL;
    }
    size_t len;
    char *text = el_buf_detach(&b, &len);
    if (!el_check_text(text, len, err)) {
        free(text);
        return NULL;
    }
    xmlNode *docid_el = find_element(root, "DOCID");
    char *docid = docid_el ? element_text(docid_el, &budget) : NULL;
    el_doc *d = el_doc_new(docid ? docid : id, path, text, len);
    free(docid);
    if (timeml_dct(root, &budget, &d->dct))
        d->dct_source = EL_DCT_METADATA;
    return d;
}

/* The bytes outside TEXT's content, kept for the TimeML writer: up to and
 * with the first "<TEXT>" start tag, and from the last "</TEXT>" on. */
static void keep_outside_text(el_doc *d, const char *data, size_t len)
{
    const char *open = NULL, *close = NULL;
    for (const char *p = data; p + 6 <= data + len; p++)
        if (!memcmp(p, "<TEXT", 5) && (p[5] == '>' || p[5] == ' ')) {
            open = memchr(p, '>', (size_t)(data + len - p));
            break;
        }
    for (const char *p = data + len; p >= data + 7 && open; p--)
        if (!memcmp(p - 7, "</TEXT>", 7)) {
            close = p - 7;
            break;
        }
    if (!open || !close || close < open)
        return;
    d->raw_head = el_strndup(data, (size_t)(open + 1 - data));
    d->raw_tail = el_strndup(close, (size_t)(data + len - close));
}

el_doc *el_read_timeml(const char *id, const char *path, const char *data, size_t len,
                       char **err)
{
    if (len == 0) {
        *err = el_strdup("empty document");
        return NULL;
    }
    if (len > INT_MAX) {
        *err = el_strdup("document too large for the XML parser (over 2 GB)");
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        *err = el_strdup("out of memory creating the XML parser");
        return NULL;
    }
    first_error fe = {false, 0, ""};
    ctxt->_private = &fe;
    ctxt->sax->serror = keep_first_error;
    xmlDoc *xml = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, TIMEML_PARSE_OPTIONS);
    el_doc *d = NULL;
    if (!xml || !ctxt->wellFormed)
        *err = parse_error(&fe);
    else
        d = timeml_doc(xml, len, id, path, err);
    if (d)
        keep_outside_text(d, data, len);
    xmlFreeDoc(xml);
    xmlFreeParserCtxt(ctxt);
    return d;
}
