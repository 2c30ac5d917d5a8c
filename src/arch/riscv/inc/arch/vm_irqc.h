/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The geometry of the interrupt controller VMs are shown: a described
 * board's own, or the generic platform's fixed choice (arch_platform.vm),
 * the same at build time (generated device trees, the checker) and at boot
 * (the models, their windows). Sources stop at the ids the hypervisor
 * handles (MAX_IRQS), however many a board's controller has.
 */
#ifndef ARCH_VM_IRQC_H
#define ARCH_VM_IRQC_H

#include <arch/types.h>
#include <core/hyp_limits.h>

static inline uint64_t vm_plic_size(const struct arch_platform *a)
{
    return a->vm.plic_size ? a->vm.plic_size : a->plic.size;
}

/* Ids 1 .. vm_plic_sources() - 1, as plic.num_sources. */
static inline unsigned vm_plic_sources(const struct arch_platform *a)
{
    unsigned n = a->vm.plic_sources ? a->vm.plic_sources : a->plic.num_sources;

    return n < MAX_IRQS ? n : MAX_IRQS;
}

static inline uint64_t vm_aplic_size(const struct arch_platform *a)
{
    return a->vm.aplic_size ? a->vm.aplic_size : a->aia.aplic.size;
}

/* Sources 1 .. vm_aplic_sources(), as aplic.num_sources. */
static inline unsigned vm_aplic_sources(const struct arch_platform *a)
{
    unsigned n =
        a->vm.aplic_sources ? a->vm.aplic_sources : a->aia.aplic.num_sources;

    return n < MAX_IRQS - 1 ? n : MAX_IRQS - 1;
}

/* An MSI-mode VM's interrupt identities 1 .. vm_imsic_ids(). */
static inline unsigned vm_imsic_ids(const struct arch_platform *a)
{
    return a->vm.imsic_ids ? a->vm.imsic_ids : a->aia.imsic.num_ids;
}

#endif
