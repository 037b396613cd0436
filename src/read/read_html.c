/* read_html.c - HTML reader (libxml2's forgiving HTML parser).
 *
 * The document text is the article body: the longest <article>, else
 * <main>, else <body>, without script/style/navigation/boilerplate
 * elements.  Block elements become line or paragraph breaks, runs of
 * whitespace collapse to one space, entities are decoded by the parser.
 * The title comes from og:title or <title>, the creation time from the
 * usual publication-date meta tags, else a JSON-LD datePublished, else a
 * <time datetime> in the body.
 *
 * Input must be UTF-8 unless the page declares a charset, in which case
 * libxml2 converts it.  The parser never uses the network and its error
 * printing is off: broken markup is repaired as well as the parser can. */
#include "read/reader.h"
#include "base/buf.h"
#include "base/util.h"
#include "base/utf8.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum {
    HTML_OPTIONS = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                   | HTML_PARSE_NONET
};

/* Pending separator before the next visible character. */
typedef enum brk { BRK_NONE, BRK_SPACE, BRK_LINE, BRK_PARA } brk;

typedef struct text_walk {
    el_buf out;
    brk pending;
    int pre;        /* depth of <pre> elements: whitespace kept as is */
} text_walk;


static bool name_in(const xmlChar *name, const char *const *list)
{
    for (; *list; list++)
        if (xmlStrcasecmp(name, (const xmlChar *)*list) == 0)
            return true;
    return false;
}

static bool is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static bool skipped_element(const xmlNode *n)
{
    static const char *const skip[] = {
        "script", "style", "nav", "header", "footer", "aside", "noscript", "template",
        "head", "svg", "iframe", "button", "select", "textarea", "form", NULL};
    return name_in(n->name, skip);
}

/* The separator an element puts around its content. */
static brk element_break(const xmlNode *n)
{
    static const char *const para[] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl",
        "table", "section", "article", "main", "figure", "hr", "address", "details", NULL};
    static const char *const line[] = {
        "div", "li", "tr", "br", "dd", "dt", "figcaption", "caption", "summary", NULL};
    static const char *const space[] = {"td", "th", "img", NULL};
    if (name_in(n->name, para))
        return BRK_PARA;
    if (name_in(n->name, line))
        return BRK_LINE;
    if (name_in(n->name, space))
        return BRK_SPACE;
    return BRK_NONE;
}

static void want_break(text_walk *w, brk b)
{
    if (b > w->pending)
        w->pending = b;
}

static void flush_break(text_walk *w)
{
    if (w->out.len > 0) {
        static const char *const seps[] = {"", " ", "\n", "\n\n"};
        el_buf_puts(&w->out, seps[w->pending]);
    }
    w->pending = BRK_NONE;
}

static bool html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void walk_text(text_walk *w, const char *s)
{
    for (; *s; s++) {
        if (w->pre && (*s == '\n' || *s == ' ' || *s == '\t')) {
            flush_break(w);
            if (w->out.len > 0)
                el_buf_putc(&w->out, *s);
        } else if (html_space(*s)) {
            want_break(w, BRK_SPACE);
        } else {
            flush_break(w);
            el_buf_putc(&w->out, *s);
        }
    }
}

static void walk_nodes(text_walk *w, const xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                walk_text(w, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || skipped_element(n))
            continue;
        brk b = element_break(n);
        bool pre = is_element(n, "pre");
        want_break(w, b);
        w->pre += pre;
        walk_nodes(w, n->children);
        w->pre -= pre;
        want_break(w, b);
    }
}

/* Visible text of the element's content; caller frees. */
static char *element_text(const xmlNode *el, size_t *len)
{
    text_walk w = {EL_BUF_INIT, BRK_NONE, 0};
    walk_nodes(&w, el->children);
    return el_buf_detach(&w.out, len);
}

/* ---- choosing the content root ----------------------------------------- */

static void collect_elements(xmlNode *n, const char *name, xmlNode ***list, size_t *count,
                             size_t *cap)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(n, name))
            EL_PUSH(*list, *count, *cap) = n;
        collect_elements(n->children, name, list, count, cap);
    }
}

/* The element called `name` with the most visible text, or NULL. */
static xmlNode *largest_element(xmlNode *root, const char *name)
{
    xmlNode **list = NULL;
    size_t count = 0, cap = 0, best_len = 0;
    xmlNode *best = NULL;
    collect_elements(root, name, &list, &count, &cap);
    for (size_t i = 0; i < count; i++) {
        size_t len;
        free(element_text(list[i], &len));
        if (len > best_len) {
            best_len = len;
            best = list[i];
        }
    }
    free(list);
    return best;
}

static xmlNode *content_root(xmlNode *root)
{
    static const char *const prefer[] = {"article", "main", "body"};
    for (size_t i = 0; i < sizeof prefer / sizeof *prefer; i++) {
        xmlNode *n = largest_element(root, prefer[i]);
        if (n)
            return n;
    }
    return root;
}

/* ---- metadata ------------------------------------------------------------ */

static void find_elements(xmlNode *n, const char *name, void (*fn)(xmlNode *, void *),
                          void *ctx)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(n, name))
            fn(n, ctx);
        find_elements(n->children, name, fn, ctx);
    }
}

/* A publication date: YYYY-MM-DD[Thh:mm...], YYYYMMDD or YYYY/MM/DD. */
static bool parse_page_date(const char *s, el_date *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    if (el_date_parse(s, out))
        return true;
    char buf[11];
    if (strlen(s) < 10 || s[4] != '/' || s[7] != '/')
        return false;
    memcpy(buf, s, 10);
    buf[4] = buf[7] = '-';
    buf[10] = '\0';
    return el_date_parse(buf, out);
}

/* Meta tags giving the publication date, best first. */
static const char *const dct_keys[] = {
    "article:published_time", "og:published_time", "datePublished", "pubdate", "date",
    "DC.date", "dcterms.created", "sailthru.date", "parsely-pub-date", NULL};

typedef struct meta_scan {
    el_date dct;
    size_t dct_rank;     /* index into dct_keys of the date found; SIZE_MAX = none */
    char *og_title;
    char *og_url;
} meta_scan;

static size_t dct_rank(const xmlChar *key)
{
    for (size_t i = 0; key && dct_keys[i]; i++)
        if (xmlStrcasecmp(key, (const xmlChar *)dct_keys[i]) == 0)
            return i;
    return SIZE_MAX;
}

/* The meta tag's key: property=, name= or itemprop=. */
static xmlChar *meta_key(xmlNode *n)
{
    static const char *const attrs[] = {"property", "name", "itemprop"};
    for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
        xmlChar *k = xmlGetProp(n, (const xmlChar *)attrs[i]);
        if (k)
            return k;
    }
    return NULL;
}

static void scan_meta(xmlNode *n, void *ctx)
{
    meta_scan *m = ctx;
    xmlChar *key = meta_key(n);
    xmlChar *content = key ? xmlGetProp(n, (const xmlChar *)"content") : NULL;
    if (content) {
        size_t rank = dct_rank(key);
        el_date d;
        if (rank < m->dct_rank && parse_page_date((const char *)content, &d)) {
            m->dct = d;
            m->dct_rank = rank;
        }
        if (!m->og_title && xmlStrcasecmp(key, (const xmlChar *)"og:title") == 0)
            m->og_title = el_strdup((const char *)content);
        if (!m->og_url && xmlStrcasecmp(key, (const xmlChar *)"og:url") == 0)
            m->og_url = el_strdup((const char *)content);
    }
    xmlFree(key);
    xmlFree(content);
}

/* datePublished anywhere in a JSON-LD value (objects, arrays, @graph). */
static bool jsonld_date(json_t *v, el_date *out, int depth)
{
    if (depth > 16)
        return false;
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item)
            if (jsonld_date(item, out, depth + 1))
                return true;
        return false;
    }
    if (!json_is_object(v))
        return false;
    json_t *date = json_object_get(v, "datePublished");
    if (json_is_string(date) && parse_page_date(json_string_value(date), out))
        return true;
    const char *key;
    json_t *child;
    json_object_foreach(v, key, child)
        if ((json_is_object(child) || json_is_array(child)) && jsonld_date(child, out, depth + 1))
            return true;
    return false;
}

typedef struct time_scan {
    el_date dct;
    bool found;
} time_scan;

static void scan_jsonld(xmlNode *n, void *ctx)
{
    time_scan *t = ctx;
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    bool is_ld = type && xmlStrcasecmp(type, (const xmlChar *)"application/ld+json") == 0;
    xmlFree(type);
    if (t->found || !is_ld)
        return;
    xmlChar *content = xmlNodeGetContent(n);
    json_t *root = content ? json_loads((const char *)content, 0, NULL) : NULL;
    t->found = root && jsonld_date(root, &t->dct, 0);
    json_decref(root);
    xmlFree(content);
}

static void scan_time(xmlNode *n, void *ctx)
{
    time_scan *t = ctx;
    if (t->found)
        return;
    xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
    if (dt && parse_page_date((const char *)dt, &t->dct))
        t->found = true;
    xmlFree(dt);
}

/* Collapse whitespace of a title and check it; NULL when unusable. */
static char *clean_title(const char *s)
{
    text_walk w = {EL_BUF_INIT, BRK_NONE, 0};
    walk_text(&w, s);
    size_t len, bad;
    char *t = el_buf_detach(&w.out, &len);
    if (len == 0 || !el_utf8_validate(t, len, &bad)) {
        free(t);
        return NULL;
    }
    return t;
}

static char *page_title(xmlNode *root, const meta_scan *m)
{
    if (m->og_title) {
        char *t = clean_title(m->og_title);
        if (t)
            return t;
    }
    xmlNode *head_title = NULL;
    xmlNode **list = NULL;
    size_t count = 0, cap = 0;
    collect_elements(root, "title", &list, &count, &cap);
    if (count)
        head_title = list[0];
    free(list);
    if (!head_title)
        return NULL;
    xmlChar *s = xmlNodeGetContent(head_title);
    char *t = s ? clean_title((const char *)s) : NULL;
    xmlFree(s);
    return t;
}

/* <link rel="canonical" href="...">: the page's own URL. */
static void scan_link(xmlNode *n, void *ctx)
{
    char **url = ctx;
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    xmlChar *href = rel && xmlStrcasecmp(rel, (const xmlChar *)"canonical") == 0
                        ? xmlGetProp(n, (const xmlChar *)"href") : NULL;
    if (href && !*url)
        *url = el_strdup((const char *)href);
    xmlFree(rel);
    xmlFree(href);
}

/* An http(s) URL without spaces or control characters, or NULL. */
static char *clean_url(const char *s)
{
    if (!s || (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0))
        return NULL;
    size_t bad;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return NULL;
    return el_utf8_validate(s, strlen(s), &bad) ? el_strdup(s) : NULL;
}

static void set_metadata(el_doc *d, xmlNode *root, xmlNode *body)
{
    meta_scan m = {{0, 0, 0}, SIZE_MAX, NULL, NULL};
    find_elements(root, "meta", scan_meta, &m);
    d->title = page_title(root, &m);
    char *canonical = NULL;
    find_elements(root, "link", scan_link, &canonical);
    d->url = clean_url(canonical);
    if (!d->url)
        d->url = clean_url(m.og_url);
    free(canonical);
    free(m.og_url);
    free(m.og_title);
    if (m.dct_rank != SIZE_MAX) {
        d->dct = m.dct;
        d->dct_source = EL_DCT_METADATA;
        return;
    }
    time_scan t = {{0, 0, 0}, false};
    find_elements(root, "script", scan_jsonld, &t);
    if (!t.found)
        find_elements(body, "time", scan_time, &t);
    if (t.found) {
        d->dct = t.dct;
        d->dct_source = EL_DCT_METADATA;
    }
}

/* ---- reading ------------------------------------------------------------- */

/* Input checks before parsing.  Returns the encoding to give the parser
 * ("UTF-8", or NULL to honour a declared charset), false + *err if the
 * bytes cannot be HTML text. */
static bool check_input(const char *data, size_t len, const char **encoding, char **err)
{
    size_t bad;
    const char *nul = memchr(data, '\0', len);
    if (len == 0) {
        *err = el_strdup("empty document");
        return false;
    }
    if (nul) {
        *err = el_strdupf("binary data (NUL byte at offset %zu)", (size_t)(nul - data));
        return false;
    }
    if (len > INT_MAX) {
        *err = el_strdup("document too large for the HTML parser (over 2 GB)");
        return false;
    }
    *encoding = "UTF-8";
    if (el_utf8_validate(data, len, &bad))
        return true;
    size_t head = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 7 <= head; i++)
        if (strncasecmp(data + i, "charset", 7) == 0) {
            *encoding = NULL;
            return true;
        }
    *err = el_strdupf("invalid UTF-8 at byte %zu (and no charset declared)", bad);
    return false;
}

/* What the parser met that loses text: nesting past its depth limit (it
 * stops there) or bytes invalid in the declared charset (it stops at the
 * first).  Noted through libxml2's structured error handler. */
typedef struct html_losses { bool depth, encoding; } html_losses;

#if LIBXML_VERSION >= 21200
typedef const xmlError *html_error_arg;
#else
typedef xmlError *html_error_arg;
#endif

static void note_loss(void *ctx, html_error_arg e)
{
    html_losses *h = ctx;
    if (!h || !e)
        return;
    if (e->message && strstr(e->message, "Excessive depth"))
        h->depth = true;
    else if (e->domain == XML_FROM_I18N || e->code == XML_IO_ENCODER ||
             e->code == XML_ERR_INVALID_ENCODING || e->code == XML_I18N_CONV_FAILED)
        h->encoding = true;
}

/* One warning line naming the file for text the parser could not keep. */
static void warn_losses(const char *path, const html_losses *h)
{
    if (h->depth)
        fprintf(stderr, "eventline: %s: warning: HTML nested deeper than the parser's limit; "
                "the text after that point is lost\n", path);
    if (h->encoding)
        fprintf(stderr, "eventline: %s: warning: bytes invalid in the declared charset; "
                "the text after the first of them is lost\n", path);
}

static el_doc *html_doc(xmlDoc *html, const char *id, const char *path, const html_losses *h,
                        char **err)
{
    xmlNode *root = xmlDocGetRootElement(html);
    if (!root) {
        *err = el_strdup("no HTML content");
        return NULL;
    }
    xmlNode *body = content_root(root);
    size_t len, bad;
    char *text = element_text(body, &len);
    if (len == 0) {
        *err = el_strdup(h->depth ? "HTML nested deeper than the parser's limit before any text"
                                  : "no article text found in the HTML");
        free(text);
        return NULL;
    }
    if (!el_utf8_validate(text, len, &bad)) {
        *err = el_strdupf("invalid UTF-8 in the extracted text at byte %zu", bad);
        free(text);
        return NULL;
    }
    el_doc *d = el_doc_new(id, path, text, len);
    set_metadata(d, root, body);
    return d;
}

el_doc *el_read_html(const char *id, const char *path, const char *data, size_t len, char **err)
{
    const char *encoding = NULL;
    if (!check_input(data, len, &encoding, err))
        return NULL;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        *err = el_strdup("out of memory creating the HTML parser");
        return NULL;
    }
    html_losses losses = {false, false};
    xmlSetStructuredErrorFunc(&losses, note_loss);   /* this thread's handler, for this parse */
    xmlDoc *html = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, encoding, HTML_OPTIONS);
    xmlSetStructuredErrorFunc(NULL, NULL);
    el_doc *d = NULL;
    if (!html) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        *err = el_strdupf("HTML could not be parsed%s%.200s", e && e->message ? ": " : "",
                    e && e->message ? e->message : "");
        size_t n = strlen(*err);
        while (n && (*err)[n - 1] == '\n')
            (*err)[--n] = '\0';
    } else {
        d = html_doc(html, id, path, &losses, err);
        if (d)
            warn_losses(path ? path : id, &losses);
    }
    xmlFreeDoc(html);
    htmlFreeParserCtxt(ctxt);
    return d;
}
