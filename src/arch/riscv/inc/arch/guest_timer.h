/* SPDX-License-Identifier: Apache-2.0 */
/* The guest's supervisor timer: vstimecmp with Sstc, hvip.VSTIP without. */
#ifndef ARCH_GUEST_TIMER_H
#define ARCH_GUEST_TIMER_H

#include <stdbool.h>
#include <stdint.h>

struct vcpu;

/* On the boot hart, before the others run: Sstc or an emulated timer, for
 * the whole machine. */
void guest_timer_choose(void);
/* Set this hart up for the machine's choice; -1 (reported) if this hart
 * cannot follow it. */
int guest_timer_init_hart(unsigned hart);
void guest_timer_set(struct vcpu *vcpu, uint64_t deadline);
void guest_timer_cancel(void);
/* The hypervisor's own timer fired (only without Sstc). */
void guest_timer_handle_hs_interrupt(void);

#endif
