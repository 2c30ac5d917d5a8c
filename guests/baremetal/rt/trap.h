/* SPDX-License-Identifier: Apache-2.0 */
/* S-mode trap handling (vector in start.S). */
#ifndef BAREMETAL_TRAP_H
#define BAREMETAL_TRAP_H

#include <stdbool.h>

/* Registers saved by trap_vector, in the order it pushes them. */
struct trap_frame {
    unsigned long ra;
    unsigned long t[7]; /* t0..t6 */
    unsigned long a[8]; /* a0..a7 */
    /* The cycle CSR as read by the third instruction of the trap entry,
     * and the time CSR by the fifth. */
    unsigned long cycle;
    unsigned long time;
};

/*
 * Called from trap_vector with the caller-saved registers saved in *frame;
 * trap_vector restores them (including any changes) before sret.
 */
void trap_handler(struct trap_frame *frame);

/*
 * A trap handler. Returns true if it handled the trap; it may change sepc to
 * choose where sret resumes.
 */
typedef bool (*trap_fn)(unsigned long scause, struct trap_frame *frame);

/*
 * Optional handler for every trap, installed by a build-time mode (mode.h),
 * tried before those of trap_set_handler().
 */
void trap_set_hook(trap_fn hook);

/* Interrupt causes trap_set_handler() takes: the low 16 are standard. */
#define TRAP_IRQS 16

/*
 * Handler for interrupt cause irq (IRQ_S_*), for the runtime's own users
 * (timer.c, ipi.c) so that this file need not know them. A trap that neither
 * the hook nor a handler takes is an unexpected_trap().
 */
void trap_set_handler(unsigned long irq, trap_fn fn);

/* Reports the trap and parks the hart for good. */
void unexpected_trap(void) __attribute__((noreturn));

/* Parks the hart: interrupts off, wfi forever. */
void hart_park(void) __attribute__((noreturn));

/* SRST shutdown with interrupts off; if the SBI refuses, say so and park. */
void system_shutdown(void) __attribute__((noreturn));

/*
 * Sleeps in wfi until *counter >= target, taking interrupts enabled in sie
 * (whose handlers advance the counter). Returns with sstatus.SIE set.
 */
void irq_wait_until(const volatile unsigned int *counter, unsigned int target);

#endif
