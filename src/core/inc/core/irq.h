/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupt ownership. Every physical interrupt belongs to the hypervisor
 * (its console's input, its IOMMU's faults), to one VM (a passed-through
 * device), or to no one. A VM's interrupt controller also has virtual sources,
 * driven by devices the hypervisor emulates (console UART, IPC notifications);
 * the device that drives one can ask to hear when the guest completes it.
 *
 * The architecture's interrupt-controller code (arch_hooks.h, "Interrupt
 * controller") does the delivery; this file decides where an interrupt goes.
 */
#ifndef IRQ_H
#define IRQ_H

#include <stdbool.h>

struct vm;

/* Called when the guest completes virtual source `id` of `vm`. */
typedef void (*virq_completed_fn)(struct vm *vm, unsigned id);
/* Runs on the hart that claimed a hypervisor interrupt. */
typedef void (*irq_handler_fn)(void);

/* What the controller code does with a physical interrupt it claimed. */
enum irq_action {
    IRQ_COMPLETE, /* the hypervisor handled it: complete it */
    IRQ_FORWARD,  /* pending in the owner VM's controller until it completes */
    IRQ_MASK,     /* no owner: mask it on this hart and complete it */
};

/*
 * VM build, after its interrupt controller exists: virtual source `id`
 * (emulated device); `completed` may be NULL. 0, or -1 when the VM has
 * MAX_VM_VIRQS already or `id` is out of range.
 */
int vm_virq_add(struct vm *vm, unsigned id, virq_completed_fn completed);
/* Whether `id` is one of the VM's virtual sources. */
bool vm_virq_is_virtual(const struct vm *vm, unsigned id);
/* The guest completed virtual source `id` (called by the controller). */
void vm_virq_completed(struct vm *vm, unsigned id);

/*
 * VM build, after its virtual sources: every interrupt its devices list
 * that is not virtual becomes the VM's and is routed to its controller.
 * 0, or -1 (logged) if one is out of range or owned already.
 */
int irq_vm_take_devices(struct vm *vm);
/*
 * VM restart: its controller has been reset (arch_vm_reset_irqs); give it
 * its virtual and physical sources again.
 */
void irq_vm_restore(struct vm *vm);
/*
 * Say how many of the VM's device interrupts came through the hypervisor
 * (claimed there and forwarded into the VM's interrupt controller), over
 * all its boots since the machine started: none
 * where the hardware delivers them to the guest itself.
 * Nothing for a VM without device interrupts.
 */
void irq_vm_report(struct vm *vm);

/* The hypervisor takes physical interrupt `id` on this hart (the boot
 * hart): `edge`, a device that pulses its line rather than holding it.
 * 0, or -1 (logged) when a VM has it or there is no room. */
int irq_take_for_hypervisor(unsigned id, irq_handler_fn handler, bool edge);

/*
 * Physical interrupt `id` was claimed on `hart`: run the hypervisor's
 * handler, or name the VM it goes to (*owner), or report it unowned.
 */
enum irq_action irq_claimed(unsigned hart, unsigned id, struct vm **owner);

#endif
