/* SPDX-License-Identifier: Apache-2.0 */
#include <core/colour.h>
#include <lib/util.h>

struct colour_pool ram_colours;

void colour_pool_init(struct colour_pool *cp, struct page_alloc *ram,
                      unsigned colours)
{
    cp->ram = ram;
    cp->colours = colours;
    cp->num = 0;
}

static colormap_t all_colours(unsigned colours)
{
    return colours >= COLOUR_MAX ? ~(colormap_t)0
                                 : ((colormap_t)1 << colours) - 1;
}

/* A span with room: none of `mask` taken and at least `blocks` blocks. */
static struct colour_span *find_span(struct colour_pool *cp, uint64_t blocks,
                                     colormap_t mask)
{
    for (unsigned i = 0; i < cp->num; i++) {
        if (!(cp->span[i].taken & mask) && cp->span[i].blocks >= blocks)
            return &cp->span[i];
    }
    return NULL;
}

static struct colour_span *new_span(struct colour_pool *cp, uint64_t blocks)
{
    uint64_t block = (uint64_t)cp->colours * PAGE_SIZE;
    struct colour_span *s;
    uint64_t base;

    if (cp->num == COLOUR_MAX_SPANS ||
        page_alloc_get(cp->ram, blocks * block, block, &base))
        return NULL;
    s = &cp->span[cp->num++];
    s->base = base;
    s->blocks = blocks;
    s->taken = 0;
    return s;
}

int colour_alloc(struct colour_pool *cp, uint64_t pages, colormap_t mask,
                 struct colour_mem *out)
{
    unsigned per_block = popcount64(mask);
    struct colour_span *s;
    uint64_t blocks;

    if (!cp->colours || !mask || (mask & ~all_colours(cp->colours)) || !pages)
        return -1;
    blocks = (pages + per_block - 1) / per_block;
    s = find_span(cp, blocks, mask);
    if (!s)
        s = new_span(cp, blocks);
    if (!s)
        return -1;
    s->taken |= mask;
    out->base = s->base;
    out->pages = pages;
    out->mask = mask;
    out->colours = cp->colours;
    return 0;
}

/* The colour of the n-th (from 0) set bit of `mask`. */
static unsigned nth_colour(colormap_t mask, unsigned n)
{
    for (unsigned c = 0;; c++) {
        if ((mask >> c) & 1 && n-- == 0)
            return c;
    }
}

uint64_t colour_page(const struct colour_mem *m, uint64_t i)
{
    unsigned per_block;

    if (!m->mask)
        return m->base + i * PAGE_SIZE;
    per_block = popcount64(m->mask);
    return m->base + (i / per_block) * m->colours * PAGE_SIZE +
           (uint64_t)nth_colour(m->mask, (unsigned)(i % per_block)) * PAGE_SIZE;
}

uint64_t colour_mem_span(const struct colour_mem *m)
{
    return m->pages ? colour_page(m, m->pages - 1) + PAGE_SIZE - m->base : 0;
}
