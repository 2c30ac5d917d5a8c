/* SPDX-License-Identifier: Apache-2.0 */
/* Entering a vCPU and the VS-level state that belongs to it. */
#include <arch/csr.h>
#include <arch/guest_timer.h>
#include <arch/irqc.h>
#include <arch/mmu.h>
#include <arch/unit_state.h>
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/hyp_limits.h>
#include <core/platform.h>
#include <core/vm.h>
#include <lib/string.h>

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

/*
 * The FP and vector units as native firmware hands them to a supervisor:
 * on where the hart has them (vsstatus.FS/VS = Initial), so a guest that
 * never turns them on itself (an interrupt handler that saves FP registers
 * from its first trap) works, and in that Initial state for real: their
 * registers cleared, so a restarted VM does not find its previous boot's.
 * With V = 1 an FP or vector instruction needs both the HS-level sstatus
 * and vsstatus FS/VS on (priv. spec, "Virtual Supervisor Status Register"),
 * so the hypervisor's own are turned on too; it never uses the units
 * otherwise. Harts without a unit keep its field Off: its instructions
 * must trap in the guest as they would natively.
 */
static void hand_over_units(unsigned hart)
{
    uint64_t bit = 1UL << hart;
    unsigned long on = 0;

    if (machine.arch.fpu_f_mask & bit) {
        csr_set(CSR_SSTATUS, SSTATUS_FS_INITIAL);
        if (machine.arch.fpu_d_mask & bit)
            unit_fpu_clear_d();
        else
            unit_fpu_clear_f();
        on |= SSTATUS_FS_INITIAL;
    }
    if (machine.arch.vector_mask & bit) {
        csr_set(CSR_SSTATUS, SSTATUS_VS_INITIAL);
        unit_vector_clear();
        on |= SSTATUS_VS_INITIAL;
    }
    csr_clear(CSR_VSSTATUS, SSTATUS_FS_MASK | SSTATUS_VS_MASK);
    csr_set(CSR_VSSTATUS, on);
}

/*
 * SBI spec 9.1 (hart_start) and 9.4 (non-retentive resume): a0, a1 set,
 * satp = 0, sstatus.SIE = 0; the rest of the VS state is cleared (with the
 * unbanked scounteren and senvcfg), the FPU and vector unit handed over as
 * native firmware does (hand_over_units).
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
    /* As native firmware hands them to a supervisor: nothing a previous
     * boot set (its user-memory access, executable-readable, counters and
     * environment for its user mode) carries over. OpenSBI lets user mode
     * read the counters (Linux's vDSO reads time), and leaves senvcfg as
     * at reset. */
    csr_clear(CSR_VSSTATUS, SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP |
                                SSTATUS_SUM | SSTATUS_MXR);
    csr_write(CSR_SCOUNTEREN, COUNTEREN_CY_TM_IR);
    if (machine.arch.has_envcfg)
        csr_write(CSR_SENVCFG, 0);
    csr_write(CSR_VSATP, 0);
    csr_write(CSR_VSIE, 0);
    csr_write(CSR_VSTVEC, 0);
    csr_write(CSR_VSSCRATCH, 0);
    csr_write(CSR_VSEPC, 0);
    csr_write(CSR_VSCAUSE, 0);
    csr_write(CSR_VSTVAL, 0);
    hand_over_units(vcpu->hart);
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
    csr_clear(CSR_HSTATUS, HSTATUS_VTW | HSTATUS_GVA | HSTATUS_VGEIN_MASK);
    /* Its guest interrupt file, if it has one: also what wakes the hart
     * while the vCPU waits in the hypervisor (hip.VSEIP follows the file,
     * and an enabled pending VS interrupt ends a wfi, priv. spec 3.3.3). */
    csr_set(CSR_HSTATUS,
            (unsigned long)vcpu->vm->arch.guest_file << HSTATUS_VGEIN_SHIFT);
    csr_set(CSR_SSTATUS, SSTATUS_SPP);
    csr_clear(CSR_SSTATUS, SSTATUS_SPIE);
    /* sstatus.FS and VS were set by arch_vcpu_resume_at (hand_over_units). */
    vcpu_ctx_resume(&vcpu->arch.ctx);
}

void arch_vcpu_raise_soft(struct vcpu *vcpu)
{
    (void)vcpu;
    csr_set(CSR_HVIP, MIP_VSSIP);
}

void arch_vcpu_clear_interrupts(struct vcpu *vcpu)
{
    csr_write(CSR_HVIP, 0);
    guest_timer_cancel();
    irqc_vcpu_reset(vcpu);
}

int arch_vcpu_has_pending_interrupt(struct vcpu *vcpu)
{
    (void)vcpu;
    return (csr_read(CSR_HIP) & csr_read(CSR_HIE) & VS_INTERRUPTS) != 0;
}
