/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared-memory objects (config.shmemlist): host-physical memory set aside
 * at boot, which VMs map at their ipcs[].base.
 */
#ifndef SHMEM_H
#define SHMEM_H

#include <config.h>
#include <stdint.h>

/*
 * Claim the placed shmem objects, then allocate the others, and zero them
 * all. 0, or -1 with the object named in an error message.
 */
int shmem_init(const struct config *cfg);
/* The host-physical base of shmem object `id` (after shmem_init). */
uint64_t shmem_phys(size_t id);

#endif
