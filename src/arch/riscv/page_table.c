/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/page_table.h>

const struct pt_format pt_sv39 = {.va_bits = 39, .root_index_bits = 9};
const struct pt_format pt_sv39x4 = {.va_bits = 41, .root_index_bits = 11};

size_t pt_root_size(const struct pt_format *fmt)
{
    return sizeof(uint64_t) << fmt->root_index_bits;
}

uint64_t pt_level_size(unsigned level)
{
    return 1UL << (PT_PAGE_SHIFT + PT_INDEX_BITS * level);
}

static unsigned pt_index(const struct pt_format *fmt, uint64_t va,
                         unsigned level)
{
    unsigned bits =
        level == PT_LEVELS - 1 ? fmt->root_index_bits : PT_INDEX_BITS;
    return (unsigned)(va >> (PT_PAGE_SHIFT + PT_INDEX_BITS * level)) &
           ((1U << bits) - 1);
}

static uint64_t *pte_table(uint64_t pte)
{
    return (uint64_t *)(uintptr_t)(((pte & PTE_PPN_MASK) >> PTE_PPN_SHIFT)
                                   << PT_PAGE_SHIFT);
}

static uint64_t pte_make(uint64_t pa, uint64_t bits)
{
    return ((pa >> PT_PAGE_SHIFT) << PTE_PPN_SHIFT) | bits | PTE_V;
}

static bool pte_is_leaf(uint64_t pte)
{
    return (pte & PTE_V) && (pte & PTE_LEAF_MASK);
}

static bool range_ok(const struct pt_format *fmt, uint64_t va, uint64_t size)
{
    uint64_t limit = 1UL << fmt->va_bits;
    return va < limit && size <= limit - va;
}

/* The table at `level` covering va, creating intermediate tables. */
static uint64_t *walk_create(struct page_table *pt, uint64_t va, unsigned level)
{
    uint64_t *table = pt->root;

    for (unsigned l = PT_LEVELS - 1; l > level; l--) {
        uint64_t *pte = &table[pt_index(pt->fmt, va, l)];

        if (!(*pte & PTE_V)) {
            uint64_t *next = pt->alloc_table(pt->ctx, (size_t)pt_level_size(0));
            if (!next)
                return NULL;
            *pte = pte_make((uint64_t)(uintptr_t)next, 0);
        } else if (pte_is_leaf(*pte)) {
            return NULL;
        }
        table = pte_table(*pte);
    }
    return table;
}

static unsigned best_level(uint64_t va, uint64_t pa, uint64_t size)
{
    for (unsigned l = PT_LEVELS - 1; l > 0; l--) {
        uint64_t s = pt_level_size(l);
        if ((va % s) == 0 && (pa % s) == 0 && size >= s)
            return l;
    }
    return 0;
}

int pt_map(struct page_table *pt, uint64_t va, uint64_t pa, uint64_t size,
           uint64_t flags)
{
    uint64_t leaf_bits = (flags & ~PTE_V) | PTE_A | PTE_D;
    uint64_t probe_pa;

    if ((va | pa | size) & (pt_level_size(0) - 1))
        return PT_ERR_ALIGN;
    if (!range_ok(pt->fmt, va, size))
        return PT_ERR_RANGE;
    /* Refuse before changing anything, so a failed map leaves no trace. */
    for (uint64_t off = 0; off < size; off += pt_level_size(0)) {
        if (pt_lookup(pt, va + off, &probe_pa, NULL, NULL))
            return PT_ERR_EXISTS;
    }
    while (size) {
        unsigned level = best_level(va, pa, size);
        uint64_t *table, *pte;

        for (;;) {
            table = walk_create(pt, va, level);
            if (!table)
                return PT_ERR_NOMEM;
            pte = &table[pt_index(pt->fmt, va, level)];
            /* A table pt_unmap left empty holds the slot: map inside it. */
            if (level == 0 || !(*pte & PTE_V) || pte_is_leaf(*pte))
                break;
            level--;
        }
        if (*pte & PTE_V)
            return PT_ERR_EXISTS;
        *pte = pte_make(pa, leaf_bits);
        va += pt_level_size(level);
        pa += pt_level_size(level);
        size -= pt_level_size(level);
    }
    return PT_OK;
}

/* The leaf PTE for va, or NULL; `level` gets its level. */
static uint64_t *find_leaf(const struct page_table *pt, uint64_t va,
                           unsigned *level)
{
    uint64_t *table = pt->root;

    for (unsigned l = PT_LEVELS; l-- > 0;) {
        uint64_t *pte = &table[pt_index(pt->fmt, va, l)];

        if (!(*pte & PTE_V))
            return NULL;
        if (pte_is_leaf(*pte)) {
            *level = l;
            return pte;
        }
        table = pte_table(*pte);
    }
    return NULL;
}

int pt_unmap(struct page_table *pt, uint64_t va, uint64_t size)
{
    if ((va | size) & (pt_level_size(0) - 1))
        return PT_ERR_ALIGN;
    if (!range_ok(pt->fmt, va, size))
        return PT_ERR_RANGE;
    while (size) {
        unsigned level = 0;
        uint64_t *pte = find_leaf(pt, va, &level);
        uint64_t step = pt_level_size(level);

        if (pte) {
            if (va % step != 0 || size < step)
                return PT_ERR_ALIGN; /* would split a superpage */
            *pte = 0;
        } else {
            step = pt_level_size(0);
        }
        va += step;
        size -= step;
    }
    return PT_OK;
}

bool pt_lookup(const struct page_table *pt, uint64_t va, uint64_t *pa,
               uint64_t *flags, unsigned *level)
{
    unsigned l = 0;
    uint64_t *pte;

    if (!range_ok(pt->fmt, va, 1))
        return false;
    pte = find_leaf(pt, va, &l);
    if (!pte)
        return false;
    *pa = (uint64_t)(uintptr_t)pte_table(*pte) + (va & (pt_level_size(l) - 1));
    if (flags)
        *flags = *pte & ((1UL << PTE_PPN_SHIFT) - 1);
    if (level)
        *level = l;
    return true;
}
