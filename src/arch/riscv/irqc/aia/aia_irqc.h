/* SPDX-License-Identifier: Apache-2.0 */
/* Between the AIA's host side (aia_irqc.c) and its VM side (vaplic_irqc.c). */
#ifndef ARCH_AIA_IRQC_H
#define ARCH_AIA_IRQC_H

struct vm;

/* A hart's supervisor interrupt file (its guest files are 1..GEILEN). */
#define AIA_SUPERVISOR_FILE 0

/* Guest interrupt files per hart (GEILEN, as the boot hart found it, 0
 * where the IMSICs have no room for them). */
extern unsigned aia_guest_files;
/* A source the VM owns sent its MSI here: on into its virtual APLIC. */
void vaplic_irqc_forward(struct vm *vm, unsigned id);

#endif
