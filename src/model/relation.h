/* relation.h - the relation types of temporal and subordination links
 * (TimeML 1.2.1 TLINK, SLINK and ALINK relTypes) as one enum with one name
 * table: documents' links (el_link.reltype), the corpus graph's relations
 * (el_relation.type), the link tables and the signal lexicon all hold an
 * el_reltype; the writers print el_reltype_name(). */
#ifndef EL_RELATION_H
#define EL_RELATION_H

#include <stdbool.h>

typedef enum el_reltype {
    EL_REL_NONE,
    /* TLINK */
    EL_REL_BEFORE, EL_REL_AFTER, EL_REL_INCLUDES, EL_REL_IS_INCLUDED, EL_REL_DURING,
    EL_REL_DURING_INV, EL_REL_SIMULTANEOUS, EL_REL_IAFTER, EL_REL_IBEFORE, EL_REL_IDENTITY,
    EL_REL_BEGINS, EL_REL_ENDS, EL_REL_BEGUN_BY, EL_REL_ENDED_BY,
    /* SLINK */
    EL_REL_MODAL, EL_REL_EVIDENTIAL, EL_REL_NEG_EVIDENTIAL, EL_REL_FACTIVE,
    EL_REL_COUNTER_FACTIVE, EL_REL_CONDITIONAL,
    /* ALINK */
    EL_REL_INITIATES, EL_REL_CULMINATES, EL_REL_TERMINATES, EL_REL_CONTINUES,
    EL_REL_REINITIATES,
    EL_REL_COUNT
} el_reltype;

/* "BEFORE", ...; "" for EL_REL_NONE or a value out of range. */
const char *el_reltype_name(el_reltype r);

/* The type named `s` (exact, upper case); false for an unknown name. */
bool el_reltype_parse(const char *s, el_reltype *out);

/* The relation seen from the other end (BEFORE <-> AFTER, INCLUDES <->
 * IS_INCLUDED, ...); a symmetric or non-temporal type is its own inverse. */
el_reltype el_reltype_inverse(el_reltype r);

#endif
