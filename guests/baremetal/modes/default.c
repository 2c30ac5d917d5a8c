/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "default" (plain `make`, baremetal.bin): the SBI test flow. The boot
 * hart identifies the SBI, summarises the device tree it was given, runs the
 * self-checks and starts the other harts; then every hart takes timer ticks,
 * all meet at a barrier, the boot hart ping-pongs an IPI with each other hart
 * (which then stop via HSM) and finally shuts the system down via SRST.
 *
 * Scenarios: configs/baremetal.c, baremetal-4cpu.c and two-baremetal.c
 * (tests/system/test_boot.py, test_native.py, which also runs the image
 * natively, test_dtb.py, test_machine_fit.py; test_fpu.py boots
 * baremetal.c on an FPU-less CPU) and most of tests/system/configs/:
 * affinity.c (test_boot.py, test_machine_fit.py), dtb-full.c and
 * dtb-guest.c (test_dtb.py), coloured-vms.c (VM 0, test_coloured_vms.py),
 * inplace.c, loaded.c and bao-v2-style/ (test_config_runtime.py),
 * placed-high.c and fault-at-boot.c (test_machine_fit.py), and the
 * malformed ones in bad/ (test_config_errors.py).
 */
#include "checks.h"
#include "config.h"
#include "console.h"
#include "dtb.h"
#include "ipi.h"
#include "mode.h"
#include "sbi.h"
#include "smp.h"
#include "timer.h"
#include "trap.h"

static volatile unsigned int ticks_done;

static void print_sbi_info(void)
{
    long spec = sbi_get_spec_version().value;
    long impl = sbi_get_impl_id().value;
    long version = sbi_get_impl_version().value;

    console_printf("baremetal: sbi spec %lu.%lu impl %ld version 0x%lx\n",
                   SBI_SPEC_MAJOR(spec), SBI_SPEC_MINOR(spec), impl,
                   (unsigned long)version);
}

/* Part of the flow every hart runs. */
static void hart_run(unsigned long hartid)
{
    console_printf("hart %lu online\n", hartid);
    timer_run();
    smp_barrier(&ticks_done);
}

/* Let the other harts finish hart_stop so shutdown does not race them. */
static void wait_others_stopped(void)
{
    unsigned long others = smp_running_mask() & ~(1UL << boot_hart);

    for (unsigned long h = 0; h < MAX_HARTS; h++) {
        long status;
        if ((others & (1UL << h)) && !smp_wait_stopped(h, &status))
            console_printf("baremetal: hart %lu did not stop (status %ld)\n", h,
                           status);
    }
}

/* The other harts, started by smp_start_secondaries(). */
static void secondary_run(unsigned long hartid)
{
    hart_run(hartid);

    /* Returns once the IPI handler has printed and replied. */
    ipi_run_secondary();

    struct sbiret r = sbi_hart_stop();
    console_printf("baremetal: hart %lu hart_stop failed (%ld)\n", hartid,
                   r.error);
    hart_park();
}

void mode_main(void)
{
    print_sbi_info();
    console_printf("baremetal: console %s\n",
                   console_uses_dbcn() ? "dbcn" : "legacy");
    dtb_report(boot_dtb);

    nharts = smp_count_harts();
    console_printf("baremetal: %u harts\n", nharts);
    checks_run();

    smp_start_secondaries(secondary_run);
    hart_run(boot_hart);

    unsigned int expected;
    unsigned int answered = ipi_run_boot(&expected);
    console_printf("baremetal: ipi %u/%u answered\n", answered, expected);

    wait_others_stopped();
    console_printf("baremetal: all %u harts done\n", smp_running_count());

    system_shutdown();
}
