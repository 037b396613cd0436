#!/usr/bin/env python3
"""build_event_model.py - learn gazetteers/events/event-model.tsv, a small
linear model (averaged multi-class perceptron) that scores a word token as
no event (NONE) or an event of one TimeML class, from TimeML gold files
(TempEval-3 TBAQ: TimeBank 1.2 and AQUAINT).  Standard library only.

Every alphabetic token of TEXT is a training example; its label is the class
of the EVENT tag it begins, or NONE.  Features (the same strings
src/stages/event/event_model.c computes from the document's tokens; contexts as in
tools/data/build_event_classes.py, adverbs and negation skipped):

  w=FORM        lower-cased form          s3=, s2=   its last 3 / 2 letters
  st=STEM       the form without -ing, -ed, -es, -s or -e (keeping 3+ letters)
  pc=CTX        context before (p:to ...)  nc=CTX    context after (n:to ...)
  wpc=FORM|CTX  form and context before    wnc=FORM|CTX  form and context after
  s3pc=SUF|CTX  suffix and context before  s3nc=SUF|CTX  suffix and context after
  pw=WORD       the token before (lower)   nw=WORD   the token after (lower)
  sh=SHAPE      lo (lower case), cap (capital inside a sentence), ss (first
                of its sentence), up (all capitals)
  b=1           bias
  wn1=FIRST, wns=SHARE, wnv=DEVERBAL, wnb=FIRST|SHARE|DEVERBAL   for a form listed in
                gazetteers/events/nominal-events.tsv (WordNet nouns with an
                event sense): the lexicographer file of its first sense and
                the share of its senses that are events (all, most, some),
                and whether it names the act of a verb (DEVERBAL 1 or 0)

Features seen fewer than MIN_COUNT times are dropped; weights are the averaged
perceptron weights after EPOCHS passes (examples shuffled with a fixed seed),
rounded to 3 decimals (src/stages/event/event_model.c stores them in thousandths, at most
32.767 in absolute value); rows whose weights are all 0 are left out.

The WordNet features depend on the form alone, so they are not written as
rows: each listed form's row w=FORM gets their weights added (a listed form
with no row of its own gets one).  src/stages/event/event_model.c thus
computes them without reading the noun list, and a listed form the training
files never showed is scored as a noun of its kind (and can be taken as a
new event), weighted on the training files only.

Output: a header comment, then FEATURE<TAB>NONE<TAB>OCCURRENCE<TAB>REPORTING
<TAB>STATE<TAB>I_ACTION<TAB>I_STATE<TAB>ASPECTUAL<TAB>PERCEPTION.

usage: build_event_model.py TML_DIR... > gazetteers/events/event-model.tsv
"""
import collections, glob, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_event_classes import (GRAMMAR, load_grammar, next_ctx, prev_ctx, skippable,  # noqa
                                 tml_tokens)

LABELS = ["NONE", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL",
          "PERCEPTION"]
EPOCHS, MIN_COUNT, SEED = 8, 2, 1
PRUNE = 0.001   # rows whose weights are all smaller (0 after rounding) are left out
SENT_END = {".", "?", "!"}
NOUNS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gazetteers",
                     "events", "nominal-events.tsv")


def load_nouns(path):
    """{form: [WordNet feature strings]} from nominal-events.tsv."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            form, _lemma, first, ev, n, dv = line.rstrip("\n").split("\t")
            ev, n = int(ev), int(n)
            share = "all" if ev == n else "most" if 2 * ev >= n else "some"
            out[form] = ["wn1=" + first, "wns=" + share, "wnv=" + dv,
                         "wnb=" + first + "|" + share + "|" + dv]
    return out
QUOTES = {'"', "'", "``", "''", "\u201c", "\u201d"}


def tokens(text):
    """(token, label index) for the TEXT of one .tml file."""
    return [(t, 0 if cls is None else LABELS.index(cls) if cls in LABELS else 1)
            for t, cls in tml_tokens(text)]


def lower(s):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


def shape(toks, i):
    t = toks[i]
    j = i - 1
    while j >= 0 and toks[j] in QUOTES:
        j -= 1
    if j < 0 or toks[j] in SENT_END:
        return "ss"
    if len(t) > 1 and t.isupper():
        return "up"
    return "cap" if t[0].isupper() else "lo"


def stem(w):
    """w without its first matching ending (-ing, -ed, -es, -s, -e), if 3+ letters stay."""
    for suf in ("ing", "ed", "es", "s", "e"):
        if len(w) > len(suf) + 2 and w.endswith(suf):
            return w[:-len(suf)]
    return w


def features(toks, low, roles, i, nouns):
    """Feature strings of token i (see the module comment)."""
    w = low[i]
    j = i - 1
    while j >= 0 and skippable(roles[j]):
        j -= 1
    k = i + 1
    while k < len(toks) and skippable(roles[k]):
        k += 1
    pc = prev_ctx(roles[j]) if j >= 0 else "p:-"
    nc = next_ctx(roles[k]) if k < len(toks) else "n:-"
    s3, s2 = w[-3:], w[-2:]
    return ["b=1", "w=" + w, "s3=" + s3, "s2=" + s2, "pc=" + pc, "nc=" + nc,
            "wpc=" + w + "|" + pc, "wnc=" + w + "|" + nc, "s3pc=" + s3 + "|" + pc,
            "s3nc=" + s3 + "|" + nc, "pw=" + (low[i - 1] if i > 0 else "<s>"),
            "nw=" + (low[i + 1] if i + 1 < len(toks) else "</s>"), "sh=" + shape(toks, i),
            "st=" + stem(w)] + nouns.get(w, [])


def examples(dirs, roles, nouns):
    out = []
    none = set()
    for d in dirs:
        for f in sorted(glob.glob(os.path.join(d, "*.tml"))):
            s = open(f, encoding="utf-8").read()
            tl = tokens(s[s.index("<TEXT>"):s.index("</TEXT>")])
            toks = [t for t, _ in tl]
            low = [lower(t) for t in toks]
            r = [roles.get(w, none) for w in low]
            for i, (t, lab) in enumerate(tl):
                if t[0].isalpha():
                    out.append((features(toks, low, r, i, nouns), lab))
    return out


def train(data):
    counts = collections.Counter(f for feats, _ in data for f in feats)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    data = [([f for f in feats if f in keep], lab) for feats, lab in data]
    nl = len(LABELS)
    w = collections.defaultdict(lambda: [0.0] * nl)
    u = collections.defaultdict(lambda: [0.0] * nl)   # step-weighted updates
    rng = random.Random(SEED)
    c = 1
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for feats, lab in data:
            sc = [0.0] * nl
            for f in feats:
                v = w.get(f)
                if v:
                    for k in range(nl):
                        sc[k] += v[k]
            best = max(range(nl), key=lambda k: (sc[k], -k))
            if best != lab:
                for f in feats:
                    v, a = w[f], u[f]
                    v[lab] += 1.0; v[best] -= 1.0
                    a[lab] += c; a[best] -= c
            c += 1
    return {f: [v[k] - u[f][k] / c for k in range(nl)] for f, v in w.items()}


def fold_nouns(model, nouns):
    """Add each listed form's WordNet feature weights to its w=FORM row."""
    for form, feats in nouns.items():
        ws = [model[f] for f in feats if f in model]
        if not ws:
            continue
        row = list(model.get("w=" + form, [0.0] * len(LABELS)))
        for v in ws:
            row = [a + b for a, b in zip(row, v)]
        model["w=" + form] = row
    for f in [f for f in model if f.split("=", 1)[0] in ("wn1", "wns", "wnv", "wnb")]:
        del model[f]
    return model


def main(dirs):
    roles = load_grammar(GRAMMAR)
    nouns = load_nouns(NOUNS)
    model = fold_nouns(train(examples(dirs, roles, nouns)), nouns)
    names = " + ".join(os.path.basename(os.path.normpath(d)) for d in dirs)
    print(f"# generated by tools/data/build_event_model.py from TempEval-3 TBAQ {names}")
    print(f"# averaged perceptron, {EPOCHS} epochs, features seen >= {MIN_COUNT} times")
    print("# FEATURE\t" + "\t".join(LABELS))
    for f in sorted(model):
        ws = [round(x, 3) for x in model[f]]
        if max(abs(x) for x in ws) >= PRUNE:
            print(f + "\t" + "\t".join(f"{x:g}" for x in ws))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
