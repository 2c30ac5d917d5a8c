/* SPDX-License-Identifier: Apache-2.0 */
#include "trap.h"

#include "console.h"
#include "riscv.h"
#include "sbi.h"

static trap_fn trap_hook;
static trap_fn irq_handlers[TRAP_IRQS];

void trap_set_hook(trap_fn hook)
{
    trap_hook = hook;
}

void trap_set_handler(unsigned long irq, trap_fn fn)
{
    if (irq < TRAP_IRQS)
        irq_handlers[irq] = fn;
}

void trap_handler(struct trap_frame *frame)
{
    unsigned long cause = csr_read(scause);

    if (trap_hook && trap_hook(cause, frame))
        return;
    if (cause & SCAUSE_INTERRUPT) {
        unsigned long irq = cause & ~SCAUSE_INTERRUPT;
        if (irq < TRAP_IRQS && irq_handlers[irq] &&
            irq_handlers[irq](cause, frame))
            return;
    }
    unexpected_trap();
}

void unexpected_trap(void)
{
    unsigned long cause = csr_read(scause);
    unsigned long epc = csr_read(sepc);
    unsigned long tval = csr_read(stval);

    console_printf("baremetal: hart %lu unexpected trap scause=0x%lx "
                   "sepc=0x%lx stval=0x%lx\n",
                   this_hart(), cause, epc, tval);
    hart_park();
}

void hart_park(void)
{
    csr_clear(sstatus, SSTATUS_SIE);
    csr_write(sie, 0);
    for (;;)
        wfi();
}

void system_shutdown(void)
{
    csr_clear(sstatus, SSTATUS_SIE);
    struct sbiret r =
        sbi_system_reset(SBI_SRST_TYPE_SHUTDOWN, SBI_SRST_REASON_NONE);
    console_printf("baremetal: shutdown failed (%ld)\n", r.error);
    hart_park();
}

void irq_wait_until(const volatile unsigned int *counter, unsigned int target)
{
    for (;;) {
        /*
         * Test with interrupts masked: an interrupt landing between the test
         * and wfi would otherwise be consumed and leave us asleep. wfi still
         * wakes on a pending interrupt enabled in sie even with
         * sstatus.SIE = 0 (priv. spec, WFI), and re-enabling SIE takes it.
         */
        csr_clear(sstatus, SSTATUS_SIE);
        if (*counter >= target)
            break;
        wfi();
        csr_set(sstatus, SSTATUS_SIE);
    }
    csr_set(sstatus, SSTATUS_SIE);
}
