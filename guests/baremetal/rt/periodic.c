/* SPDX-License-Identifier: Apache-2.0 */
#include "periodic.h"

#include "console.h"
#include "riscv.h"
#include "sbi.h"
#include "trap.h"

static uint64_t interval;
static uint64_t deadline;
static volatile unsigned int ticks;
static volatile bool running;

/* False (after reporting) if the SBI refused the deadline. */
static bool arm(uint64_t when)
{
    struct sbiret r = sbi_set_timer(when);

    if (r.error != SBI_SUCCESS) {
        console_printf("baremetal: hart %lu set_timer failed (%ld)\n",
                       this_hart(), r.error);
        return false;
    }
    return true;
}

void periodic_start(uint64_t every)
{
    interval = every;
    deadline = rdtime() + every;
    running = true;
    /* Arm before enabling STIE: set_timer also clears a stale STIP. */
    if (!arm(deadline)) {
        running = false;
        return;
    }
    csr_set(sie, SIE_STIE);
    csr_set(sstatus, SSTATUS_SIE);
}

bool periodic_interrupt(void)
{
    if (!running)
        return false;
    ticks++;
    /* Keep a fixed period, but do not burst to catch up after a stall. */
    deadline += interval;
    uint64_t now = rdtime();
    if (deadline <= now)
        deadline = now + interval;
    if (!arm(deadline)) {
        /* STIP would stay pending and fire again at once: stop listening. */
        csr_clear(sie, SIE_STIE);
        running = false;
    }
    return true;
}

void periodic_wait(unsigned int n)
{
    irq_wait_until(&ticks, n);
}
