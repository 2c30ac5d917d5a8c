/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Rate limit for the reports of a VM's bad accesses: a guest stuck in a
 * fault loop must not flood the shared console or slow the other VMs down.
 * At most FAULT_LOG_BURST reports per window (one second of the timebase);
 * the count of those left out is given when the next window opens.
 */
#ifndef FAULT_LOG_H
#define FAULT_LOG_H

#include <stdbool.h>
#include <stdint.h>

#define FAULT_LOG_BURST 16

struct fault_log {
    uint64_t window_start; /* timebase ticks */
    unsigned reported;     /* in the current window */
    unsigned suppressed;   /* in the current window */
};

/*
 * One more fault at `now` (timebase ticks), `window` ticks per window.
 * Returns whether to report it; *dropped is set to how many the window
 * that just closed left out (0 when the window goes on).
 */
bool fault_log_admit(struct fault_log *log, uint64_t now, uint64_t window,
                     unsigned *dropped);

#endif
