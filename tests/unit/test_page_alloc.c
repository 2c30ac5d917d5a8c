/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the physical page allocator (src/core/page_alloc.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>

#include <core/page_alloc.h>

#define KIB (1024UL)
#define MIB (1024UL * KIB)
#define PG 0x1000UL

static struct page_alloc pa;

static int setup(void **state)
{
    (void)state;
    /* Garbage the allocator must not depend on. */
    for (unsigned i = 0; i < PAGE_ALLOC_MAX_RANGES; i++) {
        pa.free[i].base = 0xdead0000 + i;
        pa.free[i].size = 0xbeef;
    }
    pa.num = 77;
    page_alloc_init(&pa);
    return 0;
}

/* The free list is exactly the `n` ranges given as base, size pairs. */
static void assert_free_list(unsigned n, const uint64_t *ranges)
{
    assert_int_equal(pa.num, n);
    for (unsigned i = 0; i < n; i++) {
        assert_int_equal(pa.free[i].base, ranges[2 * i]);
        assert_int_equal(pa.free[i].size, ranges[2 * i + 1]);
    }
}

/* Sorted, disjoint, non-adjacent, page-aligned, non-empty. */
static void assert_well_formed(void)
{
    for (unsigned i = 0; i < pa.num; i++) {
        assert_true(pa.free[i].size > 0);
        assert_int_equal(pa.free[i].base % PG, 0);
        assert_int_equal(pa.free[i].size % PG, 0);
        if (i > 0)
            assert_true(pa.free[i - 1].base + pa.free[i - 1].size <
                        pa.free[i].base);
    }
}

static bool is_free(uint64_t base, uint64_t size)
{
    for (unsigned i = 0; i < pa.num; i++) {
        if (base >= pa.free[i].base &&
            base + size <= pa.free[i].base + pa.free[i].size)
            return true;
    }
    return false;
}

static void test_init_is_empty(void **state)
{
    uint64_t base = 0;

    (void)state;
    assert_int_equal(pa.num, 0);
    assert_int_equal(page_alloc_free_bytes(&pa), 0);
    assert_int_equal(page_alloc_get(&pa, PG, PG, &base), -1);
    assert_int_equal(page_alloc_claim(&pa, 0x80000000, PG), -1);
}

static void test_add_shrinks_to_pages(void **state)
{
    (void)state;
    /* [0x1001, 0x4001) holds whole pages 0x2000 and 0x3000 only. */
    assert_int_equal(page_alloc_add(&pa, 0x1001, 0x3000), 0);
    assert_free_list(1, (const uint64_t[]){0x2000, 0x2000});
    assert_int_equal(page_alloc_free_bytes(&pa), 0x2000);

    /* Less than a whole page: nothing is added, and that is not an error. */
    assert_int_equal(page_alloc_add(&pa, 0x10800, 0x1000), 0);
    assert_int_equal(page_alloc_add(&pa, 0x20000, 0xfff), 0);
    assert_int_equal(page_alloc_add(&pa, 0x30000, 0), 0);
    assert_int_equal(pa.num, 1);
    assert_int_equal(page_alloc_free_bytes(&pa), 0x2000);

    /* A range wrapping past 2^64 is ignored. */
    assert_int_equal(page_alloc_add(&pa, ~0UL - PG, 4 * PG), 0);
    assert_int_equal(page_alloc_free_bytes(&pa), 0x2000);
}

static void test_add_keeps_sorted_and_merges(void **state)
{
    (void)state;
    assert_int_equal(page_alloc_add(&pa, 0x30000, 0x10000), 0);
    assert_int_equal(page_alloc_add(&pa, 0x10000, 0x8000), 0);
    assert_int_equal(page_alloc_add(&pa, 0x50000, 0x1000), 0);
    assert_free_list(3, (const uint64_t[]){0x10000, 0x8000, 0x30000, 0x10000,
                                           0x50000, 0x1000});
    /* Touching the end of one range and the start of the next: one range. */
    assert_int_equal(page_alloc_add(&pa, 0x40000, 0x10000), 0);
    assert_free_list(2, (const uint64_t[]){0x10000, 0x8000, 0x30000, 0x21000});
    /* Touching the start of the first. */
    assert_int_equal(page_alloc_add(&pa, 0x8000, 0x8000), 0);
    assert_free_list(2, (const uint64_t[]){0x8000, 0x10000, 0x30000, 0x21000});
    /* Filling the gap joins everything. */
    assert_int_equal(page_alloc_add(&pa, 0x18000, 0x18000), 0);
    assert_free_list(1, (const uint64_t[]){0x8000, 0x49000});
    assert_int_equal(page_alloc_free_bytes(&pa), 0x49000);
}

static void test_add_twice_counts_once(void **state)
{
    (void)state;
    assert_int_equal(page_alloc_add(&pa, 0x80000000, 16 * MIB), 0);
    assert_int_equal(page_alloc_add(&pa, 0x80000000, 16 * MIB), 0);
    assert_int_equal(page_alloc_free_bytes(&pa), 16 * MIB);
    /* Overlapping both ends of an existing range. */
    assert_int_equal(page_alloc_add(&pa, 0x7ff00000, 18 * MIB), 0);
    assert_free_list(1, (const uint64_t[]){0x7ff00000, 18 * MIB});
    assert_int_equal(page_alloc_add(&pa, 0x80100000, MIB), 0);
    assert_free_list(1, (const uint64_t[]){0x7ff00000, 18 * MIB});
}

static void test_reserve_splits(void **state)
{
    (void)state;
    assert_int_equal(page_alloc_add(&pa, 0x80000000, 16 * MIB), 0);
    /* A hole in the middle: two ranges. */
    assert_int_equal(page_alloc_reserve(&pa, 0x80200000, 2 * MIB), 0);
    assert_free_list(
        2, (const uint64_t[]){0x80000000, 2 * MIB, 0x80400000, 12 * MIB});
    assert_int_equal(page_alloc_free_bytes(&pa), 14 * MIB);
    /* Unaligned: widened to the pages it touches (two here). */
    assert_int_equal(page_alloc_reserve(&pa, 0x80401ff0, 0x20), 0);
    assert_free_list(3, (const uint64_t[]){0x80000000, 2 * MIB, 0x80400000, PG,
                                           0x80403000, 12 * MIB - 3 * PG});
    /* Head and tail trims. */
    assert_int_equal(page_alloc_reserve(&pa, 0x7ff00000, MIB + PG), 0);
    assert_int_equal(page_alloc_reserve(&pa, 0x80f00000, 2 * MIB), 0);
    assert_free_list(3, (const uint64_t[]){0x80001000, 2 * MIB - PG, 0x80400000,
                                           PG, 0x80403000, 11 * MIB - 3 * PG});
    /* Over several ranges at once: the middle one disappears. */
    assert_int_equal(page_alloc_reserve(&pa, 0x80100000, 0x304000), 0);
    assert_free_list(2, (const uint64_t[]){0x80001000, MIB - PG, 0x80404000,
                                           11 * MIB - 4 * PG});
    /* Reserving what is not free changes nothing. */
    assert_int_equal(page_alloc_reserve(&pa, 0x80200000, MIB), 0);
    assert_int_equal(page_alloc_reserve(&pa, 0x90000000, MIB), 0);
    assert_int_equal(page_alloc_reserve(&pa, 0x80001000, 0), 0);
    assert_int_equal(pa.num, 2);
    assert_int_equal(page_alloc_free_bytes(&pa), 12 * MIB - 5 * PG);
    assert_well_formed();
}

static void test_claim(void **state)
{
    (void)state;
    assert_int_equal(page_alloc_add(&pa, 0x80000000, 8 * MIB), 0);
    assert_int_equal(page_alloc_claim(&pa, 0x80200000, 2 * MIB), 0);
    assert_false(is_free(0x80200000, PG));
    assert_false(is_free(0x803ff000, PG));
    assert_true(is_free(0x801ff000, PG));
    assert_true(is_free(0x80400000, PG));
    assert_int_equal(page_alloc_free_bytes(&pa), 6 * MIB);

    /* Claiming it twice, or any part of it, fails and changes nothing. */
    assert_int_equal(page_alloc_claim(&pa, 0x80200000, 2 * MIB), -1);
    assert_int_equal(page_alloc_claim(&pa, 0x80100000, 2 * MIB), -1);
    assert_int_equal(page_alloc_claim(&pa, 0x803ff000, 2 * PG), -1);
    /* Partly outside the RAM. */
    assert_int_equal(page_alloc_claim(&pa, 0x807ff000, 2 * PG), -1);
    assert_int_equal(page_alloc_claim(&pa, 0x7ffff000, 2 * PG), -1);
    /* Unaligned, empty or wrapping. */
    assert_int_equal(page_alloc_claim(&pa, 0x80000800, PG), -1);
    assert_int_equal(page_alloc_claim(&pa, 0x80000000, 0x800), -1);
    assert_int_equal(page_alloc_claim(&pa, 0x80000000, 0), -1);
    assert_int_equal(page_alloc_claim(&pa, ~0UL & ~(PG - 1), 2 * PG), -1);
    assert_int_equal(page_alloc_free_bytes(&pa), 6 * MIB);
    assert_int_equal(pa.num, 2);

    /* Whole ranges can be claimed. */
    assert_int_equal(page_alloc_claim(&pa, 0x80000000, 2 * MIB), 0);
    assert_int_equal(page_alloc_claim(&pa, 0x80400000, 4 * MIB), 0);
    assert_int_equal(pa.num, 0);
    assert_int_equal(page_alloc_free_bytes(&pa), 0);
}

static void test_get_alignment(void **state)
{
    uint64_t base = 0;

    (void)state;
    assert_int_equal(page_alloc_add(&pa, 0x80001000, 8 * MIB), 0);
    /* First fit: the lowest address with the alignment. */
    assert_int_equal(page_alloc_get(&pa, PG, PG, &base), 0);
    assert_int_equal(base, 0x80001000);
    assert_int_equal(page_alloc_get(&pa, 2 * MIB, 2 * MIB, &base), 0);
    assert_int_equal(base, 0x80200000);
    assert_false(is_free(0x80200000, PG));
    assert_false(is_free(0x803ff000, PG));
    /* The gap before the aligned block stays free and is used next. */
    assert_true(is_free(0x80002000, 0x1fe000));
    assert_int_equal(page_alloc_get(&pa, 16 * KIB, 16 * KIB, &base), 0);
    assert_int_equal(base, 0x80004000);
    assert_int_equal(page_alloc_free_bytes(&pa),
                     8 * MIB - PG - 2 * MIB - 16 * KIB);
    assert_well_formed();

    /* Bad requests. */
    base = 0x1234;
    assert_int_equal(page_alloc_get(&pa, 0, PG, &base), -1);
    assert_int_equal(page_alloc_get(&pa, 0x800, PG, &base), -1);
    assert_int_equal(page_alloc_get(&pa, PG, 0x800, &base), -1);
    assert_int_equal(page_alloc_get(&pa, PG, 3 * PG, &base), -1);
    assert_int_equal(page_alloc_get(&pa, PG, 0, &base), -1);
    assert_int_equal(base, 0x1234);
}

static void test_get_skips_ranges_too_small(void **state)
{
    uint64_t base = 0;

    (void)state;
    /* 2.5 MiB but no 2 MiB-aligned 2 MiB inside; then a range with one. */
    assert_int_equal(page_alloc_add(&pa, 0x80100000, 2 * MIB + 512 * KIB), 0);
    assert_int_equal(page_alloc_add(&pa, 0x90000000, 4 * MIB), 0);
    assert_int_equal(page_alloc_get(&pa, 2 * MIB, 2 * MIB, &base), 0);
    assert_int_equal(base, 0x90000000);
    /* An unaligned 2 MiB fits in the first range. */
    assert_int_equal(page_alloc_get(&pa, 2 * MIB, PG, &base), 0);
    assert_int_equal(base, 0x80100000);
    /* An alignment no range can meet. */
    assert_int_equal(page_alloc_get(&pa, PG, 1UL << 40, &base), -1);
    assert_well_formed();
}

static void test_exhaustion(void **state)
{
    uint64_t got[4], base;

    (void)state;
    assert_int_equal(page_alloc_add(&pa, 0x80000000, 4 * PG), 0);
    assert_int_equal(page_alloc_get(&pa, 5 * PG, PG, &base), -1);
    for (unsigned i = 0; i < 4; i++) {
        assert_int_equal(page_alloc_get(&pa, PG, PG, &got[i]), 0);
        for (unsigned j = 0; j < i; j++)
            assert_int_not_equal(got[i], got[j]);
        assert_true(got[i] >= 0x80000000 && got[i] < 0x80004000);
        assert_int_equal(page_alloc_free_bytes(&pa), (3 - i) * PG);
    }
    assert_int_equal(page_alloc_get(&pa, PG, PG, &base), -1);
    assert_int_equal(pa.num, 0);
    /* Memory added later is used. */
    assert_int_equal(page_alloc_add(&pa, 0x90000000, PG), 0);
    assert_int_equal(page_alloc_get(&pa, PG, PG, &base), 0);
    assert_int_equal(base, 0x90000000);
}

static void fill_list(void)
{
    /* PAGE_ALLOC_MAX_RANGES one-page ranges with one-page gaps. */
    for (unsigned i = 0; i < PAGE_ALLOC_MAX_RANGES; i++)
        assert_int_equal(page_alloc_add(&pa, 0x100000 + i * 2 * PG, PG), 0);
    assert_int_equal(pa.num, PAGE_ALLOC_MAX_RANGES);
}

static void test_list_full(void **state)
{
    uint64_t base;

    (void)state;
    fill_list();
    assert_int_equal(page_alloc_free_bytes(&pa), PAGE_ALLOC_MAX_RANGES * PG);
    /* One more disjoint range does not fit and is not counted. */
    assert_int_equal(page_alloc_add(&pa, 0x80000000, MIB), -1);
    assert_int_equal(pa.num, PAGE_ALLOC_MAX_RANGES);
    assert_int_equal(page_alloc_free_bytes(&pa), PAGE_ALLOC_MAX_RANGES * PG);
    assert_false(is_free(0x80000000, PG));
    assert_well_formed();

    /* Taking a whole range frees a slot. */
    assert_int_equal(page_alloc_claim(&pa, 0x100000, PG), 0);
    assert_int_equal(page_alloc_add(&pa, 0x80000000, 4 * PG), 0);
    assert_int_equal(pa.num, PAGE_ALLOC_MAX_RANGES);

    /*
     * A hole in the middle needs a slot that is not there: the reserve
     * fails, and whatever it leaves behind, the hole is not handed out.
     */
    assert_int_equal(page_alloc_reserve(&pa, 0x80001000, PG), -1);
    assert_false(is_free(0x80001000, PG));
    assert_true(is_free(0x80000000, PG));
    assert_int_equal(page_alloc_claim(&pa, 0x80001000, PG), -1);
    for (unsigned n = 0; page_alloc_get(&pa, PG, PG, &base) == 0; n++) {
        assert_int_not_equal(base, 0x80001000);
        assert_true(n < 2 * PAGE_ALLOC_MAX_RANGES);
    }
    assert_int_equal(pa.num, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_init_is_empty, setup),
        cmocka_unit_test_setup(test_add_shrinks_to_pages, setup),
        cmocka_unit_test_setup(test_add_keeps_sorted_and_merges, setup),
        cmocka_unit_test_setup(test_add_twice_counts_once, setup),
        cmocka_unit_test_setup(test_reserve_splits, setup),
        cmocka_unit_test_setup(test_claim, setup),
        cmocka_unit_test_setup(test_get_alignment, setup),
        cmocka_unit_test_setup(test_get_skips_ranges_too_small, setup),
        cmocka_unit_test_setup(test_exhaustion, setup),
        cmocka_unit_test_setup(test_list_full, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
