/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "flood": a VM that floods the hypervisor for as long as it runs:
 * rounds of 200 IPIs to itself, 200 timer requests and a console line
 * full of escape sequences, and says how many rounds it has done:
 *
 *   flood: round <n> \x1b[31mred\x1b[0m ...
 *
 * Scenario: configs/soak.c (make soak), beside a victim.
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"

#define BURST 200

void mode_main(void)
{
    for (unsigned long round = 1;; round++) {
        for (unsigned int i = 0; i < BURST; i++)
            sbi_send_ipi(1UL << boot_hart, 0);
        csr_clear(sip, SIP_SSIP);
        for (unsigned int i = 0; i < BURST; i++)
            sbi_set_timer(rdtime() + TIMEBASE_HZ);
        sbi_set_timer(UINT64_MAX);
        console_printf("flood: round %lu \x1b[31mred\x1b[0m \x1b[2K\x07 "
                       "abcdefghijklmnopqrstuvwxyz0123456789\n",
                       round);
    }
}
