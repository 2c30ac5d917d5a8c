/* SPDX-License-Identifier: Apache-2.0 */
#include "timer.h"

#include <stdint.h>

#include "config.h"
#include "console.h"
#include "riscv.h"
#include "sbi.h"
#include "trap.h"

#define TICK_INTERVAL (TIMEBASE_HZ / 100) /* 10 ms */

/* Per hart: ticks taken, and whether the hart is in its tick phase. */
static volatile unsigned int ticks[MAX_HARTS];
static volatile bool armed[MAX_HARTS];

static void arm(uint64_t when)
{
    struct sbiret r = sbi_set_timer(when);

    if (r.error != SBI_SUCCESS)
        console_printf("baremetal: hart %lu set_timer failed (%ld)\n",
                       this_hart(), r.error);
}

/* Supervisor timer interrupt; false if this hart did not expect one. */
static bool timer_interrupt(unsigned long scause, struct trap_frame *frame)
{
    unsigned long h = this_hart();

    (void)scause;
    (void)frame;

    if (!armed[h])
        return false;
    unsigned int k = ++ticks[h];
    console_printf("hart %lu tick %u\n", h, k);
    if (k < TIMER_TICKS) {
        arm(rdtime() + TICK_INTERVAL);
    } else {
        /* Push the deadline to "never" (spec 6.1) and stop listening. */
        arm(UINT64_MAX);
        csr_clear(sie, SIE_STIE);
        armed[h] = false;
    }
    return true;
}

void timer_run(void)
{
    unsigned long h = this_hart();

    trap_set_handler(IRQ_S_TIMER, timer_interrupt);
    armed[h] = true;
    /* Arm before enabling STIE: set_timer also clears a stale STIP. */
    arm(rdtime() + TICK_INTERVAL);
    csr_set(sie, SIE_STIE);
    irq_wait_until(&ticks[h], TIMER_TICKS);
}
