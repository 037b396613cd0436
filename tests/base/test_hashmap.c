/* test_hashmap.c - the generic open-addressing hash map (base/hashmap.h):
 * string keys held by the caller, colliding hashes, growth, clear. */
#include "test_util.h"
#include "base/hashmap.h"
#include "base/util.h"

#include <stdio.h>
#include <string.h>

/* The index of key among keys[0..n) through the map, or -1. */
static int lookup(const el_hashmap *m, char keys[][16], const char *key, uint32_t h)
{
    el_hashmap_probe p = el_hashmap_find(m, h);
    for (uint32_t v = 0; el_hashmap_next(m, &p, &v);)
        if (strcmp(keys[v], key) == 0)
            return (int)v;
    return -1;
}

static void test_empty_map_finds_nothing(void **state)
{
    (void)state;
    el_hashmap m = EL_HASHMAP_INIT;
    el_hashmap_probe p = el_hashmap_find(&m, 42);
    uint32_t v = 0;
    assert_false(el_hashmap_next(&m, &p, &v));
    el_hashmap_free(&m);
}

static void test_string_keys_grow(void **state)
{
    (void)state;
    static char keys[5000][16];
    el_hashmap m = EL_HASHMAP_INIT;
    for (uint32_t i = 0; i < 5000; i++) {
        snprintf(keys[i], sizeof keys[i], "key%u", (unsigned)i);
        assert_int_equal(lookup(&m, keys, keys[i], el_hash_str(keys[i])), -1);
        el_hashmap_put(&m, el_hash_str(keys[i]), i);
    }
    assert_int_equal(m.n, 5000);
    assert_true(2 * m.n <= m.mask + 1);   /* at most half full */
    for (uint32_t i = 0; i < 5000; i++)
        assert_int_equal(lookup(&m, keys, keys[i], el_hash_str(keys[i])), (int)i);
    assert_int_equal(lookup(&m, keys, "absent", el_hash_str("absent")), -1);
    el_hashmap_free(&m);
    assert_null(m.slots);
}

static void test_same_hash_keeps_every_value(void **state)
{
    (void)state;
    el_hashmap m = EL_HASHMAP_INIT;
    for (uint32_t i = 0; i < 100; i++)
        el_hashmap_put(&m, 7, i);   /* one hash: a single long probe run */
    el_hashmap_put(&m, 8, 1000);
    bool seen[100] = {false};
    size_t n = 0;
    el_hashmap_probe p = el_hashmap_find(&m, 7);
    for (uint32_t v = 0; el_hashmap_next(&m, &p, &v); n++) {
        assert_true(v < 100);
        assert_false(seen[v]);
        seen[v] = true;
    }
    assert_int_equal(n, 100);
    p = el_hashmap_find(&m, 8);
    uint32_t v = 0;
    assert_true(el_hashmap_next(&m, &p, &v));
    assert_int_equal(v, 1000);
    assert_false(el_hashmap_next(&m, &p, &v));
    el_hashmap_free(&m);
}

static void test_extreme_values_and_hashes(void **state)
{
    (void)state;
    el_hashmap m = EL_HASHMAP_INIT;
    el_hashmap_put(&m, 0, 0);
    el_hashmap_put(&m, UINT32_MAX, UINT32_MAX - 1);
    uint32_t v = 0;
    el_hashmap_probe p = el_hashmap_find(&m, 0);
    assert_true(el_hashmap_next(&m, &p, &v));
    assert_int_equal(v, 0);
    p = el_hashmap_find(&m, UINT32_MAX);
    assert_true(el_hashmap_next(&m, &p, &v));
    assert_int_equal(v, UINT32_MAX - 1);
    el_hashmap_free(&m);
}

static void test_reserve_and_clear(void **state)
{
    (void)state;
    el_hashmap m = EL_HASHMAP_INIT;
    el_hashmap_reserve(&m, 1000);
    uint64_t *slots = m.slots;
    size_t mask = m.mask;
    for (uint32_t i = 0; i < 1000; i++)
        el_hashmap_put(&m, i * 2654435761u, i);
    assert_ptr_equal(m.slots, slots);   /* no growth past the reserve */
    assert_int_equal(m.mask, mask);
    el_hashmap_clear(&m);
    assert_int_equal(m.n, 0);
    uint32_t v = 0;
    el_hashmap_probe p = el_hashmap_find(&m, 5 * 2654435761u);
    assert_false(el_hashmap_next(&m, &p, &v));
    el_hashmap_put(&m, 3, 9);
    p = el_hashmap_find(&m, 3);
    assert_true(el_hashmap_next(&m, &p, &v));
    assert_int_equal(v, 9);
    el_hashmap_free(&m);
}

/* The hashes the keys come from: FNV-1a's published vectors (the syntax
 * model's file depends on el_hash64's exact values). */
static void test_fnv_vectors(void **state)
{
    (void)state;
    assert_int_equal(el_hash("", 0), 2166136261u);
    assert_int_equal(el_hash("a", 1), 0xe40c292cu);
    assert_int_equal(el_hash_lower("A", 1), 0xe40c292cu);
    assert_true(el_hash64("", 0) == 0xcbf29ce484222325ull);
    assert_true(el_hash64("a", 1) == 0xaf63dc4c8601ec8cull);
    assert_true(el_hash64("foobar", 6) == 0x85944171f73967e8ull);
    assert_true(el_hash64_lower("FooBar", 6) == 0x85944171f73967e8ull);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_map_finds_nothing),
        cmocka_unit_test(test_string_keys_grow),
        cmocka_unit_test(test_same_hash_keeps_every_value),
        cmocka_unit_test(test_extreme_values_and_hashes),
        cmocka_unit_test(test_reserve_and_clear),
        cmocka_unit_test(test_fnv_vectors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
