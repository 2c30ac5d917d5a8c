/* SPDX-License-Identifier: Apache-2.0 */
/* Entering a vCPU and the VS-level state that belongs to it. */
#include <arch/csr.h>
#include <arch/guest_timer.h>
#include <arch/mmu.h>
#include <arch_hooks.h>
#include <cpu.h>
#include <hyp_limits.h>
#include <lib/string.h>
#include <vm.h>

_Static_assert(__builtin_offsetof(struct arch_vcpu_ctx, sepc) == VCPU_CTX_SEPC,
               "trap.S ctx layout");
_Static_assert(__builtin_offsetof(struct arch_vcpu_ctx, hyp_sp) ==
                   VCPU_CTX_HYP_SP,
               "trap.S ctx layout");
_Static_assert(__builtin_offsetof(struct arch_vcpu_ctx, hyp_tp) ==
                   VCPU_CTX_HYP_TP,
               "trap.S ctx layout");
_Static_assert(__builtin_offsetof(struct vcpu, arch) == 0,
               "trap.S finds the vcpu at sscratch");

extern char hyp_stacks[];
void vcpu_ctx_resume(struct arch_vcpu_ctx *ctx) __attribute__((noreturn));

#define SSTATUS_FS_INITIAL (1UL << 13)

/*
 * SBI spec 9.1 (hart_start) and 9.4 (non-retentive resume): a0, a1 set,
 * satp = 0, sstatus.SIE = 0; the rest of the VS state is cleared.
 */
void arch_vcpu_resume_at(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                         uint64_t a1)
{
    struct arch_vcpu_ctx *ctx = &vcpu->arch.ctx;

    memset(ctx->x, 0, sizeof(ctx->x));
    ctx->x[REG_A0] = a0;
    ctx->x[REG_A1] = a1;
    ctx->sepc = entry;
    ctx->hyp_sp =
        (uint64_t)(uintptr_t)&hyp_stacks[(vcpu->hart + 1) * HYP_STACK_SIZE];
    ctx->hyp_tp = (uint64_t)(uintptr_t)&cpus[vcpu->hart];

    mmu_vm_activate(vcpu->vm);
    csr_clear(CSR_VSSTATUS, SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP);
    csr_write(CSR_VSATP, 0);
    csr_write(CSR_VSIE, 0);
    csr_write(CSR_VSTVEC, 0);
    csr_write(CSR_VSSCRATCH, 0);
    csr_write(CSR_VSEPC, 0);
    csr_write(CSR_VSCAUSE, 0);
    csr_write(CSR_VSTVAL, 0);
    arch_fence_local();
}

void arch_vcpu_reset(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                     uint64_t a1)
{
    arch_vcpu_resume_at(vcpu, entry, a0, a1);
    arch_vcpu_clear_interrupts(vcpu);
    /* An interrupt still pending in the vPLIC is still pending. */
    arch_vcpu_sync_irq_line(vcpu);
}

void arch_vcpu_run(struct vcpu *vcpu)
{
    /* sret goes to VS-mode (SPV = 1, SPP = 1) with supervisor rights. */
    csr_set(CSR_HSTATUS, HSTATUS_SPV | HSTATUS_SPVP);
    csr_clear(CSR_HSTATUS, HSTATUS_VTW | HSTATUS_GVA);
    csr_set(CSR_SSTATUS, SSTATUS_SPP);
    csr_clear(CSR_SSTATUS, SSTATUS_SPIE);
    /* The guest owns the FPU; the hypervisor never touches it. */
    if ((csr_read(CSR_SSTATUS) & SSTATUS_FS_MASK) == 0)
        csr_set(CSR_SSTATUS, SSTATUS_FS_INITIAL);
    vcpu_ctx_resume(&vcpu->arch.ctx);
}

void arch_vcpu_raise_soft(struct vcpu *vcpu)
{
    (void)vcpu;
    csr_set(CSR_HVIP, MIP_VSSIP);
}

void arch_vcpu_clear_interrupts(struct vcpu *vcpu)
{
    (void)vcpu;
    csr_write(CSR_HVIP, 0);
    guest_timer_cancel();
}

int arch_vcpu_has_pending_interrupt(struct vcpu *vcpu)
{
    (void)vcpu;
    return (csr_read(CSR_HIP) & csr_read(CSR_HIE) & VS_INTERRUPTS) != 0;
}
