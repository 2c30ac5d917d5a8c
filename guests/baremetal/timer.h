/* Per-hart timer interrupt test via the SBI TIME extension. */
#ifndef BAREMETAL_TIMER_H
#define BAREMETAL_TIMER_H

#include <stdbool.h>

#define TIMER_TICKS 3

/* Takes TIMER_TICKS timer interrupts on the calling hart, then disarms. */
void timer_run(void);

/* Supervisor timer interrupt; false if this hart did not expect one. */
bool timer_interrupt(void);

#endif
