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

#endif
