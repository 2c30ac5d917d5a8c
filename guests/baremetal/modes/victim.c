/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "victim": the VM beside an attacker. It fills 1 MiB of its memory
 * with a canary (each word its own address, scrambled) and, every 100 ms,
 * checks all of it and says so, with how late its timer interrupt came
 * (the time CSR at its trap entry against the deadline), this time and at
 * worst so far, in microseconds:
 *
 *   victim: tick <n>, canary intact, late <l> us, max <m> us
 *   victim: tick <n>, canary BROKEN at 0x<addr>, late ...
 *
 * A tick that does not come (the attacker stalled it) shows as a gap.
 * When its device tree has an IPC window (configs/soak.c), it also reads
 * the peer's messages ("flood: ipc <n>") at each tick and checks that none
 * is missing or out of order:
 *
 *   victim: ipc <m> messages in order, <k> notifications
 *   victim: ipc message OUT OF ORDER: <n> after <p>
 *
 * Built as mode "victimbench" (-DVICTIM_TICKS=n), it stops after tick n
 * with the worst lateness as a bench line for make bench:
 *
 *   bench: tick_late_max <m> us
 *   bench: done
 *
 * Scenarios: tests/system/configs/attack.c (tests/system/test_attack.py),
 * configs/soak.c (make soak).
 */
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "ipc_chan.h"
#include "mode.h"
#include "periodic.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

#define TICK (TIMEBASE_HZ / 10) /* 100 ms */
#define TICKS_PER_US (TIMEBASE_HZ / 1000000)
#define CANARY_WORDS (1024 * 1024 / 8)
#define SCRAMBLE 0x9e3779b97f4a7c15UL

static uint64_t canary[CANARY_WORDS];
static uint64_t start, ticks, late, max_late; /* time CSR ticks */
static struct ipc_chan chan;
static bool ipc;
static unsigned long ipc_last, ipc_messages, ipc_disorder;

static uint64_t expected(const uint64_t *w)
{
    return (uint64_t)(uintptr_t)w * SCRAMBLE;
}

/* The first word that is not what was written, or NULL. */
static const uint64_t *broken(void)
{
    for (unsigned long i = 0; i < CANARY_WORDS; i++) {
        if (canary[i] != expected(&canary[i]))
            return &canary[i];
    }
    return NULL;
}

static bool victim_trap(unsigned long scause, struct trap_frame *frame)
{
    if (scause != (SCAUSE_INTERRUPT | IRQ_S_TIMER))
        return ipc && ipc_chan_trap(scause, frame);
    ticks++;
    late = frame->time - (start + ticks * TICK);
    if (late > max_late)
        max_late = late;
    return periodic_interrupt();
}

/* A message of the peer: "flood: ipc <n>", n one more than the last. */
static void ipc_line(const char *line)
{
    static const char head[] = "flood: ipc ";
    unsigned long n = 0;
    unsigned i = 0;

    for (; head[i]; i++) {
        if (line[i] != head[i])
            return;
    }
    for (; line[i] >= '0' && line[i] <= '9'; i++)
        n = n * 10 + (unsigned long)(line[i] - '0');
    if (n != ipc_last + 1) {
        ipc_disorder++;
        console_printf("victim: ipc message OUT OF ORDER: %lu after %lu\n", n,
                       ipc_last);
    }
    ipc_last = n;
    ipc_messages++;
}

static void ipc_tick(void)
{
    uint32_t fnv = 0;

    ipc_chan_receive(&chan, ipc_line, &fnv);
    console_printf("victim: ipc %lu messages in order, %u notifications\n",
                   ipc_messages - ipc_disorder, ipc_chan_notifications());
}

void mode_main(void)
{
    for (unsigned long i = 0; i < CANARY_WORDS; i++)
        canary[i] = expected(&canary[i]);
    ipc = ipc_chan_open(&chan, boot_dtb);
    if (ipc)
        ipc_chan_irq_setup(&chan, boot_hart);
    trap_set_hook(victim_trap);
    start = rdtime();
    periodic_start(TICK);
    for (unsigned int n = 1;; n++) {
        const uint64_t *bad;

        periodic_wait(n);
        bad = broken();
        if (bad)
            console_printf("victim: tick %u, canary BROKEN at 0x%lx, ", n,
                           (unsigned long)(uintptr_t)bad);
        else
            console_printf("victim: tick %u, canary intact, ", n);
        console_printf("late %lu us, max %lu us\n",
                       (unsigned long)(late / TICKS_PER_US),
                       (unsigned long)(max_late / TICKS_PER_US));
        if (ipc)
            ipc_tick();
#ifdef VICTIM_TICKS
        if (n == VICTIM_TICKS) {
            console_printf("bench: tick_late_max %lu us\n",
                           (unsigned long)(max_late / TICKS_PER_US));
            console_printf("bench: done\n");
            sbi_system_reset(SBI_SRST_TYPE_SHUTDOWN, SBI_SRST_REASON_NONE);
        }
#endif
    }
}
