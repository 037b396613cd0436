/* export_dot.c - the timeline graph as DOT, built with cgraph, and rendered
 * to SVG/PNG/PDF through gvc.  Events are nodes labelled with their date
 * and label, clustered by month; asserted relations are edges (inferred
 * ones are left out of the picture, they are in the JSON).  An undated
 * event is drawn only when an asserted relation ties it to another drawn
 * event (or with el_dot_options.undated); all events are in the JSON.  Object ids are
 * given in creation order, so the DOT text is the same on every run. */
#include "export/export.h"
#include "base/util.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

/* ---- deterministic object ids -------------------------------------------
 * cgraph keeps nodes and subgraphs ordered by id, and its default ids are
 * string addresses, which vary from run to run.  This discipline numbers
 * names in creation order instead, so the DOT text is the same every run. */
typedef struct name_ids {
    Agraph_t *g;
    char **names; size_t n, cap;   /* id 2k+2 <-> names[k] (cgraph refstrs, freed with g) */
    uint32_t *slots; size_t nslots; /* open addressing: name index + 1, 0 = empty */
    IDTYPE anon;
} name_ids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    name_ids *t = el_calloc(1, sizeof *t);
    t->g = g;
    t->nslots = 64;
    t->slots = el_calloc(t->nslots, sizeof *t->slots);
    t->anon = 1;
    return t;
}

static size_t ids_slot(const name_ids *t, const char *s)
{
    size_t i = el_hash(s, strlen(s)) & (t->nslots - 1);
    while (t->slots[i] && strcmp(t->names[t->slots[i] - 1], s) != 0)
        i = (i + 1) & (t->nslots - 1);
    return i;
}

static void ids_grow(name_ids *t)
{
    free(t->slots);
    t->nslots *= 2;
    t->slots = el_calloc(t->nslots, sizeof *t->slots);
    for (size_t k = 0; k < t->n; k++)
        t->slots[ids_slot(t, t->names[k])] = (uint32_t)k + 1;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    name_ids *t = state;
    (void)objtype;
    if (!str) {
        *id = t->anon;
        t->anon += 2;
        return 1;
    }
    size_t i = ids_slot(t, str);
    if (!t->slots[i]) {
        if (!createflag)
            return 0;
        EL_PUSH(t->names, t->n, t->cap) = agstrdup(t->g, str);
        t->slots[i] = (uint32_t)t->n;
        if (2 * t->n > t->nslots)
            ids_grow(t);
        i = ids_slot(t, str);
    }
    *id = (IDTYPE)(2 * t->slots[i]);
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state; (void)objtype; (void)id;
    return 0;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state; (void)objtype; (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    name_ids *t = state;
    (void)objtype;
    return id % 2 == 0 && id >= 2 && (size_t)(id / 2) <= t->n ? t->names[id / 2 - 1] : NULL;
}

static void ids_close(void *state)
{
    name_ids *t = state;
    free(t->names);
    free(t->slots);
    free(t);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state; (void)objtype; (void)obj;
}

static Agiddisc_t creation_order_ids = {ids_open, ids_map, ids_alloc, ids_free, ids_print,
                                        ids_close, ids_register};

static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static Agraph_t *cluster_for(Agraph_t *g, const el_event *v)
{
    char name[64], label[32];
    if (!v->value[0] || strlen(v->value) < 4 || v->value[0] < '0' || v->value[0] > '9') {
        snprintf(name, sizeof name, "cluster_undated");
        snprintf(label, sizeof label, "undated");
    } else {
        size_t n = strlen(v->value) >= 7 && v->value[4] == '-' ? 7 : 4;
        snprintf(name, sizeof name, "cluster_%.*s", (int)n, v->value);
        snprintf(label, sizeof label, "%.*s", (int)n, v->value);
    }
    Agraph_t *sg = agsubg(g, name, 0);
    if (!sg) {
        sg = agsubg(g, name, 1);
        set(sg, "label", label);
        set(sg, "style", "rounded");
        set(sg, "color", "gray60");
    }
    return sg;
}

static bool dated(const el_event *v)
{
    return v->value[0] != '\0';
}

/* Events to draw: dated ones, and undated ones that an asserted relation
 * ties to a dated one (directly), or every event when `all`. */
static bool *drawn_events(const el_corpus *c, bool all)
{
    bool *drawn = el_calloc(c->nevents + 1, sizeof *drawn);
    for (size_t i = 0; i < c->nevents; i++)
        drawn[i] = all || dated(&c->events[i]);
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        if (r->inferred)
            continue;
        if (dated(&c->events[r->from]))
            drawn[r->to] = true;
        if (dated(&c->events[r->to]))
            drawn[r->from] = true;
    }
    return drawn;
}

static Agraph_t *build_graph(const el_corpus *c, const el_dot_options *opt)
{
    Agdisc_t disc = {&AgMemDisc, &creation_order_ids, &AgIoDisc};
    Agraph_t *g = agopen((char *)"timeline", Agdirected, &disc);
    set(g, "rankdir", "LR");
    set(g, "fontname", "Helvetica");
    agattr(g, AGNODE, (char *)"shape", (char *)"box");
    agattr(g, AGNODE, (char *)"style", (char *)"rounded");
    agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGEDGE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGEDGE, (char *)"fontsize", (char *)"10");
    Agnode_t **nodes = el_calloc(c->nevents + 1, sizeof *nodes);
    bool *drawn = drawn_events(c, opt && opt->undated);
    for (size_t i = 0; i < c->ntimeline; i++) {
        if (!drawn[c->timeline[i]] || !c->events[c->timeline[i]].type)
            continue;   /* untyped events ("X said") stay in the JSON */
        const el_event *v = &c->events[c->timeline[i]];
        Agraph_t *sg = cluster_for(g, v);
        Agnode_t *n = agnode(sg, (char *)v->id, 1);
        char label[512];
        snprintf(label, sizeof label, "%s\n%s", v->value[0] ? v->value : "undated",
                 v->label ? v->label : (v->type ? v->type : v->id));
        set(n, "label", label);
        if (!v->factual)
            set(n, "style", "rounded,dashed");
        nodes[c->timeline[i]] = n;
    }
    for (size_t i = 0; i < c->nevents; i++)
        if (!nodes[i] && c->events[i].type && drawn[i]) {   /* untyped events stay in the JSON */
            Agnode_t *n = agnode(cluster_for(g, &c->events[i]), (char *)c->events[i].id, 1);
            set(n, "label", c->events[i].label ? c->events[i].label : c->events[i].id);
            nodes[i] = n;
        }
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        if (r->inferred || !nodes[r->from] || !nodes[r->to])
            continue;
        Agedge_t *e = agedge(g, nodes[r->from], nodes[r->to], NULL, 1);
        if (strcmp(r->type, "BEFORE") != 0)
            set(e, "label", r->type);
    }
    if (opt && opt->entities) {
        for (size_t i = 0; i < c->nevents; i++)
            for (size_t p = 0; nodes[i] && p < c->events[i].nparticipants; p++) {
                const el_entity *en = &c->entities[c->events[i].participants[p]];
                Agnode_t *n = agnode(g, (char *)en->id, 1);
                set(n, "label", en->name);
                set(n, "shape", "ellipse");
                Agedge_t *e = agedge(g, n, nodes[i], NULL, 1);
                set(e, "style", "dotted");
                set(e, "arrowhead", "none");
            }
    }
    free(nodes);
    free(drawn);
    return g;
}

int el_export_dot(const el_corpus *c, const el_dot_options *opt, const char *render, FILE *out)
{
    Agraph_t *g = build_graph(c, opt);
    int rc = 0;
    if (!render || strcmp(render, "dot") == 0) {
        rc = agwrite(g, out) == 0 ? 0 : -1;
    } else {
        GVC_t *gvc = gvContext();
        if (gvLayout(gvc, g, "dot") != 0 || gvRender(gvc, g, render, out) != 0) {
            fprintf(stderr, "eventline: graphviz could not render %s\n", render);
            rc = -1;
        }
        gvFreeLayout(gvc, g);
        gvFreeContext(gvc);
    }
    agclose(g);
    return rc;
}
