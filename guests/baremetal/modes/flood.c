/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "flood": a VM that floods the hypervisor for as long as it runs:
 * rounds of 200 IPIs to itself, 200 timer requests, a console line full
 * of escape sequences and, when its device tree has an IPC window, a
 * message on it ("flood: ipc <n>") and 200 IPC notifications, and says
 * how many rounds it has done:
 *
 *   flood: round <n> \x1b[31mred\x1b[0m ...
 *
 * Scenario: configs/soak.c (make soak), beside a victim.
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "ipc_chan.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"

#define BURST 200

static struct ipc_chan chan;

/* The round's message and a storm of notifications on the IPC window. */
static void flood_ipc(unsigned long round)
{
    char msg[32] = "flood: ipc ";
    unsigned n = 11;
    char digits[24];
    unsigned d = 0;

    do {
        digits[d++] = (char)('0' + round % 10);
        round /= 10;
    } while (round);
    while (d)
        msg[n++] = digits[--d];
    msg[n++] = '\n';
    ipc_chan_send(&chan, msg, n);
    for (unsigned int i = 0; i < BURST; i++)
        ipc_notify(chan.id, 0);
}

void mode_main(void)
{
    bool ipc = ipc_chan_open(&chan, boot_dtb);

    if (ipc)
        ipc_chan_irq_setup(&chan, boot_hart);
    for (unsigned long round = 1;; round++) {
        if (ipc)
            flood_ipc(round);
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
