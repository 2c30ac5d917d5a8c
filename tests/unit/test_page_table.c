/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the Sv39 / Sv39x4 page-table builder
 * (src/arch/riscv/page_table.c). Tables are host memory from aligned_alloc;
 * a table's "physical address" is its host address, as in the hypervisor,
 * where tables are identity mapped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <arch/page_table.h>
#include <lib/util.h>

#define KIB (1024UL)
#define MIB (1024UL * KIB)
#define GIB (1024UL * MIB)
#define PAGE (4 * KIB)
#define MAX_TABLES 64

/* ---- Fixture: a page table with a counting allocator ---------------------*/

struct tables {
    unsigned allocated; /* successful alloc_table calls */
    unsigned calls;     /* all alloc_table calls */
    int fail_after;     /* < 0: never fail; n: calls after the n-th fail */
    void *mem[MAX_TABLES];
    size_t size[MAX_TABLES];
};

struct fixture {
    struct page_table pt;
    struct tables t;
    size_t root_size;
};

static void *alloc_table(void *ctx, size_t size)
{
    struct tables *t = ctx;
    void *p;

    t->calls++;
    assert_int_equal(size, PAGE); /* only the root is bigger */
    if (t->fail_after >= 0 && t->allocated >= (unsigned)t->fail_after)
        return NULL;
    assert_true(t->allocated < MAX_TABLES);
    p = aligned_alloc(size, size);
    assert_non_null(p);
    memset(p, 0, size);
    t->mem[t->allocated] = p;
    t->size[t->allocated] = size;
    t->allocated++;
    return p;
}

static struct fixture *new_fixture(const struct pt_format *fmt)
{
    struct fixture *f = calloc(1, sizeof(*f));

    assert_non_null(f);
    f->root_size = pt_root_size(fmt);
    f->pt.fmt = fmt;
    f->pt.root = aligned_alloc(f->root_size, f->root_size);
    assert_non_null(f->pt.root);
    memset(f->pt.root, 0, f->root_size);
    f->pt.alloc_table = alloc_table;
    f->pt.ctx = &f->t;
    f->t.fail_after = -1;
    return f;
}

static int setup_sv39(void **state)
{
    *state = new_fixture(&pt_sv39);
    return 0;
}

static int setup_sv39x4(void **state)
{
    *state = new_fixture(&pt_sv39x4);
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    for (unsigned i = 0; i < f->t.allocated; i++)
        free(f->t.mem[i]);
    free(f->pt.root);
    free(f);
    return 0;
}

/* A copy of every table, to prove an operation changed nothing. */
struct snapshot {
    unsigned allocated;
    uint8_t *root;
    uint8_t *tables[MAX_TABLES];
};

static void take_snapshot(const struct fixture *f, struct snapshot *s)
{
    s->allocated = f->t.allocated;
    s->root = malloc(f->root_size);
    assert_non_null(s->root);
    memcpy(s->root, f->pt.root, f->root_size);
    for (unsigned i = 0; i < f->t.allocated; i++) {
        s->tables[i] = malloc(PAGE);
        assert_non_null(s->tables[i]);
        memcpy(s->tables[i], f->t.mem[i], PAGE);
    }
}

static void assert_unchanged(const struct fixture *f, struct snapshot *s)
{
    assert_int_equal(f->t.allocated, s->allocated);
    assert_memory_equal(f->pt.root, s->root, f->root_size);
    for (unsigned i = 0; i < s->allocated; i++) {
        assert_memory_equal(f->t.mem[i], s->tables[i], PAGE);
        free(s->tables[i]);
    }
    free(s->root);
}

/* va translates to pa through a leaf at `level`. */
static void assert_maps(const struct page_table *pt, uint64_t va, uint64_t pa,
                        unsigned level)
{
    uint64_t got = 0, flags = 0;
    unsigned lvl = 99;

    if (!pt_lookup(pt, va, &got, &flags, &lvl))
        fail_msg("va 0x%lx is not mapped", (unsigned long)va);
    assert_int_equal(got, pa);
    assert_int_equal(lvl, level);
    assert_true(flags & PTE_V);
}

static void assert_unmapped(const struct page_table *pt, uint64_t va)
{
    uint64_t pa;

    if (pt_lookup(pt, va, &pa, NULL, NULL))
        fail_msg("va 0x%lx is mapped (to 0x%lx)", (unsigned long)va,
                 (unsigned long)pa);
}

/* Sv39 VPN[level] of va. */
static unsigned vpn(uint64_t va, unsigned level)
{
    return (unsigned)(va >> (12 + 9 * level)) & 0x1ff;
}

/* ---- Geometry ------------------------------------------------------------*/

static void test_sizes(void **state)
{
    (void)state;
    assert_int_equal(pt_root_size(&pt_sv39), 4 * KIB);
    assert_int_equal(pt_root_size(&pt_sv39x4), 16 * KIB);
    assert_int_equal(pt_level_size(0), 4 * KIB);
    assert_int_equal(pt_level_size(1), 2 * MIB);
    assert_int_equal(pt_level_size(2), 1 * GIB);
}

/* ---- Mapping and lookup --------------------------------------------------*/

static void test_4k_pages_translate(void **state)
{
    struct fixture *f = *state;
    const uint64_t va = 0x40201000, pa = 0x80345000, size = 3 * PAGE;

    assert_int_equal(pt_map(&f->pt, va, pa, size, PTE_R | PTE_W), PT_OK);
    for (uint64_t off = 0; off < size; off += 0x800)
        assert_maps(&f->pt, va + off + 0x123, pa + off + 0x123, 0);
    assert_unmapped(&f->pt, va - PAGE);
    assert_unmapped(&f->pt, va + size);
    /* One level-1 and one level-0 table below the root. */
    assert_int_equal(f->t.allocated, 2);
}

static void test_gib_superpage(void **state)
{
    struct fixture *f = *state;
    const uint64_t va = 1 * GIB, pa = 2 * GIB;

    assert_int_equal(pt_map(&f->pt, va, pa, GIB, PTE_R | PTE_W | PTE_X), PT_OK);
    assert_maps(&f->pt, va, pa, 2);
    assert_maps(&f->pt, va + 0x12345678, pa + 0x12345678, 2);
    assert_maps(&f->pt, va + GIB - 1, pa + GIB - 1, 2);
    assert_unmapped(&f->pt, va + GIB);
    assert_unmapped(&f->pt, va - 1);
    /* A root leaf: no table allocated at all. */
    assert_int_equal(f->t.allocated, 0);
    assert_true(f->pt.root[1] & PTE_V);
}

static void test_mib_superpages(void **state)
{
    struct fixture *f = *state;
    const uint64_t va = 0x80200000, pa = 0x90400000, size = 4 * MIB;

    assert_int_equal(pt_map(&f->pt, va, pa, size, PTE_R | PTE_W), PT_OK);
    assert_maps(&f->pt, va, pa, 1);
    assert_maps(&f->pt, va + 2 * MIB + 0x1234, pa + 2 * MIB + 0x1234, 1);
    assert_maps(&f->pt, va + size - 1, pa + size - 1, 1);
    assert_unmapped(&f->pt, va + size);
    /* Only the level-1 table: 2 MiB leaves need no level-0 table. */
    assert_int_equal(f->t.allocated, 1);
}

static void test_superpage_needs_pa_alignment(void **state)
{
    struct fixture *f = *state;
    /* va is 2 MiB aligned, pa only 4 KiB: 4 KiB pages all the way. */
    const uint64_t va = 0x200000, pa = 0x80001000, size = 2 * MIB;

    assert_int_equal(pt_map(&f->pt, va, pa, size, PTE_R), PT_OK);
    assert_maps(&f->pt, va, pa, 0);
    assert_maps(&f->pt, va + size - PAGE, pa + size - PAGE, 0);
    assert_int_equal(f->t.allocated, 2);
}

static void test_superpage_needs_size(void **state)
{
    struct fixture *f = *state;

    /* Aligned for 2 MiB but 1 MiB long: 4 KiB pages. */
    assert_int_equal(pt_map(&f->pt, 0x400000, 0x80400000, MIB, PTE_R), PT_OK);
    assert_maps(&f->pt, 0x400000, 0x80400000, 0);
    assert_maps(&f->pt, 0x400000 + MIB - PAGE, 0x80400000 + MIB - PAGE, 0);
    assert_unmapped(&f->pt, 0x400000 + MIB);
}

static void test_mixed_alignment(void **state)
{
    struct fixture *f = *state;
    /* 1 GiB + 2 MiB + 4 KiB from a 1 GiB aligned start. */
    const uint64_t va = 0x40000000, pa = 0x80000000;
    const uint64_t size = GIB + 2 * MIB + PAGE;

    assert_int_equal(pt_map(&f->pt, va, pa, size, PTE_R | PTE_W), PT_OK);
    assert_maps(&f->pt, va + 0x1000, pa + 0x1000, 2);
    assert_maps(&f->pt, va + GIB + 0x5000, pa + GIB + 0x5000, 1);
    assert_maps(&f->pt, va + GIB + 2 * MIB + 8, pa + GIB + 2 * MIB + 8, 0);
    assert_unmapped(&f->pt, va + size);
    /* The 2 MiB and 4 KiB leaves share one level-1 table. */
    assert_int_equal(f->t.allocated, 2);
}

static void test_head_and_tail_pages(void **state)
{
    struct fixture *f = *state;
    /* 4 KiB head up to a 2 MiB boundary, 2 MiB in the middle, 4 KiB tail. */
    const uint64_t va = 0x1ff000, pa = 0x801ff000;
    const uint64_t size = PAGE + 2 * MIB + PAGE;

    assert_int_equal(pt_map(&f->pt, va, pa, size, PTE_R), PT_OK);
    assert_maps(&f->pt, va, pa, 0);
    assert_maps(&f->pt, 0x200000, 0x80200000, 1);
    assert_maps(&f->pt, 0x3fffff, 0x803fffff, 1);
    assert_maps(&f->pt, 0x400000, 0x80400000, 0);
    assert_unmapped(&f->pt, 0x401000);
    /* Level 1 + the level-0 tables of the head and of the tail. */
    assert_int_equal(f->t.allocated, 3);
}

/* ---- PTE contents --------------------------------------------------------*/

static void test_permission_bits(void **state)
{
    struct fixture *f = *state;
    static const uint64_t perms[] = {
        PTE_R,
        PTE_R | PTE_W,
        PTE_R | PTE_X,
        PTE_X,
        PTE_R | PTE_W | PTE_X | PTE_U,
        PTE_R | PTE_X | PTE_G,
        PTE_R | PTE_W | PTE_U | PTE_G,
    };

    for (unsigned i = 0; i < ARRAY_SIZE(perms); i++) {
        uint64_t va = 0x10000000 + i * PAGE, pa = 0x80000000 + i * 2 * PAGE;
        uint64_t got_pa, flags;
        unsigned level;

        assert_int_equal(pt_map(&f->pt, va, pa, PAGE, perms[i]), PT_OK);
        assert_true(pt_lookup(&f->pt, va, &got_pa, &flags, &level));
        assert_int_equal(got_pa, pa);
        /* Exactly the requested bits plus V, A and D. */
        assert_int_equal(flags, perms[i] | PTE_V | PTE_A | PTE_D);
    }
}

static void test_pte_encoding(void **state)
{
    struct fixture *f = *state;
    const uint64_t va = 0x7fc0000000UL; /* last 1 GiB of Sv39: VPN[2]=511 */
    const uint64_t pa = 0x2c0000000UL;

    assert_int_equal(pt_map(&f->pt, va, pa, GIB, PTE_R | PTE_W), PT_OK);
    /* Leaf: PPN = pa >> 12 in bits 53:10, then the flags. */
    assert_int_equal(f->pt.root[511], ((pa >> 12) << 10) | PTE_V | PTE_R |
                                          PTE_W | PTE_A | PTE_D);

    /* Pointer to the next level: V only (A, D, U must be 0), its PPN. */
    assert_int_equal(pt_map(&f->pt, 0x1000, 0x80001000, PAGE, PTE_R), PT_OK);
    assert_int_equal(f->t.allocated, 2);
    uint64_t root_pte = f->pt.root[0];
    assert_int_equal(root_pte & 0x3ff, PTE_V);
    assert_int_equal((root_pte >> 10) << 12, (uintptr_t)f->t.mem[0]);
    uint64_t l1_pte = ((uint64_t *)f->t.mem[0])[0];
    assert_int_equal(l1_pte & 0x3ff, PTE_V);
    assert_int_equal((l1_pte >> 10) << 12, (uintptr_t)f->t.mem[1]);
    uint64_t leaf = ((uint64_t *)f->t.mem[1])[1];
    assert_int_equal(leaf, ((0x80001000UL >> 12) << 10) | PTE_V | PTE_R |
                               PTE_A | PTE_D);
}

static void test_tables_are_shared(void **state)
{
    struct fixture *f = *state;

    /* Two pages in the same 2 MiB: the second map allocates nothing. */
    assert_int_equal(pt_map(&f->pt, 0x5000, 0x80005000, PAGE, PTE_R), PT_OK);
    assert_int_equal(f->t.allocated, 2);
    assert_int_equal(pt_map(&f->pt, 0x9000, 0x80109000, PAGE, PTE_R), PT_OK);
    assert_int_equal(f->t.allocated, 2);
    /* Another 2 MiB in the same 1 GiB: one more level-0 table. */
    assert_int_equal(pt_map(&f->pt, 0x205000, 0x80205000, PAGE, PTE_R), PT_OK);
    assert_int_equal(f->t.allocated, 3);
    assert_maps(&f->pt, 0x5000, 0x80005000, 0);
    assert_maps(&f->pt, 0x9000, 0x80109000, 0);
    assert_maps(&f->pt, 0x205000, 0x80205000, 0);
    /* Each leaf sits at its VPN[0] in the level-0 table of its 2 MiB. */
    assert_true(((uint64_t *)f->t.mem[1])[vpn(0x9000, 0)] & PTE_V);
    assert_true(((uint64_t *)f->t.mem[2])[vpn(0x205000, 0)] & PTE_V);
    assert_false(((uint64_t *)f->t.mem[2])[vpn(0x9000, 0)] & PTE_V);
}

/* ---- Refusals ------------------------------------------------------------*/

static void test_overlap_refused_unchanged(void **state)
{
    struct fixture *f = *state;
    struct snapshot s;

    assert_int_equal(pt_map(&f->pt, 0x201000, 0x80201000, PAGE, PTE_R), PT_OK);
    assert_int_equal(pt_map(&f->pt, 0x40000000, 0x80000000, 2 * MIB, PTE_R),
                     PT_OK);
    take_snapshot(f, &s);

    /* A superpage over an existing 4 KiB page. */
    assert_int_equal(pt_map(&f->pt, 0x200000, 0x90000000, 2 * MIB, PTE_R),
                     PT_ERR_EXISTS);
    /* A range whose head is free and whose last page is taken. */
    assert_int_equal(pt_map(&f->pt, 0x1fe000, 0x90000000, 4 * PAGE, PTE_W),
                     PT_ERR_EXISTS);
    /* 4 KiB pages inside an existing superpage. */
    assert_int_equal(pt_map(&f->pt, 0x40100000, 0x90000000, PAGE, PTE_R),
                     PT_ERR_EXISTS);
    /* The same range again. */
    assert_int_equal(pt_map(&f->pt, 0x201000, 0x80201000, PAGE, PTE_R),
                     PT_ERR_EXISTS);
    assert_unchanged(f, &s);
    assert_unmapped(&f->pt, 0x1fe000);
    assert_maps(&f->pt, 0x201000, 0x80201000, 0);
    assert_maps(&f->pt, 0x40100000, 0x80100000, 1);
}

static void test_misaligned(void **state)
{
    struct fixture *f = *state;
    struct snapshot s;

    take_snapshot(f, &s);
    assert_int_equal(pt_map(&f->pt, 0x1001, 0x80000000, PAGE, PTE_R),
                     PT_ERR_ALIGN);
    assert_int_equal(pt_map(&f->pt, 0x1000, 0x80000800, PAGE, PTE_R),
                     PT_ERR_ALIGN);
    assert_int_equal(pt_map(&f->pt, 0x1000, 0x80000000, PAGE + 1, PTE_R),
                     PT_ERR_ALIGN);
    assert_int_equal(pt_unmap(&f->pt, 0x1800, PAGE), PT_ERR_ALIGN);
    assert_int_equal(pt_unmap(&f->pt, 0x1000, 0x10), PT_ERR_ALIGN);
    assert_unchanged(f, &s);
    assert_int_equal(f->t.calls, 0);
}

static void test_sv39_range(void **state)
{
    struct fixture *f = *state;
    const uint64_t top = 1UL << 39;

    assert_int_equal(pt_map(&f->pt, top, 0x80000000, PAGE, PTE_R),
                     PT_ERR_RANGE);
    /* Starts inside, ends outside. */
    assert_int_equal(pt_map(&f->pt, top - PAGE, 0x80000000, 2 * PAGE, PTE_R),
                     PT_ERR_RANGE);
    /* A size that wraps around 2^64. */
    assert_int_equal(pt_map(&f->pt, 0x1000, 0x80000000, -PAGE, PTE_R),
                     PT_ERR_RANGE);
    assert_int_equal(f->t.calls, 0);
    /* Sv39x4's 2^40 does not exist in Sv39. */
    assert_int_equal(pt_map(&f->pt, 1UL << 40, 0x80000000, PAGE, PTE_R),
                     PT_ERR_RANGE);
    assert_int_equal(pt_unmap(&f->pt, top, PAGE), PT_ERR_RANGE);
    /* The very last page is fine, and goes in root slot 511. */
    assert_int_equal(pt_map(&f->pt, top - PAGE, 0x80000000, PAGE, PTE_R),
                     PT_OK);
    assert_maps(&f->pt, top - 1, 0x80000fff, 0);
    assert_true(f->pt.root[511] & PTE_V);
    assert_unmapped(&f->pt, top);
}

static void test_sv39x4_range_and_root_index(void **state)
{
    struct fixture *f = *state;
    const uint64_t gpa = 1UL << 40; /* root index 1024: needs 11 bits */

    assert_int_equal(pt_map(&f->pt, gpa, 0x80000000, PAGE, PTE_R | PTE_U),
                     PT_OK);
    assert_maps(&f->pt, gpa + 0x10, 0x80000010, 0);
    assert_true(f->pt.root[1024] & PTE_V);
    /* With a 9-bit root index it would land in slot 0, aliasing GPA 0. */
    assert_false(f->pt.root[0] & PTE_V);
    assert_unmapped(&f->pt, 0);

    assert_int_equal(pt_map(&f->pt, 0, 0x90000000, PAGE, PTE_R), PT_OK);
    assert_maps(&f->pt, 0, 0x90000000, 0);
    assert_maps(&f->pt, gpa, 0x80000000, 0);

    /* The last GiB of the 41-bit space as a superpage in root slot 2047. */
    assert_int_equal(pt_map(&f->pt, (1UL << 41) - GIB, 0x100000000UL, GIB,
                            PTE_R | PTE_W | PTE_U),
                     PT_OK);
    assert_maps(&f->pt, (1UL << 41) - 1, 0x100000000UL + GIB - 1, 2);
    assert_true(f->pt.root[2047] & PTE_V);

    assert_int_equal(pt_map(&f->pt, 1UL << 41, 0x80000000, PAGE, PTE_R),
                     PT_ERR_RANGE);
    assert_int_equal(
        pt_map(&f->pt, (1UL << 41) - PAGE, 0x80000000, 2 * PAGE, PTE_R),
        PT_ERR_RANGE);
    assert_unmapped(&f->pt, 1UL << 41);
}

static void test_nomem(void **state)
{
    struct fixture *f = *state;

    /* No table can be allocated: a 4 KiB page cannot be mapped... */
    f->t.fail_after = 0;
    assert_int_equal(pt_map(&f->pt, 0x1000, 0x80001000, PAGE, PTE_R),
                     PT_ERR_NOMEM);
    assert_int_equal(f->t.allocated, 0);
    assert_unmapped(&f->pt, 0x1000);
    /* ...but a 1 GiB root leaf needs no table. */
    assert_int_equal(pt_map(&f->pt, GIB, GIB, GIB, PTE_R), PT_OK);
    assert_maps(&f->pt, GIB, GIB, 2);

    /* The level-1 table is allocated, the level-0 one is not. */
    f->t.fail_after = 1;
    assert_int_equal(pt_map(&f->pt, 0x80001000, 0x80001000, PAGE, PTE_R),
                     PT_ERR_NOMEM);
    assert_int_equal(f->t.allocated, 1);
    assert_unmapped(&f->pt, 0x80001000);
    /* Once memory is back, the half-built path is reused. */
    f->t.fail_after = -1;
    assert_int_equal(pt_map(&f->pt, 0x80001000, 0x80001000, PAGE, PTE_R),
                     PT_OK);
    assert_int_equal(f->t.allocated, 2);
    assert_maps(&f->pt, 0x80001000, 0x80001000, 0);
}

/* ---- Unmapping -----------------------------------------------------------*/

static void test_unmap_pages(void **state)
{
    struct fixture *f = *state;

    assert_int_equal(pt_map(&f->pt, 0x10000, 0x80010000, 3 * PAGE, PTE_R),
                     PT_OK);
    assert_int_equal(pt_unmap(&f->pt, 0x11000, PAGE), PT_OK);
    assert_maps(&f->pt, 0x10000, 0x80010000, 0);
    assert_unmapped(&f->pt, 0x11000);
    assert_maps(&f->pt, 0x12000, 0x80012000, 0);
    /* Unmapping what is not mapped is not an error. */
    assert_int_equal(pt_unmap(&f->pt, 0x0, 0x10000), PT_OK);
    assert_int_equal(pt_unmap(&f->pt, 0x10000, 3 * PAGE), PT_OK);
    assert_unmapped(&f->pt, 0x10000);
    assert_unmapped(&f->pt, 0x12000);
    /* The range can be mapped again, elsewhere. */
    assert_int_equal(pt_map(&f->pt, 0x10000, 0x90000000, 3 * PAGE, PTE_W),
                     PT_OK);
    assert_maps(&f->pt, 0x11000, 0x90001000, 0);
}

static void test_unmap_superpages(void **state)
{
    struct fixture *f = *state;

    assert_int_equal(
        pt_map(&f->pt, 0x80000000, 0x80000000, GIB + 2 * MIB, PTE_R | PTE_W),
        PT_OK);
    /* No superpage is split: part of one is refused and stays mapped. */
    assert_int_equal(pt_unmap(&f->pt, 0x80000000, PAGE), PT_ERR_ALIGN);
    assert_int_equal(pt_unmap(&f->pt, 0x80200000, 2 * MIB), PT_ERR_ALIGN);
    assert_int_equal(pt_unmap(&f->pt, 0xc0000000, MIB), PT_ERR_ALIGN);
    assert_maps(&f->pt, 0x80000000, 0x80000000, 2);
    assert_maps(&f->pt, 0x80200000, 0x80200000, 2);
    assert_maps(&f->pt, 0xc0000000, 0xc0000000, 1);
    /* Whole superpages go. */
    assert_int_equal(pt_unmap(&f->pt, 0xc0000000, 2 * MIB), PT_OK);
    assert_unmapped(&f->pt, 0xc0000000);
    assert_maps(&f->pt, 0xbfffffff, 0xbfffffff, 2);
    assert_int_equal(pt_unmap(&f->pt, 0x80000000, GIB), PT_OK);
    assert_unmapped(&f->pt, 0x80000000);
    assert_unmapped(&f->pt, 0xbfffffff);
}

/*
 * What restarting a VM does with the hypervisor's mapping of its RAM
 * (vm_build.c via arch_hyp_map_phys): the region is mapped whole, unmapped,
 * its first pages mapped for the image, unmapped, then the region mapped
 * whole again. The image mapping leaves an empty level-0 table where a
 * 2 MiB leaf goes; mapping over it must still work.
 */
static void test_remap_after_small_unmap(void **state)
{
    struct fixture *f = *state;
    const uint64_t base = 0x90000000, size = 8 * MIB;

    assert_int_equal(pt_map(&f->pt, base, base, size, PTE_R | PTE_W), PT_OK);
    assert_int_equal(pt_unmap(&f->pt, base, size), PT_OK);
    assert_int_equal(pt_map(&f->pt, base, base, 0x3000, PTE_R | PTE_W), PT_OK);
    assert_int_equal(pt_unmap(&f->pt, base, 0x3000), PT_OK);
    assert_unmapped(&f->pt, base);

    assert_int_equal(pt_map(&f->pt, base, base, size, PTE_R | PTE_W), PT_OK);
    for (uint64_t off = 0; off < size; off += 0x1000)
        assert_maps(&f->pt, base + off, base + off, off < 2 * MIB ? 0 : 1);
    assert_unmapped(&f->pt, base + size);
    /* The map refused nothing and unmaps again. */
    assert_int_equal(pt_unmap(&f->pt, base, size), PT_OK);
    assert_unmapped(&f->pt, base + 0x1000);
    assert_unmapped(&f->pt, base + 4 * MIB);
}

static void test_lookup_outside_range(void **state)
{
    struct fixture *f = *state;
    uint64_t pa = 0x1234;

    assert_int_equal(pt_map(&f->pt, 0, 0x80000000, GIB, PTE_R), PT_OK);
    /* 2^39 would wrap to root slot 0 if the range were not checked. */
    assert_false(pt_lookup(&f->pt, 1UL << 39, &pa, NULL, NULL));
    assert_false(pt_lookup(&f->pt, ~0UL, &pa, NULL, NULL));
    assert_int_equal(pa, 0x1234);
    /* flags and level are optional. */
    assert_true(pt_lookup(&f->pt, 0x42, &pa, NULL, NULL));
    assert_int_equal(pa, 0x80000042);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
        cmocka_unit_test_setup_teardown(test_4k_pages_translate, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gib_superpage, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mib_superpages, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_superpage_needs_pa_alignment,
                                        setup_sv39, teardown),
        cmocka_unit_test_setup_teardown(test_superpage_needs_size, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mixed_alignment, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_head_and_tail_pages, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_permission_bits, setup_sv39x4,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_pte_encoding, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_tables_are_shared, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_overlap_refused_unchanged,
                                        setup_sv39, teardown),
        cmocka_unit_test_setup_teardown(test_misaligned, setup_sv39, teardown),
        cmocka_unit_test_setup_teardown(test_sv39_range, setup_sv39, teardown),
        cmocka_unit_test_setup_teardown(test_sv39x4_range_and_root_index,
                                        setup_sv39x4, teardown),
        cmocka_unit_test_setup_teardown(test_nomem, setup_sv39, teardown),
        cmocka_unit_test_setup_teardown(test_unmap_pages, setup_sv39x4,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unmap_superpages, setup_sv39,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_remap_after_small_unmap,
                                        setup_sv39, teardown),
        cmocka_unit_test_setup_teardown(test_lookup_outside_range, setup_sv39,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
