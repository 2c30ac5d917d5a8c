/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cache colouring. The last-level cache the harts share is physically
 * indexed, so pages whose page numbers are congruent modulo `colours` (the
 * cache's way size in pages) compete for the same sets: that residue is the
 * page's colour. Memory given only pages of some colours cannot evict lines
 * of memory given the others.
 *
 * A coloured allocation is carved from a span of whole blocks (a block is
 * `colours` pages aligned to its size, one page of every colour), using the
 * pages of its colours in each block; the span's other colours stay
 * available to allocations with other colours.
 */
#ifndef COLOUR_H
#define COLOUR_H

#include <core/config.h>
#include <core/hyp_limits.h>
#include <core/page_alloc.h>
#include <stdbool.h>
#include <stdint.h>

/* colormap_t has one bit per colour. */
#define COLOUR_MAX 64
#define COLOUR_MAX_SPANS 16

/* Where an object's pages are: contiguous from `base` when `mask` is 0. */
struct colour_mem {
    uint64_t base;   /* first page (coloured: the span's first block) */
    uint64_t pages;  /* pages in the object */
    colormap_t mask; /* its colours; 0: not coloured */
    unsigned colours;
};

struct colour_span {
    uint64_t base;    /* aligned to a block */
    uint64_t blocks;  /* size in blocks */
    colormap_t taken; /* colours given out in this span */
};

struct colour_pool {
    struct page_alloc *ram;
    unsigned colours; /* 0: the platform describes no shared cache */
    unsigned num;
    struct colour_span span[COLOUR_MAX_SPANS];
};

/* The pool coloured guest memory comes from (over ram_alloc). */
extern struct colour_pool ram_colours;

/*
 * The number of colours of a cache: its way size in pages. 0 (no colours)
 * without a cache, when a way is at most a page, is not a power of two, or
 * would give more colours than a colormap_t has bits.
 */
static inline unsigned colour_count(uint64_t cache_size, unsigned ways)
{
    uint64_t way_pages = ways ? cache_size / ways / PAGE_SIZE : 0;

    if (way_pages <= 1 || way_pages > COLOUR_MAX ||
        (way_pages & (way_pages - 1)) != 0)
        return 0;
    return (unsigned)way_pages;
}

/* The colour of the page at `pa`. */
static inline unsigned colour_of(uint64_t pa, unsigned colours)
{
    return colours ? (unsigned)((pa / PAGE_SIZE) % colours) : 0;
}

/* The colours a VM region asks for: its own, else its VM's (0: none). */
static inline colormap_t vm_region_colours(const struct vm_config *vm,
                                           const struct vm_mem_region *r)
{
    return r->colors ? r->colors : vm->colors;
}

void colour_pool_init(struct colour_pool *cp, struct page_alloc *ram,
                      unsigned colours);

/*
 * `pages` pages of the colours in `mask` (non-zero, below cp->colours),
 * from a span that has none of them taken, or from a new span. 0, or -1
 * if the mask is invalid or memory (or span slots) ran out.
 */
int colour_alloc(struct colour_pool *cp, uint64_t pages, colormap_t mask,
                 struct colour_mem *out);

/* The physical address of page `i` (< m->pages) of an object. */
uint64_t colour_page(const struct colour_mem *m, uint64_t i);
/* Bytes from m->base to the end of its last page: the host range it spans. */
uint64_t colour_mem_span(const struct colour_mem *m);
/* The hypervisor's pointer to host-physical `hpa` of `m`, given its one
 * mapping of the span at `va`. */
static inline uint8_t *colour_mem_at(uint8_t *va, const struct colour_mem *m,
                                     uint64_t hpa)
{
    return va + (hpa - m->base);
}
/*
 * Zero the pages of `m` (and no other page of its span) through one
 * temporary mapping of the span (colour_mem.c; VM RAM and shared memory).
 */
void colour_mem_clear(const struct colour_mem *m);

#endif
