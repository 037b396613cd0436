/* relation.c - the relation type names (relation.h): the one table. */
#include "model/relation.h"

#include <string.h>

static const char *const names[EL_REL_COUNT] = {
    [EL_REL_NONE] = "",
    [EL_REL_BEFORE] = "BEFORE", [EL_REL_AFTER] = "AFTER", [EL_REL_INCLUDES] = "INCLUDES",
    [EL_REL_IS_INCLUDED] = "IS_INCLUDED", [EL_REL_DURING] = "DURING",
    [EL_REL_DURING_INV] = "DURING_INV", [EL_REL_SIMULTANEOUS] = "SIMULTANEOUS",
    [EL_REL_IAFTER] = "IAFTER", [EL_REL_IBEFORE] = "IBEFORE", [EL_REL_IDENTITY] = "IDENTITY",
    [EL_REL_BEGINS] = "BEGINS", [EL_REL_ENDS] = "ENDS", [EL_REL_BEGUN_BY] = "BEGUN_BY",
    [EL_REL_ENDED_BY] = "ENDED_BY",
    [EL_REL_MODAL] = "MODAL", [EL_REL_EVIDENTIAL] = "EVIDENTIAL",
    [EL_REL_NEG_EVIDENTIAL] = "NEG_EVIDENTIAL", [EL_REL_FACTIVE] = "FACTIVE",
    [EL_REL_COUNTER_FACTIVE] = "COUNTER_FACTIVE", [EL_REL_CONDITIONAL] = "CONDITIONAL",
    [EL_REL_INITIATES] = "INITIATES", [EL_REL_CULMINATES] = "CULMINATES",
    [EL_REL_TERMINATES] = "TERMINATES", [EL_REL_CONTINUES] = "CONTINUES",
    [EL_REL_REINITIATES] = "REINITIATES",
};

const char *el_reltype_name(el_reltype r)
{
    return (unsigned)r < EL_REL_COUNT ? names[r] : "";
}

bool el_reltype_parse(const char *s, el_reltype *out)
{
    for (int i = 1; i < EL_REL_COUNT; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (el_reltype)i;
            return true;
        }
    return false;
}

el_reltype el_reltype_inverse(el_reltype r)
{
    static const el_reltype pairs[][2] = {
        {EL_REL_BEFORE, EL_REL_AFTER}, {EL_REL_INCLUDES, EL_REL_IS_INCLUDED},
        {EL_REL_DURING, EL_REL_DURING_INV}, {EL_REL_IBEFORE, EL_REL_IAFTER},
        {EL_REL_BEGINS, EL_REL_BEGUN_BY}, {EL_REL_ENDS, EL_REL_ENDED_BY},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        if (r == pairs[i][0])
            return pairs[i][1];
        if (r == pairs[i][1])
            return pairs[i][0];
    }
    return r;
}
