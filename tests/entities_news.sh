#!/bin/sh
# entities_news.sh - the entity stage on short business, disaster and tech
# articles written for these tests (tests/data/entities/): the errors a new
# user met on unseen news must not recur (an acronym and its expansion split,
# a company split by its legal suffix, "Hurricane X" and "X" apart, agencies
# typed as places or people, games typed as people, ordinary capitalized
# words as entities, known places and companies typed OTHER); financial
# names and aircraft are typed; a user file can exclude a name.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
D="$TOP_SRCDIR/tests/data/entities"

json() {   # json FILE...: the JSON result in $TMP/out/timeline.json
    rm -rf "$TMP/out"
    expect_status 0 "annotate $*" "$EVENTLINE" -q -f json -o "$TMP/out" "$@"
}
# entity NAME TYPE [MENTIONS]: one entity of that canonical name and type (and mention count)
entity() {
    if python3 - "$TMP/out/timeline.json" "$1" "$2" "${3:-}" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
es = [e for e in j["entities"] if e["name"] == sys.argv[2]]
ok = len(es) == 1 and es[0]["type"] == sys.argv[3] and \
    (not sys.argv[4] or es[0]["mention_count"] == int(sys.argv[4]))
sys.exit(0 if ok else 1)
PY
    then ok "$1 is one $2 entity ${3:+with $3 mentions}"; else fail "$1 is one $2 entity ${3:+with $3 mentions}"; fi
}
# none TEXT: no mention has this text
none() {
    if python3 - "$TMP/out/timeline.json" "$1" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(1 if any(m["text"] == sys.argv[2] for d in j["documents"] for m in d["mentions"]) else 0)
PY
    then ok "no mention '$1'"; else fail "no mention '$1'"; fi
}
# count TYPE N: N entities of that type whose name contains WORD
named() {
    n=$(python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(sum(sys.argv[2] in e['name'] for e in j['entities']))" \
        "$TMP/out/timeline.json" "$1")
    if [ "$n" = "$2" ]; then ok "$2 entities named *$1*"; else fail "$2 entities named *$1* (got $n)"; fi
}

json "$D/business.txt"
entity "Activision Blizzard Inc." ORGANIZATION 4
named Activision 1
entity "Competition and Markets Authority" ORGANIZATION 4
named CMA 0
entity "Santa Monica" LOCATION
entity "Nintendo" ORGANIZATION
entity "ZeniMax Media" ORGANIZATION
entity "Candy Crush" PRODUCT
none Residents
none Staff

json "$D/disaster.txt"
entity "Hurricane Idalia" OTHER 3
named Idalia 1
entity "National Hurricane Center" ORGANIZATION
entity "Florida Highway Patrol" ORGANIZATION
entity "Federal Emergency Management Agency" ORGANIZATION 3
entity "Valdosta" LOCATION
none Category
none Residents
none Staff

json "$D/tech.txt"
entity "Electronic Arts Inc." ORGANIZATION 2
entity "Entertainment Software Association" ORGANIZATION 3
entity "Candy Crush Saga" PRODUCT
entity "Delta Air Lines" ORGANIZATION
entity "Airbus A321neo" PRODUCT
entity "Nasdaq Composite" FINANCIAL
entity "US Dollar" FINANCIAL
none Gaming

json "$D/sports.txt"
entity "Manchester United FC" ORGANIZATION 3
entity "Real Madrid" ORGANIZATION 1
none Supporters
none Fans

# sentence-initial English words are no names; context types unknown names;
# "City, Georgia" is the US state, "Tbilisi, Georgia" the country
json "$D/local.txt"
entity "Delmar Foods" ORGANIZATION 1
entity "Brightline Logistics" ORGANIZATION 1
entity "Corvalis" LOCATION 1
entity "Kathleen" PERSON 1
entity "Omaha" LOCATION 1
none Shares
none Voters
none Rescue
if python3 - "$TMP/out/timeline.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
count = {e["key"]: e["mention_count"] for e in j["entities"] if e["name"] == "Georgia"}
sys.exit(0 if count.get("iso:US-GA") == 1 and "iso:GE" in count else 1)
PY
then ok "Valdosta, Georgia is the US state; Tbilisi, Georgia the country"; else fail "Georgia readings"; fi

# across articles: the tech article's untyped "Activision Blizzard" is the
# business article's company
json "$D/business.txt" "$D/tech.txt"
entity "Activision Blizzard Inc." ORGANIZATION 5
named Activision 1

# each typed mention says where its type came from
if python3 - "$TMP/out/timeline.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
src = {(m["text"], m.get("type_source")) for d in j["documents"] for m in d["mentions"]}
need = {("Nintendo", "gazetteer"), ("ZeniMax Media", "rule"), ("CMA", "coreference"),
        ("Candy Crush", "context")}
ok = need <= src and all(m.get("type_source") in ("gazetteer", "rule", "context", "coreference")
                         for d in j["documents"] for m in d["mentions"] if m["type"] != "OTHER")
sys.exit(0 if ok else 1)
PY
then ok "type_source on typed mentions"; else fail "type_source on typed mentions"; fi

# a user file excludes a name and adds one with an alias, a type and an id
printf 'Keaton Beach\tEXCLUDE\nIdalia Relief Fund\tORGANIZATION\tcharity\tthe Fund\tq:relief\n' > "$TMP/mine.tsv"
printf 'Hurricane Idalia hit Keaton Beach. The Idalia Relief Fund said the Fund had raised money.\n' > "$TMP/u.txt"
rm -rf "$TMP/out"
expect_status 0 "user gazetteer with an exclusion" "$EVENTLINE" -q -f json -o "$TMP/out" --gazetteer "$TMP/mine.tsv" "$TMP/u.txt"
none "Keaton Beach"
entity "Idalia Relief Fund" ORGANIZATION

finish
