/* tlink_rules.h - the data of the TimeML writer's Task C links
 * (export/timeml_links.c): the relation each link rule takes for the
 * features of its two events (gazetteers/time/tlinks.tsv, learned from
 * TBAQ by tools/eval/learn-tlinks), and the subordination links
 * (gazetteers/time/subordination.tsv: SLINK by event class, ALINK by
 * aspectual lemma).  Read-only once loaded; shared by all documents. */
#ifndef EL_TLINK_RULES_H
#define EL_TLINK_RULES_H

#include "model/doc.h"

typedef struct el_tlink_rule {
    char rule[8];        /* dct, sent, next; slink, alink */
    char from[40];       /* feature of the first end (el_tlink_feature), a class or a lemma */
    char to[40];         /* feature of the second end, "DCT" or "-" */
    el_reltype rel;      /* the relation type to write */
    float precision;     /* cross-validated precision (1 for hand-written rows) */
} el_tlink_rule;

typedef struct el_tlink_rules {
    el_tlink_rule *rows;
    size_t n;
} el_tlink_rules;

/* Load DIR/time/tlinks.tsv and DIR/time/subordination.tsv (a missing file
 * adds no rows); NULL and *err
 * (caller frees) naming the file and line on failure. */
el_tlink_rules *el_tlink_rules_load(const char *dir, char **err);
void el_tlink_rules_free(el_tlink_rules *r);

/* The relation of `rule` for the two features, EL_REL_NONE when the table
 * has none (the link is then not drawn). */
el_reltype el_tlink_rules_find(const el_tlink_rules *r, const char *rule, const char *from,
                                const char *to);

/* An event's feature as the table writes it: MODAL under a modal other
 * than the future's "will", else
 * TENSE/ASPECT for a finite verb or the bare tense (INFINITIVE, PRESPART,
 * PASTPART, NONE); each prefixed "REPORTING:" for a reporting event.  Returns buf. */
char *el_tlink_feature(const el_event_mention *e, char *buf, size_t n);

#endif
