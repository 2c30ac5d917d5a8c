/* SPDX-License-Identifier: Apache-2.0 */
/* Hart discovery and start-up through SBI HSM, plus cross-hart sync. */
#ifndef BAREMETAL_SMP_H
#define BAREMETAL_SMP_H

#include <stdbool.h>

/* Hart that entered at _start; set once before any other hart runs. */
extern unsigned long boot_hart;

/* Number of harts found by smp_count_harts(). */
extern unsigned int nharts;

/* Value passed as HSM 'opaque' so a started hart can check its a1. */
#define SMP_OPAQUE(hartid) (0xba0bab00UL + (hartid))

unsigned int smp_count_harts(void);

/*
 * Starts every stopped hart other than the boot hart at secondary_entry
 * (start.S) with opaque SMP_OPAQUE(hart id), which each checks before it
 * calls fn(hartid) (if fn returns, the hart parks). Returns the count.
 */
unsigned int smp_start_secondaries(void (*fn)(unsigned long hartid));

/* Bitmask of the harts running the test (boot hart included). */
unsigned long smp_running_mask(void);
unsigned int smp_running_count(void);

/* One-shot barrier over the running harts; arrived must start at 0. */
void smp_barrier(volatile unsigned int *arrived);

/*
 * For modes: starts the first hart other than the boot hart that HSM
 * hart_start accepts, running fn(hartid, opaque) via mode_hart_entry
 * (mode.h). Returns its hart id, or -1 if none could be started.
 */
long smp_start_mode_hart(void (*fn)(unsigned long hartid,
                                    unsigned long opaque));

/* Polls HSM until hartid reports STOPPED; false on timeout. */
bool smp_wait_stopped(unsigned long hartid, long *last_status);

#endif
