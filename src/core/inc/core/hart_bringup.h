/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Bringing up the other harts, before any vCPU is placed: the harts that
 * reach the hypervisor are the machine's (machine.hart_mask), so that a
 * hart the firmware cannot start, or starts and then loses, is left out
 * and named instead of silently leaving a VM without its vCPU.
 */
#ifndef HART_BRINGUP_H
#define HART_BRINGUP_H

/* How long a started hart has to report in, in seconds of the timebase. */
#define HART_ARRIVAL_TIMEOUT_S 1
/* The early waits look again this often (arch_nap) unless woken sooner. */
#define HART_NAPS_PER_S 1000

/* Start every hart of machine.hart_mask but the boot hart and wait for
 * each to arrive; machine.hart_mask keeps those that did. */
void harts_bring_up(unsigned boot_hart);
/* A started hart reports in (the first thing it does in the hypervisor). */
void hart_arrived(unsigned hart);
/* A nap of the early waits, in timebase ticks. */
uint64_t hart_nap_ticks(void);

#endif
