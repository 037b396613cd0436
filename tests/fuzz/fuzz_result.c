/* fuzz_result.c - libFuzzer target: the merge result reader (annotate -f
 * jsonl results, one per line), then the corpus run as `merge` does it.
 *
 * Structure-aware: besides libFuzzer's byte mutations, the custom mutator
 * parses the input as a result and changes what the reader must check:
 * a span's start/end, a reference (timex anchor, event timex, location,
 * participant) or a link endpoint, set to boundary values (0, -1, the
 * count, one past it, INT_MAX + 1, huge) or to another item's value, and
 * occasionally a span moved into the text's trailing whitespace. */
#include "fuzz_common.h"

#include <limits.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

typedef struct kept {
    el_doc *docs[16];
    size_t n;
} kept;

static void keep_doc(void *ctx, el_doc *d)
{
    kept *k = ctx;
    if (k->n < 16)
        k->docs[k->n++] = d;
    else
        el_doc_free(d);
}

static void skip_doc(void *ctx, const char *problem)
{
    (void)ctx;
    (void)problem;
}

static void read_results(const uint8_t *data, size_t size)
{
    kept k = {{0}, 0};
    el_result_sink sink = {keep_doc, skip_doc};
    el_result_reader *r = el_result_reader_new(fuzz_res->abbrevs);
    char *copy = malloc(size + 1);   /* (the reader decodes strings in place) */
    memcpy(copy, data, size);
    char *s = copy, *end = copy + size;
    while (s < end) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
        const char *err;
        el_read_result(r, s, len, &sink, &k, &err);
        s += len + 1;
    }
    free(copy);
    el_result_reader_free(r);
    fuzz_corpus(k.docs, k.n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    read_results(data, size);
    return 0;
}

/* ---- the structure-aware mutator ---------------------------------------- */

static uint32_t rnd(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 8;
}

/* A number to try: boundaries around n, overflow, or random. */
static json_int_t pick_number(unsigned *seed, size_t n)
{
    switch (rnd(seed) % 8) {
    case 0: return 0;
    case 1: return -1;
    case 2: return (json_int_t)n;
    case 3: return (json_int_t)n + 1;
    case 4: return (json_int_t)INT_MAX + 1;
    case 5: return (json_int_t)n - 1;
    case 6: return (json_int_t)(rnd(seed) % (n + 2));
    default: return (json_int_t)rnd(seed);
    }
}

static json_t *random_item(unsigned *seed, json_t *doc, const char **layer)
{
    static const char *const layers[] = {"timexes", "mentions", "event_mentions", "links"};
    *layer = layers[rnd(seed) % 4];
    json_t *arr = json_object_get(doc, *layer);
    size_t n = json_array_size(arr);
    return n ? json_array_get(arr, rnd(seed) % n) : NULL;
}

/* A reference string "t3"/"em3"/"m3" with a picked number. */
static json_t *pick_ref(unsigned *seed, const char *prefix, size_t n)
{
    char buf[48];
    json_int_t v = pick_number(seed, n);
    snprintf(buf, sizeof buf, "%s%lld", prefix, (long long)v);
    return json_string(buf);
}

static void mutate_doc(unsigned *seed, json_t *doc)
{
    const char *layer;
    json_t *it = random_item(seed, doc, &layer);
    if (!it)
        return;
    size_t ncp = json_integer_value(json_object_get(doc, "length"));
    size_t nt = json_array_size(json_object_get(doc, "timexes"));
    size_t nm = json_array_size(json_object_get(doc, "mentions"));
    size_t ne = json_array_size(json_object_get(doc, "event_mentions"));
    if (strcmp(layer, "links") == 0) {
        const char *end = rnd(seed) % 2 ? "from" : "to";
        bool ev = rnd(seed) % 2;
        json_object_set_new(it, end, pick_ref(seed, ev ? "em" : "t", ev ? ne : nt));
        return;
    }
    switch (rnd(seed) % 4) {
    case 0:
        json_object_set_new(it, "start", json_integer(pick_number(seed, ncp)));
        break;
    case 1:
        json_object_set_new(it, "end", json_integer(pick_number(seed, ncp)));
        break;
    case 2:   /* a span at the very end of the text */
        json_object_set_new(it, "start", json_integer((json_int_t)ncp - 1));
        json_object_set_new(it, "end", json_integer((json_int_t)ncp));
        break;
    default:
        if (strcmp(layer, "timexes") == 0)
            json_object_set_new(it, "anchor", pick_ref(seed, "t", nt));
        else if (strcmp(layer, "event_mentions") == 0) {
            switch (rnd(seed) % 3) {
            case 0: json_object_set_new(it, "timex", pick_ref(seed, "t", nt)); break;
            case 1: json_object_set_new(it, "location_mention", pick_ref(seed, "m", nm)); break;
            default: {
                json_t *p = json_array();
                json_array_append_new(p, pick_ref(seed, "m", nm));
                json_object_set_new(it, "participant_mentions", p);
            }
            }
        }
    }
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned seed)
{
    if (rnd(&seed) % 3 == 0)
        return LLVMFuzzerMutate(data, size, max_size);
    json_error_t jerr;
    json_t *root = json_loadb((const char *)data, size, JSON_DISABLE_EOF_CHECK, &jerr);
    json_t *docs = json_object_get(root, "documents");
    if (!json_array_size(docs)) {
        json_decref(root);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    for (int k = 1 + (int)(rnd(&seed) % 3); k > 0; k--)
        mutate_doc(&seed, json_array_get(docs, rnd(&seed) % json_array_size(docs)));
    size_t n = json_dumpb(root, (char *)data, max_size, JSON_COMPACT);
    json_decref(root);
    if (n == 0 || n > max_size)
        return LLVMFuzzerMutate(data, size, max_size);
    return n;
}
