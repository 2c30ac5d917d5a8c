/* SPDX-License-Identifier: Apache-2.0 */
#include <core/hyp_limits.h>
#include <core/page_alloc.h>
#include <lib/util.h>

struct page_alloc ram_alloc;

void page_alloc_init(struct page_alloc *pa)
{
    pa->num = 0;
}

static void remove_at(struct page_alloc *pa, unsigned i)
{
    for (; i + 1 < pa->num; i++)
        pa->free[i] = pa->free[i + 1];
    pa->num--;
}

static int insert_at(struct page_alloc *pa, unsigned i, uint64_t base,
                     uint64_t size)
{
    if (pa->num == PAGE_ALLOC_MAX_RANGES)
        return -1;
    for (unsigned j = pa->num; j > i; j--)
        pa->free[j] = pa->free[j - 1];
    pa->free[i].base = base;
    pa->free[i].size = size;
    pa->num++;
    return 0;
}

/* Merge range i with its successor when they touch. */
static void merge_next(struct page_alloc *pa, unsigned i)
{
    if (i + 1 < pa->num &&
        pa->free[i].base + pa->free[i].size == pa->free[i + 1].base) {
        pa->free[i].size += pa->free[i + 1].size;
        remove_at(pa, i + 1);
    }
}

int page_alloc_add(struct page_alloc *pa, uint64_t base, uint64_t size)
{
    uint64_t start = ALIGN_UP(base, PAGE_SIZE);
    uint64_t end = ALIGN_DOWN(base + size, PAGE_SIZE);
    unsigned i;

    if (range_wraps(base, size) || end <= start)
        return 0;
    /* Free RAM must not be added twice. */
    page_alloc_reserve(pa, start, end - start);
    for (i = 0; i < pa->num && pa->free[i].base < start; i++)
        ;
    if (insert_at(pa, i, start, end - start))
        return -1;
    merge_next(pa, i);
    if (i > 0)
        merge_next(pa, i - 1);
    return 0;
}

int page_alloc_reserve(struct page_alloc *pa, uint64_t base, uint64_t size)
{
    uint64_t start = ALIGN_DOWN(base, PAGE_SIZE);
    uint64_t end = ALIGN_UP(base + size, PAGE_SIZE);

    if (size == 0)
        return 0;
    for (unsigned i = 0; i < pa->num; i++) {
        struct mem_range r = pa->free[i];
        uint64_t r_end = r.base + r.size;

        if (end <= r.base || start >= r_end)
            continue;
        if (start > r.base && end < r_end) {
            /* A hole in the middle splits the range in two. */
            pa->free[i].size = start - r.base;
            return insert_at(pa, i + 1, end, r_end - end);
        }
        if (start <= r.base && end >= r_end) {
            remove_at(pa, i--);
        } else if (start <= r.base) {
            pa->free[i].base = end;
            pa->free[i].size = r_end - end;
        } else {
            pa->free[i].size = start - r.base;
        }
    }
    return 0;
}

int page_alloc_claim(struct page_alloc *pa, uint64_t base, uint64_t size)
{
    if (!IS_ALIGNED(base, PAGE_SIZE) || !IS_ALIGNED(size, PAGE_SIZE) ||
        size == 0 || range_wraps(base, size))
        return -1;
    for (unsigned i = 0; i < pa->num; i++) {
        if (range_contains(pa->free[i].base, pa->free[i].size, base, size))
            return page_alloc_reserve(pa, base, size);
    }
    return -1;
}

int page_alloc_get(struct page_alloc *pa, uint64_t size, uint64_t align,
                   uint64_t *base)
{
    if (size == 0 || !IS_ALIGNED(size, PAGE_SIZE) || align < PAGE_SIZE ||
        (align & (align - 1)) != 0)
        return -1;
    for (unsigned i = 0; i < pa->num; i++) {
        uint64_t start = ALIGN_UP(pa->free[i].base, align);
        uint64_t end = pa->free[i].base + pa->free[i].size;

        if (start < pa->free[i].base || start >= end || end - start < size)
            continue;
        *base = start;
        return page_alloc_reserve(pa, start, size);
    }
    return -1;
}

uint64_t page_alloc_free_bytes(const struct page_alloc *pa)
{
    uint64_t total = 0;

    for (unsigned i = 0; i < pa->num; i++)
        total += pa->free[i].size;
    return total;
}
