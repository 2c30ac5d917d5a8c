/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Each vCPU's virtual supervisor external interrupt (hvip.VSEIP), as the
 * VM's interrupt-controller model computes it. Shared by the controllers'
 * code (irqc/plic, irqc/aia).
 */
#ifndef ARCH_VCPU_LINES_H
#define ARCH_VCPU_LINES_H

#include <stdbool.h>

struct vm;
struct vcpu;

/* Whether vCPU `i`'s line is up in the VM's model; irq_lock held. */
typedef bool (*vcpu_line_fn)(const struct vm *vm, unsigned i);

/*
 * After a change in the model: recompute every vCPU's line in one pass and
 * tell only those whose line changed (this hart's directly, another's by
 * an event), so a device whose interrupt targets one vCPU costs the others
 * nothing.
 */
void vcpu_lines_update(struct vm *vm, vcpu_line_fn line);
/* On the vCPU's own hart: set its hvip.VSEIP from the model. */
void vcpu_line_sync(struct vcpu *vcpu, vcpu_line_fn line);

#endif
