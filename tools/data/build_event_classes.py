#!/usr/bin/env python3
"""build_event_classes.py - learn gazetteers/events/timeml-classes.tsv from
TimeML gold files (TempEval-3 TBAQ: TimeBank 1.2 and AQUAINT).

For every lower-cased word form, in every context the event stage computes
from the closed-class words of gazetteers/events/grammar.tsv, count how often
the form occurs, how often it is annotated as an EVENT (first token of the
EVENT tag) and the TimeML classes of those events.  Contexts (adverbs and
negation skipped, as src/stages/event/event_class.c does):

  *          any context
  p:to       after infinitive "to"          p:mod   after will/modal/do
  p:have     after a form of "have"         p:be    after a form of "be"
  p:det      after a determiner             p:-     after anything else
  n:to       before "to"                    n:comp  before "that"/"whether"
  n:obj      before a determiner/pronoun    n:prep  before a place/time preposition
  n:-        before anything else

A row is written when there is enough evidence: EVENTS >= MIN_EVENTS (CLASS
is the majority class if its SHARE >= MIN_SHARE, else "-": the class is
mixed in that context), or OCC >= MIN_OCC and EVENTS/OCC < MAX_EVENTNESS
(seldom an event; grammar words, never triggers, are left out).
Columns: FORM CTX OCC EVENTS CLASS SHARE DIST, DIST the events per class
("OCCURRENCE:12,I_ACTION:3", "-" for none).

usage: build_event_classes.py TML_DIR... > gazetteers/events/timeml-classes.tsv
"""
import collections, glob, os, re, sys

# Thresholds chosen by 5-fold document cross-validation over TBAQ (tools/eval/cv-events);
# MIN_EVENTS, MIN_OCC and MAX_EVENTNESS are also LEARNED_MIN_EVENTS, RARE_MIN_OCC
# and RARE_EVENTNESS in src/stages/event/event_class.c.
MIN_EVENTS, MIN_SHARE = 3, 0.7
MIN_OCC, MAX_EVENTNESS = 8, 0.3
TOKEN = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*|'s|\S")
GRAMMAR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "gazetteers", "events", "grammar.tsv")


# function-word classes of grammar.tsv: they name one exact word for the C
# rules and are no context; a row with only a class is no grammar word here
WORD_CLASSES = {"coord", "alt", "contrast", "definite", "indefinite", "genitive", "purpose",
                "agent", "source", "start", "end", "before", "after", "within", "that_comp"}


def load_grammar(path):
    roles = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        w, r = line.rstrip("\n").split("\t")[:2]
        r = set(r.split(",")) - WORD_CLASSES
        if r:
            roles[w.lower()] = r
    return roles


def prev_ctx(r):
    if "to" in r: return "p:to"
    if r & {"will", "modal", "do_pres", "do_past"}: return "p:mod"
    if r & {"have_pres", "have_past", "have_base"}: return "p:have"
    if r & {"be_pres", "be_past", "be_part", "be_base", "be_ing"}: return "p:be"
    if "det" in r: return "p:det"
    return "p:-"


def next_ctx(r):
    if "to" in r: return "n:to"
    if "comp" in r: return "n:comp"
    if r & {"det", "pron"}: return "n:obj"
    if r & {"loc_prep", "time_prep"}: return "n:prep"
    return "n:-"


def skippable(r):
    aux = {"be_pres", "be_past", "be_part", "be_base", "be_ing", "have_pres", "have_past",
           "have_base", "do_pres", "do_past", "will", "modal"}
    return bool(r & {"adv", "neg"}) and not (r & aux)


def tml_tokens(text):
    """(token, TimeML class of the event it begins, or None) for the TEXT of
    one .tml file."""
    out = []
    for m in re.finditer(r'<EVENT([^>]*)>([^<]*)</EVENT>|<[^>]+>|[^<]+', text):
        s = m.group(0)
        if m.group(1) is not None:
            cls = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1))).get("class", "OCCURRENCE")
            for k, t in enumerate(TOKEN.findall(m.group(2))):
                out.append((t, cls if k == 0 else None))
        elif not s.startswith("<"):
            out.extend((t, None) for t in TOKEN.findall(s.replace("&amp;", "&")))
    return out


def tokens(text):
    """(lower-case token, class or None) for the TEXT of one .tml file."""
    return [(t.lower(), cls) for t, cls in tml_tokens(text)]


def count(dirs, roles):
    occ = collections.Counter()
    cls = collections.defaultdict(collections.Counter)
    none = set()
    for d in dirs:
        for f in sorted(glob.glob(os.path.join(d, "*.tml"))):
            s = open(f, encoding="utf-8").read()
            toks = tokens(s[s.index("<TEXT>"):s.index("</TEXT>")])
            r = [roles.get(w, none) for w, _ in toks]
            for i, (w, c) in enumerate(toks):
                if not w[0].isalpha():
                    continue
                j = i - 1
                while j >= 0 and skippable(r[j]):
                    j -= 1
                k = i + 1
                while k < len(toks) and skippable(r[k]):
                    k += 1
                ctxs = ("*", prev_ctx(r[j]) if j >= 0 else "p:-",
                        next_ctx(r[k]) if k < len(toks) else "n:-")
                for ctx in ctxs:
                    occ[w, ctx] += 1
                    if c:
                        cls[w, ctx][c] += 1
    return occ, cls


def main(dirs):
    roles = load_grammar(GRAMMAR)
    occ, cls = count(dirs, roles)
    names = " + ".join(os.path.basename(os.path.normpath(d)) for d in dirs)
    print(f"# generated by tools/data/build_event_classes.py from TempEval-3 TBAQ {names}")
    print("# FORM\tCTX\tOCC\tEVENTS\tCLASS\tSHARE\tDIST")
    order = {c: i for i, c in enumerate(["*", "p:to", "p:mod", "p:have", "p:be", "p:det", "p:-",
                                         "n:to", "n:comp", "n:obj", "n:prep", "n:-"])}
    for (w, ctx) in sorted(occ, key=lambda k: (k[0], order[k[1]])):
        n = occ[w, ctx]
        ev = sum(cls[w, ctx].values())
        c, top = cls[w, ctx].most_common(1)[0] if ev else ("-", 0)
        share = top / ev if ev else 0.0
        strong_class = ev >= MIN_EVENTS and share >= MIN_SHARE
        rare = n >= MIN_OCC and ev / n < MAX_EVENTNESS
        if ev < MIN_EVENTS and not rare:
            continue
        if not ev and w in roles:
            continue   # grammar words are never triggers
        dist = ",".join(f"{k}:{m}" for k, m in cls[w, ctx].most_common()) or "-"
        print(f"{w}\t{ctx}\t{n}\t{ev}\t{c if strong_class else '-'}\t{share:.2f}\t{dist}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
