/* jdom.h - a lean JSON reader for eventline's own results (the input of
 * `merge`): one pass over a mutable buffer into a flat array of nodes,
 * strings decoded in place, no allocation per value (the node array is
 * reused from one result to the next).  It accepts exactly RFC 8259 JSON
 * with UTF-8 strings, and, like Jansson's defaults, refuses "\u0000" (so
 * every string is a C string) and nesting deeper than EL_JD_DEPTH.  A key
 * that occurs twice in one object: the first is found. */
#ifndef EL_JDOM_H
#define EL_JDOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EL_JD_DEPTH 64

typedef enum { EL_JD_NULL, EL_JD_FALSE, EL_JD_TRUE, EL_JD_INT, EL_JD_REAL, EL_JD_STR,
               EL_JD_ARR, EL_JD_OBJ } el_jd_type;

/* One value.  Containers list their children through `first` and the
 * children's `next` (node indices; 0 = none: node 0 is the root, never a
 * child).  An object member's key is in the child node. */
typedef struct el_jd_node {
    uint8_t type;
    uint32_t next;
    uint32_t klen;
    const char *key;
    union {
        struct { const char *s; size_t n; } str;
        int64_t i;
        double d;
        struct { uint32_t first, count; } c;
    } v;
} el_jd_node;

typedef struct el_jd {
    el_jd_node *nodes;
    size_t nnodes, cap;
    char err[160];
} el_jd;

/* A value: the document and a node index (node 0 = the root); a NULL
 * document is the absent value, on which every accessor answers "absent". */
typedef struct el_jv {
    const el_jd *jd;
    uint32_t i;
} el_jv;

/* Parse buf[0..n) (changed in place: strings are decoded there) into jd,
 * replacing what it held.  False + jd->err ("line:col: problem") if it is
 * not one JSON value (whitespace around it is allowed). */
bool el_jd_parse(el_jd *jd, char *buf, size_t n);
void el_jd_free(el_jd *jd);

el_jv el_jd_root(const el_jd *jd);
/* The member `key` of an object; absent if v is not an object or has none. */
el_jv el_jv_get(el_jv v, const char *key);
/* The children of an array: the first, then el_jv_next (absent at the end). */
el_jv el_jv_first(el_jv v);
el_jv el_jv_next(el_jv v);
size_t el_jv_size(el_jv v);   /* elements of an array, 0 otherwise */

static inline bool el_jv_present(el_jv v) { return v.jd != NULL; }
static inline el_jd_type el_jv_type(el_jv v)
{
    return v.jd ? (el_jd_type)v.jd->nodes[v.i].type : EL_JD_NULL;
}
static inline bool el_jv_is(el_jv v, el_jd_type t) { return v.jd && el_jv_type(v) == t; }
static inline bool el_jv_is_number(el_jv v)
{
    return el_jv_is(v, EL_JD_INT) || el_jv_is(v, EL_JD_REAL);
}
/* The string (a C string), or NULL if v is not a string. */
static inline const char *el_jv_str(el_jv v)
{
    return el_jv_is(v, EL_JD_STR) ? v.jd->nodes[v.i].v.str.s : NULL;
}
static inline size_t el_jv_strlen(el_jv v)
{
    return el_jv_is(v, EL_JD_STR) ? v.jd->nodes[v.i].v.str.n : 0;
}
static inline int64_t el_jv_int(el_jv v)
{
    return el_jv_is(v, EL_JD_INT) ? v.jd->nodes[v.i].v.i : 0;
}
static inline double el_jv_number(el_jv v)
{
    return el_jv_is(v, EL_JD_INT) ? (double)v.jd->nodes[v.i].v.i
           : el_jv_is(v, EL_JD_REAL) ? v.jd->nodes[v.i].v.d : 0.0;
}

#endif
