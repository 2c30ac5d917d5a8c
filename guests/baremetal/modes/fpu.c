/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "fpu" (built for rv64gc with the lp64d ABI, see the Makefile): the
 * FPU state a hart is handed and FP code around interrupts.
 *
 * Each hart reports sstatus.FS and VS as it found them on entry and, when
 * FS is not Off, whether f0-f31 and fcsr were all zero. It then does some
 * FP arithmetic, holds every FP register and fcsr across a timer interrupt
 * whose handler uses FP itself (so the trap vector must save and restore
 * them: rt/start.S) and does the arithmetic again. The boot hart does this,
 * then a hart it starts with HSM hart_start, which fills its FP registers
 * and suspends (HSM non-retentive, woken by the boot hart's IPI) to do it
 * all again as it resumes, fills them again and stops; the boot hart fills
 * its own and asks for an SRST cold reboot, so the next boot shows what a
 * restarted hart is handed. It reboots forever: the test stops it.
 *
 * A guest like this does not turn its FPU on itself: with FS = Off its
 * first FP instruction (in its trap vector, or in its arithmetic) traps,
 * and it never recovers.
 *
 * Scenario: tests/system/configs/fpu.c, tests/system/test_fpu.py (which
 * also runs the image natively).
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

#define TICK_DELAY (TIMEBASE_HZ / 1000) /* 1 ms */
#define WAIT_LIMIT (TIMEBASE_HZ * 2)    /* 2 s: the hart needs microseconds */
/* Raw FP register contents, distinct per use, to tell them apart. */
#define HOLD_PATTERN 0x4009000000000000UL
#define BOOT_FILL_PATTERN 0x400a000000000000UL
#define STARTED_FILL_PATTERN 0x400b000000000000UL
/* sum(1/k, k = 1..10) = 2.9289682..., scaled to an integer. */
#define HARMONIC_TERMS 10
#define HARMONIC_SCALE 1000000.0
#define NO_TIMER UINT64_MAX

int fpu_regs_are_zero(void);
void fpu_fill(unsigned long pattern);
void fpu_clobber(void);
unsigned long fpu_hold_across_irq(unsigned long pattern,
                                  const volatile unsigned int *counter,
                                  unsigned int target);

static volatile unsigned int ticks[MAX_HARTS];
static volatile bool started_done;
/* Computed by the timer handler: FP in interrupt context. */
static volatile long handler_result[MAX_HARTS];
/* Through a volatile, so the compiler cannot fold the arithmetic. */
static volatile double scale = HARMONIC_SCALE;

static long harmonic(void)
{
    double sum = 0.0;

    for (int k = 1; k <= HARMONIC_TERMS; k++)
        sum += 1.0 / (double)k;
    return (long)(sum * scale);
}

static const char *xs_name(unsigned long sstatus, unsigned shift)
{
    static const char *const names[] = {"off", "initial", "clean", "dirty"};

    return names[(sstatus >> shift) & SSTATUS_XS_FIELD];
}

static bool fpu_trap(unsigned long scause, struct trap_frame *frame)
{
    (void)frame;
    if (scause != (SCAUSE_INTERRUPT | IRQ_S_TIMER))
        return false;
    sbi_set_timer(NO_TIMER);
    handler_result[this_hart()] = harmonic();
    fpu_clobber();
    ticks[this_hart()]++;
    return true;
}

/* "fpu: <who> entry fs=.. vs=.." and, when FS is on, "fpu: <who> fregs ..". */
static bool report_entry(const char *who, unsigned long hartid)
{
    unsigned long s = entry_sstatus[hartid];
    bool fs_on = ((s >> SSTATUS_FS_SHIFT) & SSTATUS_XS_FIELD) != XS_OFF;

    console_printf("fpu: %s entry fs=%s vs=%s\n", who,
                   xs_name(s, SSTATUS_FS_SHIFT), xs_name(s, SSTATUS_VS_SHIFT));
    /* Nothing has used FP yet: the registers are as the hart came. */
    if (fs_on)
        console_printf("fpu: %s fregs %s\n", who,
                       fpu_regs_are_zero() ? "zero" : "not zero");
    return fs_on;
}

/* Arithmetic, every FP register held across a timer interrupt, again. */
static void fp_round(const char *who, unsigned long hartid)
{
    long before = harmonic();

    csr_set(sie, SIE_STIE);
    sbi_set_timer(rdtime() + TICK_DELAY);
    unsigned long lost =
        fpu_hold_across_irq(HOLD_PATTERN, &ticks[hartid], ticks[hartid] + 1);
    csr_clear(sie, SIE_STIE);
    long after = harmonic();

    console_printf("fpu: %s %s before %ld after %ld in-irq %ld, "
                   "%lu fp registers lost\n",
                   who,
                   before == after && after == handler_result[hartid] &&
                           lost == 0
                       ? "ok"
                       : "FAIL",
                   before, after, handler_result[hartid], lost);
}

static void resumed_main(unsigned long hartid, unsigned long opaque)
{
    (void)opaque;
    csr_clear(sip, SIP_SSIP); /* the wake-up IPI */
    report_entry("resumed hart", hartid);
    fp_round("resumed hart", hartid);
    fpu_fill(STARTED_FILL_PATTERN);
    started_done = true;
    sbi_hart_stop();
    hart_park();
}

static void started_main(unsigned long hartid, unsigned long opaque)
{
    (void)opaque;
    report_entry("started hart", hartid);
    fp_round("started hart", hartid);
    fpu_fill(STARTED_FILL_PATTERN);
    csr_set(sie, SIE_SSIE); /* an IPI wakes it */
    struct sbiret r = sbi_hart_suspend(SBI_HSM_SUSPEND_NON_RETENTIVE,
                                       (unsigned long)mode_hart_entry,
                                       (unsigned long)resumed_main);
    console_printf("fpu: non-retentive suspend returned %ld\n", r.error);
    started_done = true;
    hart_park();
}

/* False if it never suspends (or gave up on suspending). */
static bool wait_suspended(long hart)
{
    uint64_t until = rdtime() + WAIT_LIMIT;

    while (!started_done && rdtime() <= until)
        if (sbi_hart_get_status(hart).value == SBI_HSM_STATE_SUSPENDED)
            return true;
    return false;
}

static bool wait_started_done(void)
{
    uint64_t until = rdtime() + WAIT_LIMIT;

    while (!started_done)
        if (rdtime() > until)
            return false;
    return true;
}

/* Start a second hart, wake it from its suspend, wait until it is done. */
static void run_started_hart(void)
{
    long hart = smp_start_mode_hart(started_main);

    if (hart < 0) {
        console_printf("fpu: no second hart to start\n");
        return;
    }
    if (wait_suspended(hart))
        sbi_send_ipi(1UL << hart, 0);
    if (!wait_started_done())
        console_printf("fpu: started hart did not finish\n");
}

void mode_main(void)
{
    trap_set_hook(fpu_trap);
    if (!report_entry("boot hart", boot_hart))
        console_printf("fpu: FS is off: the FP code below will trap\n");
    fp_round("boot hart", boot_hart);

    run_started_hart();

    /* The next boot must not find this. */
    console_printf("fpu: rebooting\n");
    fpu_fill(BOOT_FILL_PATTERN);
    struct sbiret r =
        sbi_system_reset(SBI_SRST_TYPE_COLD_REBOOT, SBI_SRST_REASON_NONE);
    console_printf("fpu: reboot failed (%ld)\n", r.error);
    hart_park();
}
