/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The physical supervisor-level APLIC domain, owned by the hypervisor. In
 * MSI delivery mode a source's interrupts go as MSIs to an interrupt file
 * of the hart its target names (AIA 4.9); in direct delivery mode (a
 * machine without IMSICs) to that hart's interrupt delivery control (IDC),
 * where the hart claims them (AIA 4.8).
 */
#ifndef ARCH_APLIC_H
#define ARCH_APLIC_H

#include <stdbool.h>

/* Every source inactive, then the domain on, in MSI delivery mode or
 * direct (boot hart). */
void aplic_init(bool msi);
/* Source `id` active in mode `sm` (APLIC_SM_*), delivered to hart index
 * `hart_index`: in MSI mode to its interrupt file `file` as identity
 * `eiid`, in direct mode to its IDC (`file` and `eiid` unused); disabled. */
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
/* Direct mode: hart index `hart_index`'s IDC delivers every priority. */
void aplic_idc_init(unsigned hart_index);
/* Direct mode: claim the IDC's highest-priority pending source, 0 if none
 * (AIA 4.8.1.5: a read of claimi). */
unsigned aplic_claim(unsigned hart_index);

#endif
