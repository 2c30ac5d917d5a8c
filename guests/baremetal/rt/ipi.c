/* SPDX-License-Identifier: Apache-2.0 */
#include "ipi.h"

#include <stdint.h>

#include "config.h"
#include "console.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

/* How long the boot hart waits for each reply before giving up. */
#define REPLY_TIMEOUT (2 * TIMEBASE_HZ) /* 2 s */

static volatile bool boot_listening;  /* boot hart expects replies */
static volatile unsigned int replies; /* written by the boot hart only */
static volatile unsigned int pinged[MAX_HARTS]; /* per other hart: 0 or 1 */

static bool send_ipi_to(unsigned long hartid)
{
    /* hart_mask_base 0: bit i of hart_mask selects hart id i. */
    struct sbiret r = sbi_send_ipi(1UL << hartid, 0);

    if (r.error != SBI_SUCCESS) {
        console_printf("baremetal: hart %lu send_ipi to hart %lu failed "
                       "(%ld)\n",
                       this_hart(), hartid, r.error);
        return false;
    }
    return true;
}

/* Supervisor software interrupt; false if this hart did not expect one. */
static bool ipi_interrupt(unsigned long scause, struct trap_frame *frame)
{
    unsigned long h = this_hart();

    (void)scause;
    (void)frame;

    /* SSIP is the only trace of an SBI IPI; S-mode must clear it itself. */
    csr_clear(sip, SIP_SSIP);
    if (h == boot_hart) {
        if (!boot_listening)
            return false;
        replies++;
        return true;
    }
    if (pinged[h])
        return false;
    /* Print before replying so the line precedes the boot hart's summary. */
    console_printf("hart %lu ipi\n", h);
    pinged[h] = 1;
    send_ipi_to(boot_hart);
    return true;
}

unsigned int ipi_run_boot(unsigned int *expected)
{
    unsigned long others = smp_running_mask() & ~(1UL << boot_hart);

    *expected = 0;
    trap_set_handler(IRQ_S_SOFT, ipi_interrupt);
    boot_listening = true;
    csr_set(sie, SIE_SSIE);
    csr_set(sstatus, SSTATUS_SIE);

    for (unsigned long h = 0; h < MAX_HARTS; h++) {
        if (!(others & (1UL << h)))
            continue;
        ++*expected;
        /* One at a time: concurrent replies could merge into a single SSIP. */
        unsigned int want = replies + 1;
        if (!send_ipi_to(h))
            continue;
        uint64_t deadline = rdtime() + REPLY_TIMEOUT;
        while (replies < want && rdtime() < deadline)
            cpu_relax();
        if (replies < want)
            console_printf("baremetal: no ipi reply from hart %lu\n", h);
    }

    csr_clear(sstatus, SSTATUS_SIE);
    csr_clear(sie, SIE_SSIE);
    boot_listening = false;
    return replies;
}

void ipi_run_secondary(void)
{
    trap_set_handler(IRQ_S_SOFT, ipi_interrupt);
    csr_set(sie, SIE_SSIE);
    irq_wait_until(&pinged[this_hart()], 1);
    csr_clear(sstatus, SSTATUS_SIE);
    csr_clear(sie, SIE_SSIE);
}
