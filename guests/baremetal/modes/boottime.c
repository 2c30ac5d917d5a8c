/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "boottime" (make bench): prints the cycle count its boot hart read
 * as its very first instruction, "bench: first_entry <n> ns" (under QEMU's
 * -icount shift=0 a cycle is an instruction and a nanosecond since machine
 * reset), then "bench: done" and shuts its system (or VM) down.
 *
 * Scenario: configs/bench-boot.c, run by `make bench` (scripts/bench.py,
 * which also runs the image natively); no system test.
 */
#include "console.h"
#include "mode.h"
#include "trap.h"

void mode_main(void)
{
    console_printf("bench: first_entry %lu ns\n", entry_cycle);
    console_printf("bench: done\n");
    system_shutdown();
}
