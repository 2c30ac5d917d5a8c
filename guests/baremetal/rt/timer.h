/* SPDX-License-Identifier: Apache-2.0 */
/* Per-hart timer interrupt test via the SBI TIME extension. */
#ifndef BAREMETAL_TIMER_H
#define BAREMETAL_TIMER_H

#define TIMER_TICKS 3

/* Takes TIMER_TICKS timer interrupts on the calling hart, then disarms. */
void timer_run(void);

#endif
