/* test_blob.c - the sections of the compiled resource cache (base/blob.h):
 * round trip with 8-byte alignment, a hash map through its sections, every
 * truncation detected, the hash's sensitivity to each byte. */
#include "test_util.h"
#include "base/blob.h"
#include "base/hashmap.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static void test_round_trip(void **state)
{
    (void)state;
    el_buf w = EL_BUF_INIT;
    el_blob_put(&w, "abc", 3);
    el_blob_put_u64(&w, 0x0102030405060708ull);
    el_blob_put(&w, NULL, 0);
    uint32_t nums[5] = {1, 2, 3, 4, 5};
    el_blob_put(&w, nums, sizeof nums);
    assert_int_equal(w.len % 8, 0);
    el_blob_r r = {(const unsigned char *)w.data, w.len, 0, false};
    size_t n;
    const char *s = el_blob_get(&r, &n);
    assert_int_equal(n, 3);
    assert_memory_equal(s, "abc", 3);
    assert_true(el_blob_get_u64(&r) == 0x0102030405060708ull);
    size_t count;
    assert_null(el_blob_copy(&r, 4, 0, &count));
    assert_int_equal(count, 0);
    uint32_t *back = el_blob_copy(&r, sizeof *back, 4, &count);
    assert_int_equal(count, 5);
    assert_memory_equal(back, nums, sizeof nums);
    assert_int_equal(back[5], 0);   /* the extra bytes are zero */
    assert_false(r.bad);
    assert_int_equal(r.pos, r.len);
    assert_null(el_blob_get(&r, &n));   /* past the end */
    assert_true(r.bad);
    free(back);
    el_buf_free(&w);
}

static void test_every_truncation_is_bad(void **state)
{
    (void)state;
    el_buf w = EL_BUF_INIT;
    el_blob_put(&w, "hello, sections", 15);
    el_blob_put_u64(&w, 7);
    for (size_t len = 0; len < w.len; len++) {
        el_blob_r r = {(const unsigned char *)w.data, len, 0, false};
        size_t n;
        el_blob_get(&r, &n);
        el_blob_get_u64(&r);
        assert_true(r.bad);
    }
    el_blob_r r = {(const unsigned char *)w.data, w.len, 0, false};
    size_t count;
    free(el_blob_copy(&r, 2, 0, &count));   /* 15 bytes: no whole number of 2-byte items */
    assert_true(r.bad);
    el_buf_free(&w);
}

static void test_huge_length_is_bad(void **state)
{
    (void)state;
    unsigned char b[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    el_blob_r r = {b, sizeof b, 0, false};
    size_t n;
    assert_null(el_blob_get(&r, &n));
    assert_true(r.bad);
}

static void test_hashmap_sections(void **state)
{
    (void)state;
    el_hashmap m = EL_HASHMAP_INIT, back = EL_HASHMAP_INIT;
    for (uint32_t i = 0; i < 1000; i++)
        el_hashmap_put(&m, i * 7919u, i);
    el_buf w = EL_BUF_INIT;
    el_hashmap_save(&m, &w);
    el_blob_r r = {(const unsigned char *)w.data, w.len, 0, false};
    assert_true(el_hashmap_restore(&back, &r));
    assert_int_equal(back.n, m.n);
    for (uint32_t i = 0; i < 1000; i++) {
        el_hashmap_probe p = el_hashmap_find(&back, i * 7919u);
        uint32_t v = UINT32_MAX;
        assert_true(el_hashmap_next(&back, &p, &v));
        assert_int_equal(v, i);
    }
    /* a slot count that is no power of two is no map */
    el_buf bad = EL_BUF_INIT;
    el_blob_put_u64(&bad, 1);
    el_blob_put(&bad, (uint64_t[3]){0, 0, 0}, 24);
    el_blob_r rb = {(const unsigned char *)bad.data, bad.len, 0, false};
    assert_false(el_hashmap_restore(&back, &rb));
    assert_null(back.slots);
    el_buf_free(&bad);
    el_buf_free(&w);
    el_hashmap_free(&m);
    el_hashmap_free(&back);
}

static void test_hash_sees_every_byte(void **state)
{
    (void)state;
    unsigned char b[77];
    for (size_t i = 0; i < sizeof b; i++)
        b[i] = (unsigned char)(i * 31);
    uint64_t h = el_blob_hash(1, b, sizeof b);
    assert_true(h != el_blob_hash(2, b, sizeof b));
    assert_true(h != el_blob_hash(1, b, sizeof b - 1));
    for (size_t i = 0; i < sizeof b; i++) {
        b[i] ^= 1;
        assert_true(el_blob_hash(1, b, sizeof b) != h);
        b[i] ^= 1;
    }
    assert_true(el_blob_hash(1, b, sizeof b) == h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_every_truncation_is_bad),
        cmocka_unit_test(test_huge_length_is_bad),
        cmocka_unit_test(test_hashmap_sections),
        cmocka_unit_test(test_hash_sees_every_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
