/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Physical page allocator. Keeps the free RAM as a sorted list of disjoint
 * page-aligned ranges; allocation is first fit with an alignment. Memory is
 * handed out at boot and never returned (static partitioning).
 */
#ifndef PAGE_ALLOC_H
#define PAGE_ALLOC_H

#include <core/platform.h>
#include <stdbool.h>
#include <stdint.h>

#define PAGE_ALLOC_MAX_RANGES 32

struct page_alloc {
    unsigned num;
    struct mem_range free[PAGE_ALLOC_MAX_RANGES];
};

void page_alloc_init(struct page_alloc *pa);
/* Each returns 0, or -1 when it cannot (the list of ranges is full, the
 * range is not free, there is no room). */
/* Add RAM; the range is shrunk to whole pages. */
int page_alloc_add(struct page_alloc *pa, uint64_t base, uint64_t size);
/* Take [base, base + size) out of the free RAM, whatever part of it is free. */
int page_alloc_reserve(struct page_alloc *pa, uint64_t base, uint64_t size);
/* Take exactly [base, base + size), all of it free. */
int page_alloc_claim(struct page_alloc *pa, uint64_t base, uint64_t size);
/* Allocate `size` bytes aligned to `align` (a power of two >= page size). */
int page_alloc_get(struct page_alloc *pa, uint64_t size, uint64_t align,
                   uint64_t *base);
uint64_t page_alloc_free_bytes(const struct page_alloc *pa);

/* The hypervisor's allocator for guest memory. */
extern struct page_alloc ram_alloc;

#endif
