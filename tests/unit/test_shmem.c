/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared-memory objects (src/core/shmem.c) with the real allocators and
 * vm_mem.c's clear: placed objects first, the others allocated, coloured
 * ones from their colours, all zeroed; an error names the object. Host
 * memory stands for physical memory (identity mapping in the fake arch
 * hooks): the page allocator hands out pages of host_ram.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fakes.h"

#include <core/colour.h>
#include <core/config.h>
#include <core/page_alloc.h>
#include <core/shmem.h>

#define HOST_RAM_SIZE 0x100000UL
#define SCRUB 0xaa

static uint8_t host_ram[HOST_RAM_SIZE] __attribute__((aligned(0x10000)));
static struct shmem list[3];
static struct config cfg;

static uint64_t ram(uint64_t off)
{
    return (uintptr_t)host_ram + off;
}

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(host_ram, SCRUB, sizeof(host_ram));
    memset(list, 0, sizeof(list));
    cfg = (struct config){.shmemlist_size = 2, .shmemlist = list};
    page_alloc_init(&ram_alloc);
    assert_int_equal(page_alloc_add(&ram_alloc, ram(0), HOST_RAM_SIZE), 0);
    colour_pool_init(&ram_colours, &ram_alloc, 4);
    return 0;
}

static void assert_bytes(uint64_t pa, uint64_t size, uint8_t want)
{
    const uint8_t *p = (const uint8_t *)(uintptr_t)pa;

    for (uint64_t i = 0; i < size; i++) {
        if (p[i] != want)
            fail_msg("byte 0x%lx of 0x%lx is 0x%x, not 0x%x", (unsigned long)i,
                     (unsigned long)pa, p[i], want);
    }
}

/* The placed object sits where the allocator would put the other one. */
static void placed_objects_are_claimed_before_the_others(void **state)
{
    const struct colour_mem *m0, *m1;

    (void)state;
    list[0] = (struct shmem){.size = 0x10000};
    list[1] =
        (struct shmem){.size = 0x8000, .place_phys = true, .phys = ram(0)};
    assert_int_equal(shmem_init(&cfg), 0);
    m0 = shmem_pages(0);
    m1 = shmem_pages(1);
    assert_int_equal(m1->base, ram(0));
    assert_int_equal(m1->pages, 8);
    assert_int_equal(m1->mask, 0);
    assert_true(m0->base >= ram(0x8000));
    assert_true(m0->base + 0x10000 <= ram(HOST_RAM_SIZE));
    assert_int_equal(m0->pages, 16);
    /* Both zeroed, and nothing else. */
    assert_bytes(m0->base, 0x10000, 0);
    assert_bytes(m1->base, 0x8000, 0);
    assert_int_equal(page_alloc_free_bytes(&ram_alloc),
                     HOST_RAM_SIZE - 0x18000);
    assert_int_equal(fake.printk_n, 0);
}

static void a_coloured_object_gets_pages_of_its_colours_only(void **state)
{
    const struct colour_mem *m;

    (void)state;
    list[0] = (struct shmem){.size = 4 * PAGE_SIZE, .colors = 0x5};
    cfg.shmemlist_size = 1;
    assert_int_equal(shmem_init(&cfg), 0);
    m = shmem_pages(0);
    assert_int_equal(m->mask, 0x5);
    assert_int_equal(m->colours, 4);
    assert_int_equal(m->pages, 4);
    for (uint64_t i = 0; i < m->pages; i++) {
        uint64_t pa = colour_page(m, i);

        assert_true(colour_of(pa, 4) == 0 || colour_of(pa, 4) == 2);
        assert_bytes(pa, PAGE_SIZE, 0);
    }
    /* The span's pages of colours 1 and 3 are left as they were. */
    assert_bytes(m->base + PAGE_SIZE, PAGE_SIZE, SCRUB);
    assert_bytes(m->base + 3 * PAGE_SIZE, PAGE_SIZE, SCRUB);
}

static void a_placed_object_outside_free_ram(void **state)
{
    char want[128];

    (void)state;
    list[0] = (struct shmem){.size = 0x1000};
    list[1] = (struct shmem){
        .size = 0x2000, .place_phys = true, .phys = ram(HOST_RAM_SIZE)};
    assert_int_equal(shmem_init(&cfg), -1);
    snprintf(want, sizeof(want),
             "[baobab] error: shmemlist[1].phys 0x%lx+0x2000 is not free RAM "
             "on this machine\n",
             (unsigned long)ram(HOST_RAM_SIZE));
    assert_string_equal(fake.printk_last, want);
}

static void too_big_for_the_ram(void **state)
{
    (void)state;
    list[0] = (struct shmem){.size = 0x1000};
    list[1] = (struct shmem){.size = 2 * HOST_RAM_SIZE};
    assert_int_equal(shmem_init(&cfg), -1);
    assert_string_equal(fake.printk_last, "[baobab] error: shmemlist[1]: no "
                                          "free RAM for 0x200000 bytes\n");
}

static void colours_the_machine_lacks(void **state)
{
    (void)state;
    colour_pool_init(&ram_colours, &ram_alloc, 0);
    list[0] = (struct shmem){.size = 0x10000, .colors = 0x3};
    assert_int_equal(shmem_init(&cfg), -1);
    assert_string_equal(fake.printk_last,
                        "[baobab] error: shmemlist[0]: no free RAM for "
                        "0x10000 bytes of colours 0x3\n");
}

static void no_object_past_the_table(void **state)
{
    (void)state;
    assert_non_null(shmem_pages(MAX_SHMEMS - 1));
    assert_null(shmem_pages(MAX_SHMEMS));
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(placed_objects_are_claimed_before_the_others),
        T(a_coloured_object_gets_pages_of_its_colours_only),
        T(a_placed_object_outside_free_ram),
        T(too_big_for_the_ram),
        T(colours_the_machine_lacks),
        T(no_object_past_the_table),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
