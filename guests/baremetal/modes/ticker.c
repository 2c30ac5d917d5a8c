/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "ticker": prints "ticker: N" every 100 ms forever (N = 1, 2, ...),
 * sleeping in wfi between supervisor timer interrupts. Mode "heartbeat" is
 * the same every second (TICKER_MS).
 *
 * Scenarios: ticker in configs/fault-containment.c (VM 1,
 * tests/system/test_faults.py), tests/system/configs/reboot-loop.c
 * (tests/system/test_restart.py) and linux-coloured.c
 * (tests/system/test_linux_coloured.py); heartbeat in
 * configs/baremetal-linux.c (VM 0, tests/system/test_linux.py).
 */
#include "config.h"
#include "console.h"
#include "mode.h"
#include "periodic.h"
#include "riscv.h"
#include "trap.h"

#ifndef TICKER_MS
#define TICKER_MS 100
#endif
#define TICKER_INTERVAL (TIMEBASE_HZ / 1000 * TICKER_MS)

static bool ticker_trap(unsigned long scause, struct trap_frame *frame)
{
    (void)frame;
    return scause == (SCAUSE_INTERRUPT | IRQ_S_TIMER) && periodic_interrupt();
}

void mode_main(void)
{
    trap_set_hook(ticker_trap);
    periodic_start(TICKER_INTERVAL);
    for (unsigned int n = 1;; n++) {
        periodic_wait(n);
        console_printf("ticker: %u\n", n);
    }
}
