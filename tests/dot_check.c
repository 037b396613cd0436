/* dot_check.c - test helper: parse a DOT file with cgraph and print its
 * node and edge counts; exit 1 if it does not parse. */
#include <graphviz/cgraph.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: dot_check FILE.dot\n");
        return 2;
    }
    FILE *fp = fopen(argv[1], "r");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    Agraph_t *g = agread(fp, NULL);
    fclose(fp);
    if (!g) {
        fprintf(stderr, "%s: not a valid DOT graph\n", argv[1]);
        return 1;
    }
    printf("%d nodes, %d edges\n", agnnodes(g), agnedges(g));
    agclose(g);
    return 0;
}
