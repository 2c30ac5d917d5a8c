/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hypervisor's own memory (src/core/hyp_pool.c): handed out front to
 * back, aligned and zeroed, until it runs out. A host buffer stands for
 * the pool.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include <core/hyp_pool.h>

#define POOL_SIZE 0x10000

static uint8_t pool[POOL_SIZE] __attribute__((aligned(0x10000)));

static uint64_t at(size_t off)
{
    return (uintptr_t)pool + off;
}

static int setup(void **state)
{
    (void)state;
    memset(pool, 0xaa, sizeof(pool));
    hyp_pool_init(at(0), POOL_SIZE);
    return 0;
}

static void allocations_are_aligned_zeroed_and_in_order(void **state)
{
    uint8_t *a, *b, *c;

    (void)state;
    assert_int_equal(hyp_pool_base(), at(0));
    assert_int_equal(hyp_pool_size(), POOL_SIZE);
    assert_int_equal(hyp_pool_used(), 0);
    a = hyp_pool_alloc(100, 8);
    assert_ptr_equal(a, pool);
    assert_int_equal(hyp_pool_used(), 100);
    b = hyp_pool_alloc(0x1000, 0x1000);
    assert_ptr_equal(b, pool + 0x1000); /* the gap before it is skipped */
    c = hyp_pool_alloc(3, 1);
    assert_ptr_equal(c, pool + 0x2000);
    assert_int_equal(hyp_pool_used(), 0x2003);
    for (size_t i = 0; i < 100; i++)
        assert_int_equal(a[i], 0);
    for (size_t i = 0; i < 0x1000; i++)
        assert_int_equal(b[i], 0);
    /* Only what was handed out is cleared. */
    assert_int_equal(pool[100], 0xaa);
    assert_int_equal(pool[0x2003], 0xaa);
}

static void it_runs_out(void **state)
{
    (void)state;
    assert_non_null(hyp_pool_alloc(POOL_SIZE - 0x1000, 0x1000));
    assert_null(hyp_pool_alloc(0x1001, 8)); /* one byte too many */
    assert_int_equal(hyp_pool_used(), POOL_SIZE - 0x1000);
    assert_non_null(hyp_pool_alloc(0x1000, 8)); /* exactly what is left */
    assert_int_equal(hyp_pool_used(), POOL_SIZE);
    assert_null(hyp_pool_alloc(1, 1));
}

static void an_alignment_past_the_end_fails(void **state)
{
    (void)state;
    assert_non_null(hyp_pool_alloc(8, 8));
    /* The next 64 KiB boundary is the pool's end: nothing fits there. */
    assert_null(hyp_pool_alloc(1, POOL_SIZE));
    assert_int_equal(hyp_pool_used(), 8);
    /* Sizes that would wrap around are refused, not wrapped. */
    assert_null(hyp_pool_alloc(SIZE_MAX, 8));
    assert_int_equal(hyp_pool_used(), 8);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(allocations_are_aligned_zeroed_and_in_order),
        T(it_runs_out),
        T(an_alignment_past_the_end_fails),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
