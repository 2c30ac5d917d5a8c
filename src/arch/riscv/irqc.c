/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The interrupt controller the board has: arch/irqc.h and the interrupt
 * hooks of core/arch_hooks.h, passed to its driver (arch/irqc_driver.h).
 * platform.arch.irqc says which: fixed by a board's description, found in
 * the device tree by the generic platform before anything here is called.
 */
#include <arch/irqc.h>
#include <arch/irqc_driver.h>
#include <core/arch_hooks.h>
#include <core/platform.h>

static const struct irqc_driver *driver(void)
{
    return platform.arch.irqc == ARCH_IRQC_AIA ? &aia_driver : &plic_driver;
}

int irqc_init(void)
{
    return driver()->init();
}

int irqc_init_hart(unsigned hart)
{
    return driver()->init_hart(hart);
}

void irqc_handle_external(unsigned hart)
{
    driver()->handle_external(hart);
}

bool irqc_send_ipi(unsigned hart)
{
    return driver()->send_ipi(hart);
}

void irqc_vcpu_reset(struct vcpu *vcpu)
{
    driver()->vcpu_reset(vcpu);
}

void arch_vcpu_sync_irq_line(struct vcpu *vcpu)
{
    driver()->vcpu_sync_irq_line(vcpu);
}

int arch_vm_irqc_init(struct vm *vm)
{
    return driver()->vm_init(vm);
}

void arch_irqc_route(struct vm *vm, unsigned id)
{
    driver()->route(vm, id);
}

void arch_vm_reset_irqs(struct vm *vm)
{
    driver()->vm_reset_irqs(vm);
}

void arch_virq_add_virtual(struct vm *vm, unsigned id)
{
    driver()->virq_add_virtual(vm, id);
}

void arch_virq_set_level(struct vm *vm, unsigned id, bool level)
{
    driver()->virq_set_level(vm, id, level);
}

void arch_virq_trigger(struct vm *vm, unsigned id)
{
    driver()->virq_trigger(vm, id);
}

void arch_irq_enable_hyp(unsigned id, bool edge)
{
    driver()->enable_hyp(id, edge);
}
