/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM's RAM pieces (src/core/vm_mem.c): stage-2 mappings by host-contiguous
 * runs, and clearing and copying that reach exactly the piece's pages. Host
 * memory stands for physical memory (the fakes map it as identity).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fakes.h"
#include <core/vm.h>
#include <core/vm_mem.h>

#define COLOURS 4
#define BLOCK (COLOURS * PAGE_SIZE)
#define BLOCKS 8

static struct vm vm;
static uint8_t *host; /* BLOCKS blocks, block-aligned */

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(&vm, 0, sizeof(vm));
    host = aligned_alloc(BLOCK, BLOCKS * BLOCK);
    assert_non_null(host);
    memset(host, 0xaa, BLOCKS * BLOCK);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(host);
    return 0;
}

static struct colour_mem coloured(uint64_t pages, colormap_t mask)
{
    return (struct colour_mem){.base = (uintptr_t)host,
                               .pages = pages,
                               .mask = mask,
                               .colours = COLOURS};
}

static void test_contiguous_piece_is_one_mapping(void **state)
{
    struct colour_mem p = {.base = (uintptr_t)host, .pages = 8};

    (void)state;
    assert_int_equal(vm_mem_add(&vm, 0x80000000, &p), 0);
    assert_int_equal(fake.map_n, 1);
    assert_int_equal(fake.map[0].gpa, 0x80000000);
    assert_int_equal(fake.map[0].hpa, (uintptr_t)host);
    assert_int_equal(fake.map[0].size, 8 * PAGE_SIZE);
    assert_true(fake.map[0].writable && fake.map[0].executable);
    assert_int_equal(vm.mem_num, 1);
    assert_int_equal(vm.mem[0].size, 8 * PAGE_SIZE);
}

static void test_adjacent_colours_map_as_runs(void **state)
{
    struct colour_mem p = coloured(6, 0x3); /* colours 0, 1: pairs */

    (void)state;
    assert_int_equal(vm_mem_add(&vm, 0x80000000, &p), 0);
    assert_int_equal(fake.map_n, 3);
    for (unsigned i = 0; i < 3; i++) {
        assert_int_equal(fake.map[i].gpa, 0x80000000 + i * 2 * PAGE_SIZE);
        assert_int_equal(fake.map[i].hpa, (uintptr_t)host + i * BLOCK);
        assert_int_equal(fake.map[i].size, 2 * PAGE_SIZE);
    }
}

static void test_scattered_colours_map_page_by_page(void **state)
{
    struct colour_mem p = coloured(4, 0x5); /* colours 0, 2 */
    static const uint64_t off[] = {0, 2 * PAGE_SIZE, BLOCK,
                                   BLOCK + 2 * PAGE_SIZE};

    (void)state;
    assert_int_equal(vm_mem_add(&vm, 0x80000000, &p), 0);
    assert_int_equal(fake.map_n, 4);
    for (unsigned i = 0; i < 4; i++) {
        assert_int_equal(fake.map[i].gpa, 0x80000000 + i * PAGE_SIZE);
        assert_int_equal(fake.map[i].hpa, (uintptr_t)host + off[i]);
        assert_int_equal(fake.map[i].size, PAGE_SIZE);
    }
}

static void test_a_failed_mapping_adds_nothing(void **state)
{
    struct colour_mem p = coloured(4, 0x5);

    (void)state;
    fake.map_fails = -1;
    assert_int_equal(vm_mem_add(&vm, 0x80000000, &p), -1);
    assert_int_equal(vm.mem_num, 0);
}

static void test_clear_of_an_object_outside_any_vm(void **state)
{
    struct colour_mem p = coloured(2, 0x2); /* colour 1: blocks 0 and 1 */

    (void)state;
    colour_mem_clear(&p);
    assert_int_equal(host[PAGE_SIZE], 0);
    assert_int_equal(host[BLOCK + 2 * PAGE_SIZE - 1], 0);
    assert_int_equal(host[0], 0xaa);
    assert_int_equal(host[2 * PAGE_SIZE], 0xaa);
    assert_int_equal(host[BLOCK + 2 * PAGE_SIZE], 0xaa);
    assert_int_equal(fake.hyp_map_n, 1);
}

static void test_copy_follows_the_colours(void **state)
{
    struct colour_mem p = coloured(4, 0x5);
    uint8_t src[0x1010];

    (void)state;
    for (unsigned i = 0; i < sizeof(src); i++)
        src[i] = (uint8_t)i;
    assert_int_equal(vm_mem_add(&vm, 0x80000000, &p), 0);
    /* From 8 bytes before the end of guest page 0 into all of page 1 and
     * 8 bytes of page 2: host pages 0, 2 and block 1's page 0. */
    vm_mem_copy_in(&vm, 0x80000ff8, src, sizeof(src));
    assert_memory_equal(host + 0xff8, src, 8);
    assert_memory_equal(host + 2 * PAGE_SIZE, src + 8, PAGE_SIZE);
    assert_memory_equal(host + BLOCK, src + 8 + PAGE_SIZE, 8);
    assert_int_equal(host[PAGE_SIZE], 0xaa); /* colour 1: not ours */
    assert_int_equal(host[BLOCK + 8], 0xaa);
}

static void test_copy_crosses_into_the_next_piece(void **state)
{
    struct colour_mem a = {.base = (uintptr_t)host, .pages = 1};
    struct colour_mem b = {.base = (uintptr_t)host + BLOCK, .pages = 1};
    uint8_t src[16];

    (void)state;
    memset(src, 0x5c, sizeof(src));
    assert_int_equal(vm_mem_add(&vm, 0x80000000, &a), 0);
    assert_int_equal(vm_mem_add(&vm, 0x80001000, &b), 0);
    vm_mem_copy_in(&vm, 0x80000ff8, src, sizeof(src));
    assert_memory_equal(host + 0xff8, src, 8);
    assert_memory_equal(host + BLOCK, src, 8);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_contiguous_piece_is_one_mapping),
        T(test_adjacent_colours_map_as_runs),
        T(test_scattered_colours_map_page_by_page),
        T(test_a_failed_mapping_adds_nothing),
        T(test_clear_of_an_object_outside_any_vm),
        T(test_copy_follows_the_colours),
        T(test_copy_crosses_into_the_next_piece),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
