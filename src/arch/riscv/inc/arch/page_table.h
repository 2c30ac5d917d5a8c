/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Builder for RISC-V page tables: Sv39 for the hypervisor's own mappings and
 * Sv39x4 for stage-2 (guest-physical to host-physical) translation. Pure
 * memory manipulation, no CSR access: host unit tests link it directly.
 * Tables are addressed by their physical address, which the hypervisor maps
 * identically, so a table pointer and its physical address are the same.
 */
#ifndef ARCH_PAGE_TABLE_H
#define ARCH_PAGE_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* PTE bits (priv. spec 4.4.1, figure 4.18). */
#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK (((1UL << 44) - 1) << PTE_PPN_SHIFT)
#define PTE_LEAF_MASK (PTE_R | PTE_W | PTE_X)

#define PT_LEVELS 3 /* Sv39 and Sv39x4 */
#define PT_PAGE_SHIFT 12
#define PT_INDEX_BITS 9

enum pt_err {
    PT_OK = 0,
    PT_ERR_ALIGN = -1,  /* va, pa or size not page aligned */
    PT_ERR_RANGE = -2,  /* va beyond the format's address space */
    PT_ERR_NOMEM = -3,  /* no page for an intermediate table */
    PT_ERR_EXISTS = -4, /* part of the range is mapped already */
};

/* Sv39: 39-bit VA, 4 KiB root. Sv39x4: 41-bit GPA, 16 KiB root (8.5.1). */
struct pt_format {
    unsigned va_bits;
    unsigned root_index_bits;
};

extern const struct pt_format pt_sv39;
extern const struct pt_format pt_sv39x4;

struct page_table {
    const struct pt_format *fmt;
    uint64_t *root;
    /* Returns a zeroed, naturally aligned table of `size` bytes, or NULL. */
    void *(*alloc_table)(void *ctx, size_t size);
    void *ctx;
};

size_t pt_root_size(const struct pt_format *fmt);
/* Bytes mapped by one leaf at `level` (0: 4 KiB, 1: 2 MiB, 2: 1 GiB). */
uint64_t pt_level_size(unsigned level);
/*
 * Map [va, va + size) to [pa, pa + size) with leaf bits `flags` (R/W/X/U/G;
 * V, A and D are added). Uses the largest pages the alignment allows.
 */
int pt_map(struct page_table *pt, uint64_t va, uint64_t pa, uint64_t size,
           uint64_t flags);
/* Remove the mappings of [va, va + size), splitting no superpage. */
int pt_unmap(struct page_table *pt, uint64_t va, uint64_t size);
/* Translate va; on success gives pa, the leaf PTE flags and its level. */
bool pt_lookup(const struct page_table *pt, uint64_t va, uint64_t *pa,
               uint64_t *flags, unsigned *level);

#endif
