/*
 * Build-time guest modes. `make MODE=<name>` (other than "default") compiles
 * with -DBAREMETAL_MODE='"<name>"' and links mode_<name>.c (plus the helpers
 * the Makefile lists for it), producing baremetal-<name>.bin. The boot hart
 * prints its "boot hart" and "mode <name>" lines and then calls mode_main()
 * instead of the default SBI test flow. Modes use only the boot hart, unless
 * they start other harts themselves (mode_hart_entry).
 */
#ifndef BAREMETAL_MODE_H
#define BAREMETAL_MODE_H

/* The device tree the boot hart was given (a1 at entry), for modes. */
extern unsigned long boot_dtb;

/* sstatus as each hart found it on entry (start.S), indexed by hart id. */
extern unsigned long entry_sstatus[];
/* The cycle CSR as the boot hart's first instruction read it (start.S). */
extern unsigned long entry_cycle;

/* Provided by the selected mode_<name>.c; runs on the boot hart. */
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
