/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "timerrace": a timer interrupt must never be lost when the hart
 * writes its interrupt-pending state just as the timer expires (what Linux
 * does when it clears an IPI and goes idle).
 *
 * The boot hart arms its timer INTERVAL ahead, then keeps clearing sip.SSIP
 * until a pseudo-random moment up to JITTER past the deadline, and sleeps in
 * wfi until the tick is taken. Another hart watches the tick count: a tick
 * that does not come within STALL is reported as lost, and an IPI wakes the
 * boot hart so the run goes on and counts every loss. It ends with
 * "timerrace: <TICKS> ticks, <lost> lost".
 *
 * Scenario: tests/system/configs/timer-race.c,
 * tests/system/test_timer_race.py (which also runs the image natively).
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

#define TICKS 4000
#define INTERVAL (TIMEBASE_HZ / 10000) /* 100 us */
#define JITTER (TIMEBASE_HZ / 5000)    /* 200 us */
#define STALL (TIMEBASE_HZ / 4)        /* 250 ms: a tick is 100 us */

static volatile unsigned int ticks;
static volatile unsigned int lost;
static volatile bool done;

static bool race_trap(unsigned long scause, struct trap_frame *frame)
{
    (void)frame;
    if (scause == (SCAUSE_INTERRUPT | IRQ_S_TIMER)) {
        sbi_set_timer(~0UL);
        ticks++;
        return true;
    }
    if (scause == (SCAUSE_INTERRUPT | IRQ_S_SOFT)) {
        csr_clear(sip, SIP_SSIP); /* the watchdog's wake-up */
        return true;
    }
    return false;
}

/* xorshift: a different landing point around the deadline every tick. */
static uint64_t next_jitter(void)
{
    static uint64_t x = 0x9e3779b97f4a7c15ULL;

    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x % JITTER;
}

static void watchdog_main(unsigned long hartid, unsigned long opaque)
{
    (void)hartid;
    (void)opaque;
    unsigned int seen = ticks;
    uint64_t since = rdtime();

    while (!done) {
        if (ticks != seen) {
            seen = ticks;
            since = rdtime();
        } else if (rdtime() - since > STALL) {
            lost++;
            console_printf("timerrace: tick %u lost (pending, not taken)\n",
                           seen + 1);
            sbi_send_ipi(1UL << boot_hart, 0);
            since = rdtime();
        }
    }
    sbi_hart_stop();
}

void mode_main(void)
{
    if (smp_start_mode_hart(watchdog_main) < 0) {
        console_printf("timerrace: needs a second hart\n");
        hart_park();
    }
    trap_set_hook(race_trap);
    csr_set(sie, SIE_STIE | SIE_SSIE);
    csr_set(sstatus, SSTATUS_SIE);
    for (unsigned int n = 1; n <= TICKS; n++) {
        uint64_t deadline = rdtime() + INTERVAL;
        uint64_t until = deadline + next_jitter();

        sbi_set_timer(deadline);
        while (ticks < n && rdtime() < until)
            csr_clear(sip, SIP_SSIP);
        irq_wait_until(&ticks, n);
    }
    done = true;
    console_printf("timerrace: %u ticks, %u lost\n", ticks, lost);
    system_shutdown();
}
