/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The calling hart's supervisor-level IMSIC interrupt file, the hypervisor's
 * own: reached through siselect/sireg and claimed through stopei (AIA 2.3,
 * 3.8, 3.9). Interrupts must be off (the window is per-hart state).
 */
#ifndef ARCH_IMSIC_H
#define ARCH_IMSIC_H

#include <stdbool.h>

/* Nothing enabled or pending, threshold open, delivery on: as the hart
 * starts. num_ids: the identities the file implements (1..num_ids). */
void imsic_init_hart(unsigned num_ids);
/* Let identity `id` interrupt this hart, or not. */
void imsic_enable(unsigned id, bool on);
/* Claim the highest-priority pending and enabled identity: 0 if none. */
unsigned imsic_claim(void);
/* The guest file hstatus.VGEIN selects, as at reset: delivery off, nothing
 * enabled or pending (registers up to num_ids only: QEMU faults on the
 * others). */
void imsic_guest_file_clear(unsigned num_ids);
/* How many guest files this hart has (GEILEN). */
unsigned imsic_guest_files(void);
/* Make identity `id` pending in the interrupt file mapped at `file`, any
 * hart's: its seteipnum_le register (AIA 3.5), a 32-bit store. */
void imsic_send(volatile void *file, unsigned id);

#endif
