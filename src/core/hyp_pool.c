/* SPDX-License-Identifier: Apache-2.0 */
#include <core/hyp_pool.h>
#include <lib/string.h>
#include <lib/util.h>

static uint64_t pool_base, pool_size, pool_next;

void hyp_pool_init(uint64_t base, uint64_t size)
{
    pool_base = base;
    pool_size = size;
    pool_next = base;
}

void *hyp_pool_alloc(size_t size, size_t align)
{
    uint64_t start = ALIGN_UP(pool_next, align);

    if (start < pool_next || start > pool_base + pool_size ||
        size > pool_base + pool_size - start)
        return NULL;
    pool_next = start + size;
    memset((void *)(uintptr_t)start, 0, size);
    return (void *)(uintptr_t)start;
}

uint64_t hyp_pool_base(void)
{
    return pool_base;
}

uint64_t hyp_pool_size(void)
{
    return pool_size;
}

uint64_t hyp_pool_used(void)
{
    return pool_next - pool_base;
}
