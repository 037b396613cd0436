/* export_dot.c - the timeline graph as DOT, built with cgraph, and rendered
 * to SVG/PNG/PDF through gvc.  Events are nodes labelled with their date
 * and label, clustered by month; asserted relations are edges (inferred
 * ones are left out of the picture, they are in the JSON). */
#include "export.h"
#include "util.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

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

static Agraph_t *build_graph(const el_corpus *c, const el_dot_options *opt)
{
    Agraph_t *g = agopen((char *)"timeline", Agdirected, NULL);
    set(g, "rankdir", "LR");
    set(g, "fontname", "Helvetica");
    agattr(g, AGNODE, (char *)"shape", (char *)"box");
    agattr(g, AGNODE, (char *)"style", (char *)"rounded");
    agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGEDGE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGEDGE, (char *)"fontsize", (char *)"10");
    Agnode_t **nodes = el_calloc(c->nevents + 1, sizeof *nodes);
    for (size_t i = 0; i < c->ntimeline; i++) {
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
        if (!nodes[i]) {
            Agnode_t *n = agnode(cluster_for(g, &c->events[i]), (char *)c->events[i].id, 1);
            set(n, "label", c->events[i].label ? c->events[i].label : c->events[i].id);
            nodes[i] = n;
        }
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        if (r->inferred)
            continue;
        Agedge_t *e = agedge(g, nodes[r->from], nodes[r->to], NULL, 1);
        if (strcmp(r->type, "BEFORE") != 0)
            set(e, "label", r->type);
    }
    if (opt && opt->entities) {
        for (size_t i = 0; i < c->nevents; i++)
            for (size_t p = 0; p < c->events[i].nparticipants; p++) {
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
