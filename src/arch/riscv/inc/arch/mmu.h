/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hypervisor's own address space (Sv39, identity-mapped: its image, its
 * pool and its devices, nothing of the guests') and stage-2 activation.
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include <stdint.h>

struct vm;

/* Build the hypervisor's page table (boot hart, before paging is on). */
int mmu_hyp_build(void);
/* Map an MMIO range for the hypervisor (its UART, interrupt controller). */
int mmu_hyp_map_device(uint64_t base, uint64_t size);
/* Turn on translation on the calling hart. */
void mmu_hyp_enable(void);
/* The hgatp value of `vm`'s stage 2 (mode, VMID, root); the IOMMU's
 * iohgatp takes the same. */
uint64_t mmu_vm_hgatp(const struct vm *vm);
/* Make `vm` the guest of the calling hart (hgatp). */
void mmu_vm_activate(const struct vm *vm);

#endif
