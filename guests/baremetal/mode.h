/*
 * Build-time guest modes. `make MODE=<name>` (other than "default") compiles
 * with -DBAREMETAL_MODE='"<name>"' and links mode_<name>.c (plus the helpers
 * the Makefile lists for it), producing baremetal-<name>.bin. The boot hart
 * prints its "boot hart" and "mode <name>" lines and then calls mode_main()
 * instead of the default SBI test flow. Modes use only the boot hart.
 */
#ifndef BAREMETAL_MODE_H
#define BAREMETAL_MODE_H

/* Provided by the selected mode_<name>.c; runs on the boot hart. */
void mode_main(void) __attribute__((noreturn));

#endif
