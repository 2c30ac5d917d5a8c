/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hypervisor's own memory: a block of RAM mapped for the hypervisor,
 * handed out front to back at boot for page tables. Never freed.
 */
#ifndef HYP_POOL_H
#define HYP_POOL_H

#include <stddef.h>
#include <stdint.h>

void hyp_pool_init(uint64_t base, uint64_t size);
/* Zeroed memory aligned to `align` (a power of two), or NULL when empty. */
void *hyp_pool_alloc(size_t size, size_t align);
uint64_t hyp_pool_base(void);
uint64_t hyp_pool_size(void);
uint64_t hyp_pool_used(void);

#endif
