/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Each vCPU's virtual supervisor external interrupt (hvip.VSEIP), as the
 * VM's interrupt-controller model computes it. Shared by the controllers'
 * code (irqc/plic, irqc/aia), which compute the lines under the VM's
 * irq_lock, in the same hold as the change that moved them:
 *
 *     spin_lock(&vm->arch.irq_lock);
 *     ... change the model ...
 *     lines = vcpu_lines_record(vm, <bit i: vCPU i's line now>);
 *     spin_unlock(&vm->arch.irq_lock);
 *     vcpu_lines_notify(vm, lines);
 */
#ifndef ARCH_VCPU_LINES_H
#define ARCH_VCPU_LINES_H

#include <core/vm.h>
#include <stdbool.h>
#include <stdint.h>

struct vcpu_lines {
    uint32_t up;      /* bit i: vCPU i's line is up */
    uint32_t changed; /* bit i: it moved */
};

/* Record the lines the model gives now; irq_lock held. */
static inline struct vcpu_lines vcpu_lines_record(struct vm *vm, uint32_t up)
{
    struct vcpu_lines l = {up, vm->arch.lines_up ^ up};

    vm->arch.lines_up = up;
    return l;
}

/*
 * After irq_lock is released: tell only the vCPUs whose line moved (this
 * hart's directly, another's by an event), so a device whose interrupt
 * targets one vCPU costs the others nothing.
 */
void vcpu_lines_notify(struct vm *vm, struct vcpu_lines lines);
/* On the vCPU's own hart, irq_lock held: record its line as the model
 * gives it now and set hvip.VSEIP. */
void vcpu_line_set(struct vcpu *vcpu, bool up);

#endif
