/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "cleanboot": every boot of a VM must find what its first boot found.
 * At each boot the boot hart says what it found:
 *
 *   cleanboot: a1 is the device tree|is not a device tree, senvcfg 0x<v>,
 *   scounteren 0x<v>, sum <0|1>, mxr <0|1>
 *
 * (a1 and sstatus as the hart entered, start.S; senvcfg and scounteren,
 * which the hypervisor does not bank per VS-mode, as they read). Then it
 * leaves its mark on all of them: senvcfg.FIOM, scounteren.HPM3,
 * sstatus.SUM and MXR. It starts its second hart and stops itself; the
 * second hart starts the boot hart again through HSM hart_start with an
 * opaque value that is not the device tree, and stops; the boot hart, so
 * restarted, asks for an SBI cold reboot. A hypervisor that restores the
 * first boot's state prints the same line at every boot.
 *
 * Scenario: tests/system/configs/clean-reboot.c, tests/system/
 * test_restart.py.
 */
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "dtb.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

/* Priv. spec: senvcfg (0x10a) and its FIOM bit; scounteren's HPM3, which
 * no firmware sets (OpenSBI hands a supervisor CY, TM and IR). */
#define CSR_SENVCFG 0x10a
#define SENVCFG_FIOM 1UL
#define SCOUNTEREN_HPM3 (1UL << 3)
#define SSTATUS_SUM (1UL << 18)
#define SSTATUS_MXR (1UL << 19)

static void report(void)
{
    unsigned long st = entry_sstatus[boot_hart], envcfg;

    __asm__ volatile("csrr %0, " CSR_NAME(CSR_SENVCFG) : "=r"(envcfg));
    console_printf("cleanboot: a1 %s, senvcfg 0x%lx, scounteren 0x%lx, sum "
                   "%lu, mxr %lu\n",
                   dtb_open(boot_dtb, NULL) ? "is the device tree"
                                            : "is not a device tree",
                   envcfg, csr_read(scounteren), (st & SSTATUS_SUM) ? 1UL : 0,
                   (st & SSTATUS_MXR) ? 1UL : 0);
}

static void leave_marks(void)
{
    __asm__ volatile("csrs " CSR_NAME(CSR_SENVCFG) ", %0" ::"r"(SENVCFG_FIOM));
    csr_set(scounteren, SCOUNTEREN_HPM3);
    csr_set(sstatus, SSTATUS_SUM | SSTATUS_MXR);
}

/* The boot hart, started again by the second hart: reboot. */
static void reboot_now(unsigned long hartid, unsigned long opaque)
{
    (void)hartid;
    (void)opaque;
    struct sbiret r =
        sbi_system_reset(SBI_SRST_TYPE_COLD_REBOOT, SBI_SRST_REASON_NONE);
    console_printf("cleanboot: reboot failed (%ld)\n", r.error);
    hart_park();
}

/* The second hart: once the boot hart stopped, start it with an opaque
 * value of its own (reboot_now's address, not the device tree's). */
static void restarter(unsigned long hartid, unsigned long opaque)
{
    long status;

    (void)hartid;
    (void)opaque;
    if (!smp_wait_stopped(boot_hart, &status)) {
        console_printf("cleanboot: hart %lu did not stop (%ld)\n", boot_hart,
                       status);
        hart_park();
    }
    mode_hart_fn fn = reboot_now;
    sbi_hart_start(boot_hart, (unsigned long)mode_hart_entry,
                   (unsigned long)fn);
    sbi_hart_stop();
}

void mode_main(void)
{
    report();
    leave_marks();
    nharts = smp_count_harts();
    if (smp_start_mode_hart(restarter) < 0) {
        console_printf("cleanboot: needs a second hart\n");
        hart_park();
    }
    sbi_hart_stop();
    console_printf("cleanboot: hart_stop failed\n");
    hart_park();
}
