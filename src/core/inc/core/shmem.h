/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared-memory objects (config.shmemlist): host-physical memory set aside
 * at boot, which VMs map at their ipcs[].base.
 */
#ifndef SHMEM_H
#define SHMEM_H

#include <core/colour.h>
#include <core/config.h>
#include <stdint.h>

/*
 * Claim the placed shmem objects, then allocate the others (coloured ones
 * page by page from their colours), and zero them all. 0, or -1 with the
 * object named in an error message.
 */
int shmem_init(const struct config *cfg);
/* Where shmem object `id`'s pages are (after shmem_init). */
const struct colour_mem *shmem_pages(size_t id);

#endif
