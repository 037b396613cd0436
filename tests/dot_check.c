/* dot_check.c - test helper: parse a DOT file with cgraph and print its
 * node and edge counts; exit 1 if it does not parse.  With --labels, print
 * every node's label as Graphviz shows it instead (escString decoded: "\\"
 * is a backslash, "\n" "\l" "\r" end a line, "\"" is a quote), one line per
 * label line. */
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <string.h>

static void print_label(const char *s)
{
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            putchar(*s);
            continue;
        }
        s++;
        putchar(*s == 'n' || *s == 'l' || *s == 'r' ? '\n' : *s);
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    int labels = argc == 3 && strcmp(argv[1], "--labels") == 0;
    if (argc != 2 && !labels) {
        fprintf(stderr, "usage: dot_check [--labels] FILE.dot\n");
        return 2;
    }
    const char *path = argv[argc - 1];
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        return 1;
    }
    Agraph_t *g = agread(fp, NULL);
    fclose(fp);
    if (!g) {
        fprintf(stderr, "%s: not a valid DOT graph\n", path);
        return 1;
    }
    if (labels) {
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
            char *l = agget(n, (char *)"label");
            if (l)
                print_label(l);
        }
    } else {
        printf("%d nodes, %d edges\n", agnnodes(g), agnedges(g));
    }
    agclose(g);
    return 0;
}
