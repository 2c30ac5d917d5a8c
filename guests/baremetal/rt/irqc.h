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

/*
 * IPIs through the harts' interrupt files (MSI mode: the tree's
 * riscv,imsics node), as Linux sends them: a store of the identity into
 * the peer's file (AIA 3.5, seteipnum_le), no SBI call. Hart h's file is
 * taken to be at index h (hart index = hart id).
 */
/* Whether the tree has interrupt files (after irqc_probe). */
bool irqc_has_files(void);
/* The files' base address (0: none), and hart `hart`'s file. */
unsigned long irqc_files_base(void);
unsigned long irqc_file_of(unsigned long hart);
/* Take identity `id` on this hart (its file's delivery on, id enabled). */
void irqc_file_enable(unsigned id);
/* Make identity `id` pending in hart `hart`'s file. */
void irqc_file_send(unsigned long hart, unsigned id);

#endif
