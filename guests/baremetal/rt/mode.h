/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Build-time guest modes. `make MODE=<name>` links modes/<name>.c (plus the
 * runtime helpers the Makefile lists for it), producing baremetal-<name>.bin,
 * or baremetal.bin for "default" (the SBI test flow). Every other mode is
 * compiled with -DBAREMETAL_MODE='"<name>"': the boot hart prints its "boot
 * hart" line, then "mode <name>" unless default, and calls mode_main().
 * Modes use only the boot hart, unless they start other harts themselves
 * (smp_start_secondaries(), or mode_hart_entry).
 */
#ifndef BAREMETAL_MODE_H
#define BAREMETAL_MODE_H

/* The device tree the boot hart was given (a1 at entry), for modes. */
extern unsigned long boot_dtb;

/* sstatus as each hart found it on entry (start.S), indexed by hart id. */
extern unsigned long entry_sstatus[];
/* The cycle CSR as the boot hart's first instruction read it (start.S). */
extern unsigned long entry_cycle;

/* Provided by the selected modes/<name>.c; runs on the boot hart. */
void mode_main(void) __attribute__((noreturn));

/*
 * Entry point (start.S) for harts a mode starts with HSM hart_start: pass it
 * as start_addr and the C function the hart should run as opaque; the hart
 * calls fn(hartid, opaque) on its own stack, with stvec set and interrupts
 * off. If fn returns, the hart parks.
 */
extern char mode_hart_entry[];
typedef void (*mode_hart_fn)(unsigned long hartid, unsigned long opaque);

#endif
