/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hart's interrupt controller, as the rest of arch sees it. One
 * implementation per controller under irqc/ (irqc/plic/ today), which also
 * implements the interrupt-controller hooks of arch_hooks.h.
 */
#ifndef ARCH_IRQC_H
#define ARCH_IRQC_H

#include <stdbool.h>

struct vcpu;

/* Boot hart, once, with the hypervisor's address space built: map the
 * controller and mask every source. 0 or -1. */
int irqc_init(void);
/* Each hart, as it starts: mask every source in its own context. -1
 * (reported) if it cannot serve the vCPU it was given. */
int irqc_init_hart(unsigned hart);
/* A supervisor external interrupt on this hart (`hart`, the caller's): claim
 * and dispatch. */
void irqc_handle_external(unsigned hart);
/*
 * Interrupt hart `hart` with the controller's own means, where that saves
 * the firmware's IPI (an MSI into its supervisor interrupt file): true if
 * sent. The target takes it as an external interrupt, which sets its
 * sip.SSIP: the rest of its handling is that of a software interrupt.
 */
bool irqc_send_ipi(unsigned hart);
/* On the vCPU's hart: what its VM's controller keeps of it per hart, as at
 * reset (an MSI-mode VM's guest interrupt file). */
void irqc_vcpu_reset(struct vcpu *vcpu);

#endif
