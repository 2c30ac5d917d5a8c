/*
 * Test flow. The boot hart (entered at _start) identifies the SBI, summarises
 * the device tree it was given, runs the self-checks and starts the other
 * harts; then every hart takes timer ticks, all meet at a barrier, the boot
 * hart ping-pongs an IPI with each other hart (which then stop via HSM) and
 * finally shuts the system down via SRST.
 *
 * A build-time mode (make MODE=<name>, see mode.h) replaces all of this after
 * the first line with its own mode_<name>.c.
 */
#include "checks.h"
#include "config.h"
#include "console.h"
#include "dtb.h"
#include "ipi.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "timer.h"
#include "trap.h"

/* Entry points called from start.S. */
void boot_main(unsigned long hartid, unsigned long dtb);
void secondary_main(unsigned long hartid, unsigned long opaque);
void report_bad_hart(unsigned long hartid);

static volatile unsigned int ticks_done;
unsigned long boot_dtb;

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

void boot_main(unsigned long hartid, unsigned long dtb)
{
    boot_hart = hartid;
    boot_dtb = dtb;
    console_init();
    console_printf("baremetal: boot hart %lu\n", hartid);
#ifdef BAREMETAL_MODE
    console_printf("baremetal: mode %s\n", BAREMETAL_MODE);
    mode_main();
#endif
    print_sbi_info();
    console_printf("baremetal: console %s\n",
                   console_uses_dbcn() ? "dbcn" : "legacy");
    dtb_report(dtb);

    nharts = smp_count_harts();
    console_printf("baremetal: %u harts\n", nharts);
    checks_run();

    smp_start_secondaries();
    hart_run(hartid);

    unsigned int expected;
    unsigned int answered = ipi_run_boot(&expected);
    console_printf("baremetal: ipi %u/%u answered\n", answered, expected);

    wait_others_stopped();
    console_printf("baremetal: all %u harts done\n", smp_running_count());

    system_shutdown();
}

void secondary_main(unsigned long hartid, unsigned long opaque)
{
    if (opaque != SMP_OPAQUE(hartid))
        console_printf("baremetal: hart %lu bad opaque 0x%lx\n", hartid,
                       opaque);
    hart_run(hartid);

    /* Returns once the IPI handler has printed and replied. */
    ipi_run_secondary();

    struct sbiret r = sbi_hart_stop();
    console_printf("baremetal: hart %lu hart_stop failed (%ld)\n", hartid,
                   r.error);
    hart_park();
}

/* Runs on a shared stack, serialised by start.S; must return. */
void report_bad_hart(unsigned long hartid)
{
    console_init(); /* may run before (or instead of) boot_main */
    console_printf("baremetal: hart %lu unsupported (hart ids 0..%d only)\n",
                   hartid, MAX_HARTS - 1);
}
