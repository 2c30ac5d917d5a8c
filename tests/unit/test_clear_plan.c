/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the RAM clear plan (src/core/clear_plan.c): the shares of
 * all harts together clear every byte of the VM's RAM outside what is
 * copied in exactly once, nothing else, and about equally much each.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include <core/clear_plan.h>

/* A small guest-physical window, one counter per byte. */
#define WINDOW_BASE 0x80000000ULL
#define WINDOW_SIZE (512 * 1024)
#define MAX_SHARES 8

static uint8_t hits[WINDOW_SIZE];
static uint64_t share_bytes;
static uint64_t last_end; /* runs come in address order within a piece */

static void count(void *ctx, uint64_t gpa, uint64_t size)
{
    (void)ctx;
    assert_true(gpa >= WINDOW_BASE);
    assert_true(gpa + size <= WINDOW_BASE + WINDOW_SIZE);
    assert_true(size > 0);
    for (uint64_t i = 0; i < size; i++)
        hits[gpa - WINDOW_BASE + i]++;
    share_bytes += size;
    last_end = gpa + size;
}

static bool in(const struct gpa_range *r, size_t n, uint64_t gpa)
{
    for (size_t i = 0; i < n; i++) {
        if (gpa >= r[i].base && gpa < r[i].base + r[i].size)
            return true;
    }
    return false;
}

/* Every split from 1 to MAX_SHARES harts: each byte of RAM outside the keep
 * ranges exactly once, every other byte never; shares within a granule of
 * an equal part. */
static void check_plan(const struct clear_plan *plan)
{
    uint64_t total = clear_plan_total(plan);
    uint64_t expected = 0;

    for (uint64_t off = 0; off < WINDOW_SIZE; off++) {
        uint64_t gpa = WINDOW_BASE + off;

        expected += in(plan->ram, plan->ram_num, gpa) &&
                    !in(plan->keep, plan->keep_num, gpa);
    }
    assert_int_equal(total, expected);
    for (unsigned n = 1; n <= MAX_SHARES; n++) {
        memset(hits, 0, sizeof(hits));
        for (unsigned k = 0; k < n; k++) {
            share_bytes = 0;
            clear_plan_share(plan, k, n, count, NULL);
            assert_true(share_bytes + CLEAR_SHARE_GRANULE >= total / n);
            assert_true(share_bytes <= total / n + CLEAR_SHARE_GRANULE);
        }
        for (uint64_t off = 0; off < WINDOW_SIZE; off++) {
            uint64_t gpa = WINDOW_BASE + off;
            bool clear = in(plan->ram, plan->ram_num, gpa) &&
                         !in(plan->keep, plan->keep_num, gpa);

            if (hits[off] != (clear ? 1 : 0))
                fail_msg("%u shares: 0x%llx cleared %u times", n,
                         (unsigned long long)gpa, hits[off]);
        }
    }
}

static void test_one_region_without_keep(void **state)
{
    struct clear_plan plan = {.ram = {{WINDOW_BASE, WINDOW_SIZE}},
                              .ram_num = 1};

    (void)state;
    check_plan(&plan);
}

/* A baremetal VM: an image of unaligned size, a device tree near the
 * top, no initrd (size 0). */
static void test_image_and_dtb_are_left_out(void **state)
{
    struct clear_plan plan = {
        .ram = {{WINDOW_BASE, WINDOW_SIZE}},
        .ram_num = 1,
        .keep = {{WINDOW_BASE + 0x20000, 12300},
                 {WINDOW_BASE + 0x70000, 0},
                 {WINDOW_BASE + 0x70000, 0x1234}},
        .keep_num = 3,
    };

    (void)state;
    check_plan(&plan);
}

/* An inplace image is a piece of its own, all of it kept; keep ranges may
 * touch or overlap; a keep range may start before a piece. */
static void test_pieces_and_overlapping_keeps(void **state)
{
    struct clear_plan plan = {
        .ram = {{WINDOW_BASE + 0x10000, 0x3000},
                {WINDOW_BASE + 0x13000, 0x5000},
                {WINDOW_BASE + 0x18000, 0x20000},
                {WINDOW_BASE + 0x60000, 0x777}},
        .ram_num = 4,
        .keep = {{WINDOW_BASE + 0x13000, 0x5000},
                 {WINDOW_BASE + 0x17fff, 0x2001},
                 {WINDOW_BASE + 0x19000, 0x100}},
        .keep_num = 3,
    };

    (void)state;
    check_plan(&plan);
    plan.keep[2] = (struct gpa_range){WINDOW_BASE + 0xf000, 0x1800};
    check_plan(&plan);
}

/* Less to clear than one granule per hart: some shares are empty, and the
 * bytes are still cleared once. */
static void test_tiny_ram(void **state)
{
    struct clear_plan plan = {.ram = {{WINDOW_BASE + 3, 5000}},
                              .ram_num = 1,
                              .keep = {{WINDOW_BASE + 100, 10}},
                              .keep_num = 1};

    (void)state;
    check_plan(&plan);
}

/* All of it kept: nothing to clear, fn never called. */
static void test_everything_kept(void **state)
{
    struct clear_plan plan = {.ram = {{WINDOW_BASE, 0x4000}},
                              .ram_num = 1,
                              .keep = {{WINDOW_BASE, 0x4000}},
                              .keep_num = 1};

    (void)state;
    assert_int_equal(clear_plan_total(&plan), 0);
    share_bytes = 0;
    clear_plan_share(&plan, 0, 1, count, NULL);
    assert_int_equal(share_bytes, 0);
}

/* A share beyond the count clears nothing; runs come in address order. */
static void test_share_out_of_range_and_order(void **state)
{
    struct clear_plan plan = {.ram = {{WINDOW_BASE, 0x10000}},
                              .ram_num = 1,
                              .keep = {{WINDOW_BASE + 0x8000, 0x10}},
                              .keep_num = 1};

    (void)state;
    share_bytes = 0;
    clear_plan_share(&plan, 2, 2, count, NULL);
    assert_int_equal(share_bytes, 0);
    last_end = 0;
    clear_plan_share(&plan, 0, 1, count, NULL);
    assert_int_equal(last_end, WINDOW_BASE + 0x10000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_region_without_keep),
        cmocka_unit_test(test_image_and_dtb_are_left_out),
        cmocka_unit_test(test_pieces_and_overlapping_keeps),
        cmocka_unit_test(test_tiny_ram),
        cmocka_unit_test(test_everything_kept),
        cmocka_unit_test(test_share_out_of_range_and_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
