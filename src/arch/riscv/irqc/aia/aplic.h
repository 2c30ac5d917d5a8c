/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The physical supervisor-level APLIC domain, owned by the hypervisor and
 * run in MSI delivery mode: a source's interrupts go as MSIs to an
 * interrupt file of the hart its target names (AIA 4.9).
 */
#ifndef ARCH_APLIC_H
#define ARCH_APLIC_H

#include <stdbool.h>

/* Every source inactive, then the domain on in MSI mode (boot hart). */
void aplic_init(void);
/* Source `id` active in mode `sm` (APLIC_SM_*), delivered to hart index
 * `hart_index`'s interrupt file `file` as identity `eiid`; disabled. */
void aplic_configure(unsigned id, unsigned sm, unsigned hart_index,
                     unsigned file, unsigned eiid);
/* Deliver active source `id` elsewhere (its mode and enable unchanged). */
void aplic_target(unsigned id, unsigned hart_index, unsigned file,
                  unsigned eiid);
void aplic_enable(unsigned id, bool on);
/* Whether source `id`'s rectified input is asserted (in_clrip). */
bool aplic_asserted(unsigned id);
/* Make a still-asserted level source pending again, so its MSI comes
 * again (AIA 4.9.2: once sent, a level source waits for a new edge). */
void aplic_resend(unsigned id);

#endif
