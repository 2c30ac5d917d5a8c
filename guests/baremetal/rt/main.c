/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Common boot. The boot hart (entered at _start, which cleared .bss) picks
 * the console, says which hart and mode it is, and hands over to the mode
 * selected at build time (make MODE=<name>, see mode.h); the default SBI
 * test flow is a mode like the others (modes/default.c).
 */
#include "config.h"
#include "console.h"
#include "mode.h"
#include "smp.h"

/* Entry points called from start.S. */
void boot_main(unsigned long hartid, unsigned long dtb);
void report_bad_hart(unsigned long hartid);

unsigned long boot_dtb;

void boot_main(unsigned long hartid, unsigned long dtb)
{
    boot_hart = hartid;
    boot_dtb = dtb;
    console_init();
    console_printf("baremetal: boot hart %lu\n", hartid);
#ifdef BAREMETAL_MODE
    /* The default flow predates modes: it prints no mode line. */
    console_printf("baremetal: mode %s\n", BAREMETAL_MODE);
#endif
    mode_main();
}

/* Runs on a shared stack, serialised by start.S; must return. */
void report_bad_hart(unsigned long hartid)
{
    console_init(); /* may run before (or instead of) boot_main */
    console_printf("baremetal: hart %lu unsupported (hart ids 0..%d only)\n",
                   hartid, MAX_HARTS - 1);
}
