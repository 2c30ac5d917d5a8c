/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cache colouring (src/core/colour.c): how many colours a cache has, and
 * that coloured objects get only pages of their colours, never share a
 * page, and share spans only when their colours differ.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <core/colour.h>

#define RAM_BASE 0x80000000ULL
#define RAM_SIZE (64ULL << 20)
#define COLOURS 16
#define BLOCK (COLOURS * PAGE_SIZE)

static struct page_alloc ram;
static struct colour_pool pool;

static int setup(void **state)
{
    (void)state;
    page_alloc_init(&ram);
    /* Start off a block boundary: spans must still be block-aligned. */
    assert_int_equal(page_alloc_add(&ram, RAM_BASE + PAGE_SIZE, RAM_SIZE), 0);
    colour_pool_init(&pool, &ram, COLOURS);
    return 0;
}

static void test_colour_count_is_the_way_size_in_pages(void **state)
{
    (void)state;
    assert_int_equal(colour_count(2 << 20, 16), 32);  /* 128 KiB ways */
    assert_int_equal(colour_count(256 << 10, 4), 16); /* 64 KiB ways */
    assert_int_equal(colour_count(0, 16), 0);         /* no cache */
    assert_int_equal(colour_count(1 << 20, 0), 0);    /* no ways */
    assert_int_equal(colour_count(64 << 10, 16), 0);  /* one page a way */
    assert_int_equal(colour_count(3 << 20, 16), 0);   /* 48 pages a way */
    assert_int_equal(colour_count(16 << 20, 8), 0);   /* 512 colours */
    assert_int_equal(colour_count(1 << 20, 4), 64);   /* the most */
}

static void test_colour_of_a_page(void **state)
{
    (void)state;
    assert_int_equal(colour_of(RAM_BASE, COLOURS), 0);
    assert_int_equal(colour_of(RAM_BASE + 5 * PAGE_SIZE + 123, COLOURS), 5);
    assert_int_equal(colour_of(RAM_BASE + BLOCK + PAGE_SIZE, COLOURS), 1);
    assert_int_equal(colour_of(RAM_BASE + 7 * PAGE_SIZE, 0), 0);
}

/* Every page of m has a colour of its mask, and none repeats. */
static void assert_pages_coloured(const struct colour_mem *m)
{
    for (uint64_t i = 0; i < m->pages; i++) {
        uint64_t pa = colour_page(m, i);

        assert_true((pa % PAGE_SIZE) == 0);
        assert_true((m->mask >> colour_of(pa, COLOURS)) & 1);
        for (uint64_t j = 0; j < i; j++)
            assert_true(colour_page(m, j) != pa);
    }
}

static void test_pages_have_only_the_objects_colours(void **state)
{
    struct colour_mem m;
    uint64_t before = page_alloc_free_bytes(&ram);

    (void)state;
    assert_int_equal(colour_alloc(&pool, 5, 0x5, &m), 0); /* colours 0 and 2 */
    assert_int_equal(m.pages, 5);
    assert_int_equal(m.mask, 0x5);
    assert_int_equal(m.base % BLOCK, 0);
    assert_pages_coloured(&m);
    /* Two pages a block: pages 0..4 in blocks 0, 0, 1, 1, 2. */
    assert_int_equal(colour_page(&m, 0), m.base);
    assert_int_equal(colour_page(&m, 1), m.base + 2 * PAGE_SIZE);
    assert_int_equal(colour_page(&m, 2), m.base + BLOCK);
    assert_int_equal(colour_page(&m, 4), m.base + 2 * BLOCK);
    assert_int_equal(before - page_alloc_free_bytes(&ram), 3 * BLOCK);
}

static void test_other_colours_share_the_span(void **state)
{
    struct colour_mem a, b, c;
    uint64_t before = page_alloc_free_bytes(&ram);

    (void)state;
    assert_int_equal(colour_alloc(&pool, 8, 0x00ff, &a), 0);
    assert_int_equal(colour_alloc(&pool, 8, 0xff00, &b), 0);
    /* Disjoint colours: the same block, no more RAM. */
    assert_int_equal(a.base, b.base);
    assert_int_equal(before - page_alloc_free_bytes(&ram), BLOCK);
    for (uint64_t i = 0; i < 8; i++) {
        for (uint64_t j = 0; j < 8; j++)
            assert_true(colour_page(&a, i) != colour_page(&b, j));
    }
    /* A colour already taken there needs a span of its own. */
    assert_int_equal(colour_alloc(&pool, 1, 0x1, &c), 0);
    assert_true(c.base != a.base);
    assert_int_equal(before - page_alloc_free_bytes(&ram), 2 * BLOCK);
}

static void test_a_span_too_small_is_not_reused(void **state)
{
    struct colour_mem a, b;

    (void)state;
    assert_int_equal(colour_alloc(&pool, 1, 0x1, &a), 0); /* a one-block span */
    assert_int_equal(colour_alloc(&pool, 3, 0x2, &b),
                     0); /* needs three blocks */
    assert_true(b.base != a.base);
    assert_pages_coloured(&b);
}

static void test_invalid_requests_are_refused(void **state)
{
    struct colour_mem m;
    struct colour_pool none;
    uint64_t before = page_alloc_free_bytes(&ram);

    (void)state;
    assert_int_equal(colour_alloc(&pool, 4, 0, &m), -1); /* no colour */
    assert_int_equal(colour_alloc(&pool, 4, 0x10000, &m),
                     -1);                                  /* colour 16 of 16 */
    assert_int_equal(colour_alloc(&pool, 0, 0x1, &m), -1); /* no pages */
    colour_pool_init(&none, &ram, 0);
    assert_int_equal(colour_alloc(&none, 4, 0x1, &m), -1); /* no cache */
    assert_int_equal(page_alloc_free_bytes(&ram), before);
}

static void test_running_out_is_refused(void **state)
{
    struct colour_mem m;
    uint64_t blocks = RAM_SIZE / BLOCK;

    (void)state;
    /* One colour of RAM_SIZE needs more blocks than there are. */
    assert_int_equal(colour_alloc(&pool, blocks + 1, 0x1, &m), -1);
    /* Spans run out: each of these takes colour 0 in a new span. */
    for (unsigned i = 0; i < COLOUR_MAX_SPANS; i++)
        assert_int_equal(colour_alloc(&pool, 1, 0x1, &m), 0);
    assert_int_equal(colour_alloc(&pool, 1, 0x1, &m), -1);
}

static void test_many_objects_never_share_a_page(void **state)
{
    static const colormap_t masks[] = {0x0003, 0x000c, 0x0030, 0x00c0,
                                       0x0f00, 0x7000, 0x8000, 0x0101};
    struct colour_mem objs[8];
    unsigned n = 0;

    (void)state;
    for (unsigned i = 0; i < 8; i++) {
        if (colour_alloc(&pool, 3 + i * 5, masks[i], &objs[n]) == 0)
            assert_pages_coloured(&objs[n++]);
    }
    assert_int_equal(n, 8);
    for (unsigned a = 0; a < n; a++) {
        for (unsigned b = 0; b < a; b++) {
            for (uint64_t i = 0; i < objs[a].pages; i++) {
                for (uint64_t j = 0; j < objs[b].pages; j++)
                    assert_true(colour_page(&objs[a], i) !=
                                colour_page(&objs[b], j));
            }
        }
    }
}

static void test_uncoloured_objects_are_contiguous(void **state)
{
    struct colour_mem m = {.base = 0x90000000, .pages = 4};

    (void)state;
    for (uint64_t i = 0; i < 4; i++)
        assert_int_equal(colour_page(&m, i), 0x90000000 + i * PAGE_SIZE);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_colour_count_is_the_way_size_in_pages),
        T(test_colour_of_a_page),
        T(test_pages_have_only_the_objects_colours),
        T(test_other_colours_share_the_span),
        T(test_a_span_too_small_is_not_reused),
        T(test_invalid_requests_are_refused),
        T(test_running_out_is_refused),
        T(test_many_objects_never_share_a_page),
        T(test_uncoloured_objects_are_contiguous),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
