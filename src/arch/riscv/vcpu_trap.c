/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Traps from a running guest (trap.S calls in here): the trap is read once
 * into a struct vcpu_trap, routed by cause, and the handler's answer
 * (enum vcpu_action) decides whether the guest resumes or the hart idles.
 */
#include <arch/csr.h>
#include <arch/guest_fault.h>
#include <arch/guest_timer.h>
#include <arch/irqc.h>
#include <arch/sbi.h>
#include <arch/vcpu_trap.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/vcpu.h>
#include <core/vm.h>

struct arch_vcpu_ctx *vcpu_trap_handler(struct arch_vcpu_ctx *ctx);

/* Only an event (a software interrupt) can stop the vCPU: its VM went
 * down. */
static enum vcpu_action handle_events(struct vcpu *vcpu)
{
    cpu_handle_events(cpu_self());
    return vcpu_is_running(vcpu) ? VCPU_RESUME : VCPU_IDLE;
}

static enum vcpu_action handle_interrupt(struct vcpu *vcpu, unsigned long irq)
{
    switch (irq) {
    case IRQ_S_SOFT:
        return handle_events(vcpu);
    case IRQ_S_TIMER:
        guest_timer_handle_hs_interrupt();
        break;
    case IRQ_S_EXT:
        irqc_handle_external(vcpu->hart);
        /* An IPI through the controller (irqc_send_ipi) left SSIP. */
        if (csr_read(CSR_SIP) & MIP_SSIP)
            return handle_events(vcpu);
        break;
    default:
        /* Not ours to take: mask it so it cannot storm, and say so. */
        log_error("hart %u: unexpected interrupt %lu masked",
                  cpu_self()->hartid, irq);
        csr_clear(CSR_SIE, 1UL << irq);
        break;
    }
    return VCPU_RESUME;
}

static enum vcpu_action route_exception(struct vcpu *vcpu,
                                        const struct vcpu_trap *trap)
{
    switch (trap->cause) {
    case CAUSE_VIRTUAL_SUPERVISOR_ECALL:
        return sbi_handle_ecall(vcpu);
    case CAUSE_FETCH_GUEST_PAGE_FAULT:
    case CAUSE_LOAD_GUEST_PAGE_FAULT:
    case CAUSE_STORE_GUEST_PAGE_FAULT:
        return guest_fault_page(vcpu, trap);
    case CAUSE_VIRTUAL_INSTRUCTION:
        /* What the guest tried is illegal for a supervisor (8.6.1). */
        vcpu_inject_exception(vcpu, CAUSE_ILLEGAL_INSTRUCTION, trap->tval);
        return VCPU_RESUME;
    default:
        return guest_fault_unexpected(vcpu, trap);
    }
}

/* Idle and suspend loops run with interrupts masked: look for them here. */
void arch_poll_interrupts(void)
{
    unsigned long pending = csr_read(CSR_SIP) & csr_read(CSR_SIE);

    if (pending & MIP_SEIP)
        irqc_handle_external(cpu_self()->hartid);
    if (pending & MIP_STIP)
        guest_timer_handle_hs_interrupt();
}

static enum vcpu_action handle_exception(struct vcpu *vcpu, unsigned long cause)
{
    struct vcpu_trap trap = {.cause = cause};

    /* What stval, htval and htinst hold (an ecall, the commonest, needs
     * none of them). */
    if (cause != CAUSE_VIRTUAL_SUPERVISOR_ECALL) {
        trap.tval = csr_read(CSR_STVAL);
        trap.htval = csr_read(CSR_HTVAL);
        trap.htinst = csr_read(CSR_HTINST);
    }
    return route_exception(vcpu, &trap);
}

/* The kind of trap core counts, by scause. */
static enum vcpu_trap_kind trap_kind(unsigned long cause)
{
    if (cause & CAUSE_INTERRUPT)
        return VCPU_TRAP_INTERRUPT;
    switch (cause) {
    case CAUSE_VIRTUAL_SUPERVISOR_ECALL:
        return VCPU_TRAP_CALL;
    case CAUSE_FETCH_GUEST_PAGE_FAULT:
    case CAUSE_LOAD_GUEST_PAGE_FAULT:
    case CAUSE_STORE_GUEST_PAGE_FAULT:
        return VCPU_TRAP_ACCESS;
    default:
        return VCPU_TRAP_OTHER;
    }
}

struct arch_vcpu_ctx *vcpu_trap_handler(struct arch_vcpu_ctx *ctx)
{
    struct vcpu *vcpu = (struct vcpu *)ctx;
    unsigned long cause = csr_read(CSR_SCAUSE);
    enum vcpu_action next;

    vcpu->traps[trap_kind(cause)]++;
    if (cause & CAUSE_INTERRUPT)
        next = handle_interrupt(vcpu, cause & ~CAUSE_INTERRUPT);
    else
        next = handle_exception(vcpu, cause);
    if (next == VCPU_IDLE)
        cpu_idle(cpu_self());
    return ctx;
}
