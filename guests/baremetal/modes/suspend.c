/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "suspend": HSM hart_suspend (SBI spec 9.4) on a second hart, woken
 * each time by an IPI from the boot hart, which waits until the hart reads
 * as SUSPENDED before sending it. The hart keeps sstatus.SIE clear while it
 * suspends, so the IPI only wakes it; it must still be pending afterwards,
 * and the hart takes it by setting SIE.
 *
 * 1. Default retentive suspend: the call returns 0.
 * 2. Where the tree has IMSIC interrupt files (an MSI-mode VM, or natively
 *    an AIA machine): retentive suspend again, woken this time by a store
 *    into the hart's interrupt file (rt/irqc.h), as Linux sends IPIs
 *    there; in a VM it comes to the vCPU's guest file while the vCPU waits
 *    in the hypervisor. SIE stays clear, SEIE set: it must still be
 *    pending afterwards.
 * 3. Default non-retentive suspend: the hart resumes at mode_hart_entry
 *    with a0 = its hart id and a1 = the opaque value.
 *
 * Lines: "suspend: retentive returned <err>, wake ipi taken|lost", (2:)
 * "suspend: retentive woken by its interrupt file, returned <err>, msi
 * taken|lost", then "suspend: non-retentive resumed on hart <h>, opaque
 * ok|bad, wake ipi taken|lost", then "suspend: done".
 *
 * Scenario: tests/system/configs/suspend.c,
 * tests/system/test_hsm_suspend.py (which also runs the image natively).
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "irqc.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

#define WAIT_LIMIT (TIMEBASE_HZ * 2) /* 2 s: any step takes microseconds */
#define WAKE_ID 1 /* the identity step 2 stores into the interrupt file */

static volatile unsigned int ipis_taken, msis_taken;
static volatile unsigned int wakes_wanted;
static volatile bool done;
static long suspender_hart;

static bool suspend_trap(unsigned long scause, struct trap_frame *frame)
{
    (void)frame;
    if (scause == (SCAUSE_INTERRUPT | IRQ_S_EXT)) {
        unsigned id;

        while ((id = irqc_claim(this_hart())) != 0)
            msis_taken += id == WAKE_ID;
        return true;
    }
    if (scause != (SCAUSE_INTERRUPT | IRQ_S_SOFT))
        return false;
    csr_clear(sip, SIP_SSIP);
    ipis_taken++;
    return true;
}

/*
 * How long a wake interrupt may take to be taken once interrupts are on:
 * it is pending already, but on a loaded host QEMU's harts deliver it
 * when their threads run (a count of loop turns depended on host speed).
 */
#define TAKE_WAIT (TIMEBASE_HZ / 2)

static void wait_taken(volatile unsigned int *count, unsigned int expected)
{
    uint64_t until = rdtime() + TAKE_WAIT;

    while (*count < expected && rdtime() < until)
        cpu_relax();
}

/* Step 2: woken through the interrupt file, the interrupt taken after. */
static void suspend_woken_by_file(void)
{
    struct sbiret r;

    irqc_file_enable(WAKE_ID);
    csr_set(sie, SIE_SEIE); /* wake on it, but do not take it yet */
    wakes_wanted++;
    r = sbi_hart_suspend(SBI_HSM_SUSPEND_RETENTIVE, 0, 0);
    csr_set(sstatus, SSTATUS_SIE);
    wait_taken(&msis_taken, 1);
    csr_clear(sstatus, SSTATUS_SIE);
    console_printf("suspend: retentive woken by its interrupt file, returned "
                   "%ld, msi %s\n",
                   r.error, msis_taken == 1 ? "taken" : "lost");
}

/* Take whatever software interrupt is pending; report whether one was. */
static const char *take_wake_ipi(unsigned int expected)
{
    csr_set(sie, SIE_SSIE);
    csr_set(sstatus, SSTATUS_SIE);
    wait_taken(&ipis_taken, expected);
    csr_clear(sstatus, SSTATUS_SIE);
    return ipis_taken == expected ? "taken" : "lost";
}

static void resumed_main(unsigned long hartid, unsigned long opaque)
{
    const char *ipi = take_wake_ipi(2);

    console_printf(
        "suspend: non-retentive resumed on hart %lu, opaque %s, "
        "wake ipi %s\n",
        hartid, opaque == (unsigned long)(uintptr_t)resumed_main ? "ok" : "bad",
        ipi);
    done = true;
    sbi_hart_stop();
}

static void suspender_main(unsigned long hartid, unsigned long opaque)
{
    (void)hartid;
    (void)opaque;
    csr_set(sie, SIE_SSIE); /* wake on an IPI, but do not take it yet */
    wakes_wanted++;
    struct sbiret r = sbi_hart_suspend(SBI_HSM_SUSPEND_RETENTIVE, 0, 0);
    console_printf("suspend: retentive returned %ld, wake ipi %s\n", r.error,
                   take_wake_ipi(1));
    if (irqc_has_files())
        suspend_woken_by_file();

    mode_hart_fn resume = resumed_main;
    csr_set(sie, SIE_SSIE);
    wakes_wanted++;
    r = sbi_hart_suspend(SBI_HSM_SUSPEND_NON_RETENTIVE,
                         (unsigned long)mode_hart_entry, (unsigned long)resume);
    console_printf("suspend: non-retentive returned %ld\n", r.error);
    done = true;
    hart_park();
}

static bool wait_for(bool (*cond)(void))
{
    uint64_t until = rdtime() + WAIT_LIMIT;

    while (!cond())
        if (rdtime() > until)
            return false;
    return true;
}

static unsigned int wakes_sent;

static bool suspender_asleep(void)
{
    return wakes_wanted > wakes_sent &&
           sbi_hart_get_status(suspender_hart).value == SBI_HSM_STATE_SUSPENDED;
}

static bool suspender_done(void)
{
    return done;
}

/* The wake for step 2 is a store into the hart's file, the others IPIs. */
static void wake(unsigned int n)
{
    if (irqc_has_files() && n == 1)
        irqc_file_send((unsigned long)suspender_hart, WAKE_ID);
    else
        sbi_send_ipi(1UL << suspender_hart, 0);
}

void mode_main(void)
{
    unsigned int wakes = 2;

    irqc_probe(boot_dtb);
    if (irqc_has_files())
        wakes = 3;
    suspender_hart = smp_start_mode_hart(suspender_main);
    if (suspender_hart < 0) {
        console_printf("suspend: needs a second hart\n");
        hart_park();
    }
    trap_set_hook(suspend_trap);
    while (wakes_sent < wakes && !done) {
        if (!wait_for(suspender_asleep)) {
            console_printf("suspend: hart %ld never suspended\n",
                           suspender_hart);
            break;
        }
        wake(wakes_sent);
        wakes_sent++;
    }
    if (!wait_for(suspender_done))
        console_printf("suspend: hart %ld did not resume\n", suspender_hart);
    console_printf("suspend: done\n");
    system_shutdown();
}
