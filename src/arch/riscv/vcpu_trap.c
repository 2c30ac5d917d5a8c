/* SPDX-License-Identifier: Apache-2.0 */
/* Traps from a running guest, routed by cause (trap.S calls in here). */
#include <arch/csr.h>
#include <arch/guest_fault.h>
#include <arch/guest_timer.h>
#include <arch/irqc.h>
#include <arch/sbi.h>
#include <arch_hooks.h>
#include <console.h>
#include <cpu.h>
#include <vm.h>

struct arch_vcpu_ctx *vcpu_trap_handler(struct arch_vcpu_ctx *ctx);

static void handle_interrupt(unsigned long irq)
{
    switch (irq) {
    case IRQ_S_SOFT:
        cpu_handle_events(cpu_self());
        break;
    case IRQ_S_TIMER:
        guest_timer_handle_hs_interrupt();
        break;
    case IRQ_S_EXT:
        irqc_handle_external();
        break;
    default:
        /* Not ours to take: mask it so it cannot storm, and say so. */
        log_error("hart %u: unexpected interrupt %lu masked",
                  cpu_self()->hartid, irq);
        csr_clear(CSR_SIE, 1UL << irq);
        break;
    }
}

static void handle_exception(struct vcpu *vcpu, unsigned long cause)
{
    switch (cause) {
    case CAUSE_VIRTUAL_SUPERVISOR_ECALL:
        sbi_handle_ecall(vcpu);
        break;
    case CAUSE_FETCH_GUEST_PAGE_FAULT:
    case CAUSE_LOAD_GUEST_PAGE_FAULT:
    case CAUSE_STORE_GUEST_PAGE_FAULT:
        guest_fault_page(vcpu, cause);
        break;
    case CAUSE_VIRTUAL_INSTRUCTION:
        /* What the guest tried is illegal for a supervisor (8.6.1). */
        guest_inject_exception(vcpu, CAUSE_ILLEGAL_INSTRUCTION,
                               csr_read(CSR_STVAL));
        break;
    default:
        guest_fault_unexpected(vcpu, cause);
    }
}

/* Idle and suspend loops run with interrupts masked: look for them here. */
void arch_poll_interrupts(void)
{
    unsigned long pending = csr_read(CSR_SIP) & csr_read(CSR_SIE);

    if (pending & MIP_SEIP)
        handle_interrupt(IRQ_S_EXT);
    if (pending & MIP_STIP)
        handle_interrupt(IRQ_S_TIMER);
}

struct arch_vcpu_ctx *vcpu_trap_handler(struct arch_vcpu_ctx *ctx)
{
    struct vcpu *vcpu = (struct vcpu *)ctx;
    unsigned long cause = csr_read(CSR_SCAUSE);

    if (cause & CAUSE_INTERRUPT)
        handle_interrupt(cause & ~CAUSE_INTERRUPT);
    else
        handle_exception(vcpu, cause);
    return ctx;
}
