/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An interrupt-controller driver (irqc/plic/, irqc/aia/): the hart side of
 * irqc.h and the VM side of arch_hooks.h, as one table. Every build has
 * both; irqc.c calls the one the board has (platform.arch.irqc), which the
 * generic platform learns from the device tree at boot.
 */
#ifndef ARCH_IRQC_DRIVER_H
#define ARCH_IRQC_DRIVER_H

#include <stdbool.h>

struct vcpu;
struct vm;

struct irqc_driver {
    /* The hart's controller (arch/irqc.h). */
    int (*init)(void);
    int (*init_hart)(unsigned hart);
    void (*handle_external)(unsigned hart);
    bool (*send_ipi)(unsigned hart);
    void (*vcpu_reset)(struct vcpu *vcpu);
    /* The interrupt-controller hooks of core/arch_hooks.h (but the
     * device-tree check, irqc_fit.c). */
    void (*vcpu_sync_irq_line)(struct vcpu *vcpu);
    int (*vm_init)(struct vm *vm);
    void (*route)(struct vm *vm, unsigned id);
    void (*vm_reset_irqs)(struct vm *vm);
    void (*virq_add_virtual)(struct vm *vm, unsigned id);
    void (*virq_set_level)(struct vm *vm, unsigned id, bool level);
    void (*virq_trigger)(struct vm *vm, unsigned id);
    void (*enable_hyp)(unsigned id, bool edge);
};

extern const struct irqc_driver plic_driver;
extern const struct irqc_driver aia_driver;

#endif
