/* SPDX-License-Identifier: Apache-2.0 */
/* Building VMs from the configuration at boot, and reloading them. */
#ifndef VM_BUILD_H
#define VM_BUILD_H

#include <config.h>

struct vm;

/*
 * Build VM `id` from `cfg` with its vCPUs pinned to `harts[0..cpu_num-1]`:
 * memory, stage-2 mappings, devices, image. vCPU 0 is left START_PENDING.
 * Returns 0, or negative after logging what failed.
 */
int vm_build(unsigned id, const struct vm_config *cfg, const unsigned *harts);
/*
 * Take every placed VM region (`place_phys`) out of the allocator before
 * anything is allocated, so no dynamic allocation lands on one. 0, or -1
 * with the VM and region named in an error message.
 */
int vm_claim_placed_regions(const struct config *cfg);
/* Clear the VM's RAM and copy its image in (an inplace one stays). */
void vm_load_image(struct vm *vm);

#endif
