/* SPDX-License-Identifier: Apache-2.0 */
/* Building VMs from the configuration at boot, and reloading them. */
#ifndef VM_BUILD_H
#define VM_BUILD_H

#include <core/config.h>

struct vm;
struct vcpu;

/*
 * Build VM `id` from `cfg` with its vCPUs pinned to `harts[0..cpu_num-1]`:
 * memory, stage-2 mappings, devices, image, device tree and initrd copied
 * in. The rest of its RAM is not cleared yet and every vCPU is STOPPED:
 * each of its harts then calls vm_boot_clear(), and the last one starts
 * vCPU 0.
 * Returns 0, or negative after logging what failed.
 */
int vm_build(unsigned id, const struct vm_config *cfg, const unsigned *harts);
/*
 * Take every placed VM region (`place_phys`) out of the allocator before
 * anything is allocated, so no dynamic allocation lands on one. 0, or -1
 * with the VM and region named in an error message.
 */
int vm_claim_placed_regions(const struct config *cfg);
/* Clear the VM's RAM and copy its image in (an inplace one stays): the
 * restart of a VM, on one hart. */
void vm_load_image(struct vm *vm);
/*
 * Clear share `share` of `shares` of the VM's RAM: all of it but what
 * vm_build() copies in (clear_plan.h).
 */
void vm_clear_share(struct vm *vm, unsigned share, unsigned shares);
/*
 * At boot, on the hart of `vcpu` (or for it, when that hart did not
 * start): clear the vCPU's share of its VM's RAM; the last share done
 * starts vCPU 0.
 */
void vm_boot_clear(struct vcpu *vcpu);

#endif
