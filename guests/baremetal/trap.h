/* S-mode trap handling (vector in start.S). */
#ifndef BAREMETAL_TRAP_H
#define BAREMETAL_TRAP_H

/* Called from trap_vector with caller-saved registers already saved. */
void trap_handler(void);

/* Reports the trap and parks the hart for good. */
void unexpected_trap(void) __attribute__((noreturn));

/* Parks the hart: interrupts off, wfi forever. */
void hart_park(void) __attribute__((noreturn));

/*
 * Sleeps in wfi until *counter >= target, taking interrupts enabled in sie
 * (whose handlers advance the counter). Returns with sstatus.SIE set.
 */
void irq_wait_until(volatile unsigned int *counter, unsigned int target);

#endif
