/* SPDX-License-Identifier: Apache-2.0 */
/* Periodic supervisor timer interrupts on one hart (SBI TIME), for modes. */
#ifndef BAREMETAL_PERIODIC_H
#define BAREMETAL_PERIODIC_H

#include <stdbool.h>
#include <stdint.h>

/* Arms the first deadline (interval ticks of the time CSR from now) and
 * enables the timer interrupt (sie.STIE, sstatus.SIE). */
void periodic_start(uint64_t interval);

/* For the mode's trap hook on a supervisor timer interrupt: counts the tick
 * and arms the next deadline. False if periodic_start() was not called. */
bool periodic_interrupt(void);

/* Sleeps in wfi until n ticks have been taken in total (n = 1, 2, ...). */
void periodic_wait(unsigned int n);

#endif
