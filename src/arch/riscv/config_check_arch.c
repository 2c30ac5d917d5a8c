/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The RISC-V part of the configuration check: guest-physical addresses are
 * what Sv39x4 translates, and a VM's interrupt controller is a virtual
 * PLIC (platform.arch.irqc.plic). AIA guests wait for AIA support.
 */
#include <core/config_check_arch.h>
#include <lib/util.h>

/* Guest-physical addresses Sv39x4 can translate (priv. spec 8.5.1). */
#define GPA_LIMIT (1UL << 41)

#define PLIC_FIELD "platform.arch.irqc.plic.base"

uint64_t arch_config_gpa_limit(void)
{
    return GPA_LIMIT;
}

void arch_config_target(const struct platform *p, struct config_target *t)
{
    t->irq_sources = p->arch.plic.num_sources;
    t->irqc_size = p->arch.plic.size;
}

bool arch_config_irqc_window(const struct vm_platform *p,
                             const struct config_target *t,
                             struct config_window *w)
{
    *w = (struct config_window){
        .base = p->arch.irqc.plic.base,
        .size = t->irqc_size,
        .field = PLIC_FIELD,
    };
    return w->base != 0;
}

/* The vPLIC window: page-aligned and clear of the VM's other windows. */
static int check_plic_window(const struct vm_platform *p, size_t vm,
                             uint64_t base, uint64_t size,
                             struct config_error *err)
{
    if (!IS_ALIGNED(base, PAGE_SIZE) || range_wraps(base, size) ||
        base + size > GPA_LIMIT)
        return config_fail(err,
                           "VM %zu: " PLIC_FIELD " 0x%lx is not a "
                           "page-aligned guest-physical address",
                           vm, base);
    if (config_touches_memory(p, base, size))
        return config_fail(err,
                           "VM %zu: " PLIC_FIELD " 0x%lx: the PLIC window "
                           "overlaps the VM's memory",
                           vm, base);
    for (size_t i = 0; i < p->dev_num; i++) {
        if (ranges_overlap(base, size, p->devs[i].va, p->devs[i].size))
            return config_fail(err,
                               "VM %zu: " PLIC_FIELD " 0x%lx: the PLIC window "
                               "overlaps platform.devs[%zu]",
                               vm, base, i);
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        if (ranges_overlap(base, size, p->ipcs[i].base, p->ipcs[i].size))
            return config_fail(err,
                               "VM %zu: " PLIC_FIELD " 0x%lx: the PLIC window "
                               "overlaps platform.ipcs[%zu]",
                               vm, base, i);
    }
    return 0;
}

int arch_config_check_vm(const struct vm_config *c, size_t vm,
                         const struct config_target *t,
                         struct config_error *err)
{
    const struct vm_platform *p = &c->platform;
    uint64_t base = p->arch.irqc.plic.base;

    /* Every platform so far has a PLIC; AIA guests come with AIA support. */
    if (p->arch.irqc.aia.aplic.base || p->arch.irqc.aia.imsic.base)
        return config_fail(err,
                           "VM %zu: platform.arch.irqc.aia is set, but this "
                           "platform's interrupt controller is a PLIC: use "
                           "platform.arch.irqc.plic",
                           vm);
    if (base == 0)
        return config_has_interrupts(p)
                   ? config_fail(err,
                                 "VM %zu: " PLIC_FIELD " is not set, but the "
                                 "VM has interrupts",
                                 vm)
                   : 0;
    return check_plic_window(p, vm, base, t->irqc_size, err);
}
