#!/usr/bin/env python3
"""include-graph.py - check the include graph of src/ against the layer
order of docs/architecture.md.

Reads every `#include "..."` of src/**/*.{c,h} and fails (exit 1, one line
per problem) on
  - an edge to a folder of a higher layer, or to another folder of the same
    layer (side-by-side folders are independent), unless docs/architecture.md
    lists it under "Allowed up-layer includes" as a line
        - `src/FROM` includes `TO`: why
  - a cycle between modules (a module is NAME.c with its NAME.h).
The layer order is LAYERS below; docs/architecture.md states the same.

    tools/dev/include-graph.py [SRCDIR [ARCHITECTURE.md]]   (from the top dir)
    tools/dev/include-graph.py --dot                          the folder graph
"""
import os
import re
import sys

# lowest first; folders of one row lie side by side
LAYERS = [
    ["base"],
    ["model"],
    ["text"],
    ["read"],
    ["stages/timex", "stages/entity", "stages/event", "stages/syntax"],
    ["stages"],
    ["timeline"],
    ["export"],
    ["codec", "store"],   # codec writes a result through the JSON exporter
    ["."],            # src/eventline.[ch], the public API
    ["cli"],
]
GENERATED = {"config.h"}
RANK = {folder: i for i, row in enumerate(LAYERS) for folder in row}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
ALLOWED = re.compile(r"^- `src/([^`]+)` includes `([^`]+)`", re.M)


def folder(path):
    return os.path.dirname(path) or "."


def read_graph(src):
    edges = {}
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            edges[rel] = [i for i in INCLUDE.findall(text) if i not in GENERATED]
    return edges


def allowed_edges(doc):
    try:
        with open(doc, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return set()
    part = text.split("Allowed up-layer includes", 1)
    return set(ALLOWED.findall(part[1])) if len(part) > 1 else set()


def layer_problems(edges, allowed):
    problems = []
    for a, incs in sorted(edges.items()):
        fa = folder(a)
        if fa not in RANK:
            problems.append(f"src/{a}: folder {fa}/ is in no layer (add it to LAYERS and the docs)")
            continue
        for b in incs:
            fb = folder(b)
            if b not in edges:
                problems.append(f"src/{a}: includes {b}, which is not under src/")
            elif fb != fa and fb in RANK and RANK[fb] >= RANK[fa] and (a, b) not in allowed:
                where = "up-layer" if RANK[fb] > RANK[fa] else "side-by-side"
                problems.append(f"src/{a}: {where} include of {b} ({fa}/ -> {fb}/)")
    return problems


def module(path):
    return os.path.splitext(path)[0]


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    graph = {}
    for a, incs in edges.items():
        graph.setdefault(module(a), set()).update(module(b) for b in incs if module(b) != module(a))
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main(argv):
    dot = "--dot" in argv
    args = [a for a in argv if a != "--dot"]
    src = args[0] if args else "src"
    doc = args[1] if len(args) > 1 else os.path.join(os.path.dirname(os.path.abspath(src)), "docs", "architecture.md")
    edges = read_graph(src)
    if dot:
        pairs = sorted({(folder(a), folder(b)) for a, incs in edges.items() for b in incs if folder(a) != folder(b)})
        print("digraph includes {\n" + "".join(f'  "{a}" -> "{b}";\n' for a, b in pairs) + "}")
        return 0
    problems = layer_problems(edges, allowed_edges(doc))
    problems += ["include cycle between modules: " + " -> ".join(c) for c in cycles(edges)]
    for p in problems:
        print("include-graph: " + p, file=sys.stderr)
    nedges = sum(len(v) for v in edges.values())
    print(f"include-graph: {len(edges)} files, {nedges} includes, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
