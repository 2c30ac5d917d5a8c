/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The external interrupt controller the device tree names: a PLIC
 * (riscv,plic0, supervisor context 2h+1 of hart h) or an APLIC domain in
 * direct delivery mode (riscv,aplic, the IDC of hart index h) or in MSI
 * mode (an msi-parent: the hart's interrupt file, identity = source), at the
 * address its node gives; QEMU virt's PLIC when the tree names neither.
 * Interrupts are taken on the calling hart at priority 1, threshold 0.
 */
#ifndef BAREMETAL_IRQC_H
#define BAREMETAL_IRQC_H

#include <stdbool.h>
#include <stdint.h>

/* Read the controller from the tree at `dtb` (boot hart, once). */
void irqc_probe(unsigned long dtb);
/* "plic", "aplic" or "aplic-msi", for the log. */
const char *irqc_name(void);
/* Deliver source `irq` to hart `hart` (this one), level- or edge-triggered. */
void irqc_enable(unsigned long hart, unsigned irq, bool level);
/* Deliver it no more. */
void irqc_disable(unsigned long hart, unsigned irq);
/* The source to handle now, claimed (0: none, a spurious interrupt). */
unsigned irqc_claim(unsigned long hart);
/* Done with it (a PLIC completion; in MSI mode a level source's resend
 * request; nothing for a direct APLIC). */
void irqc_complete(unsigned long hart, unsigned irq);

#endif
