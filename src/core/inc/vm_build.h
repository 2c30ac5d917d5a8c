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
/* Clear the VM's RAM and copy its image in (an inplace one stays). */
void vm_load_image(struct vm *vm);

#endif
