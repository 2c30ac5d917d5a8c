/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/csr.h>
#include <arch/guest_fault.h>
#include <arch/mmio_emul.h>
#include <core/vm.h>
#include <core/vm_fault.h>

/* A guest-page fault's kind of access, and the access fault a native
 * hart would raise for the same bad physical access. */
struct page_fault_kind {
    enum vm_access access;
    unsigned long native_cause;
};

static struct page_fault_kind kind_of(unsigned long cause)
{
    switch (cause) {
    case CAUSE_FETCH_GUEST_PAGE_FAULT:
        return (struct page_fault_kind){VM_ACCESS_FETCH, CAUSE_FETCH_ACCESS};
    case CAUSE_LOAD_GUEST_PAGE_FAULT:
        return (struct page_fault_kind){VM_ACCESS_LOAD, CAUSE_LOAD_ACCESS};
    default:
        return (struct page_fault_kind){VM_ACCESS_STORE, CAUSE_STORE_ACCESS};
    }
}

void vcpu_inject_exception(struct vcpu *vcpu, unsigned long cause,
                           uint64_t tval)
{
    unsigned long vsstatus = csr_read(CSR_VSSTATUS);
    bool from_supervisor = csr_read(CSR_SSTATUS) & SSTATUS_SPP;

    /* What a trap into S-mode does to sstatus (priv. spec 4.1.1). */
    vsstatus &= ~(SSTATUS_SPP | SSTATUS_SPIE);
    if (vsstatus & SSTATUS_SIE)
        vsstatus |= SSTATUS_SPIE;
    if (from_supervisor)
        vsstatus |= SSTATUS_SPP;
    vsstatus &= ~SSTATUS_SIE;
    csr_write(CSR_VSSTATUS, vsstatus);
    csr_write(CSR_VSEPC, vcpu->arch.ctx.sepc);
    csr_write(CSR_VSCAUSE, cause);
    csr_write(CSR_VSTVAL, tval);
    /* Exceptions always go to the vector base, even in vectored mode. */
    vcpu->arch.ctx.sepc = csr_read(CSR_VSTVEC) & ~3UL;
    csr_set(CSR_SSTATUS, SSTATUS_SPP);
}

enum vcpu_action guest_fault_page(struct vcpu *vcpu,
                                  const struct vcpu_trap *trap)
{
    struct page_fault_kind kind = kind_of(trap->cause);
    enum mmio_result r = MMIO_NOT_EMULATED;
    struct vm_bad_access a;

    if (trap->cause != CAUSE_FETCH_GUEST_PAGE_FAULT)
        r = mmio_emulate(vcpu, trap);
    if (r == MMIO_DONE)
        return VCPU_RESUME;
    a = (struct vm_bad_access){
        .access = kind.access,
        .gpa = vcpu_trap_gpa(trap),
        .pc = vcpu->arch.ctx.sepc,
        .reason = mmio_result_reason(r),
        .guest_can_take = (csr_read(CSR_VSTVEC) & ~3UL) != 0,
    };
    if (vm_fault_bad_access(vcpu, &a) == VCPU_IDLE)
        return VCPU_IDLE;
    vcpu_inject_exception(vcpu, kind.native_cause, trap->tval);
    return VCPU_RESUME;
}

enum vcpu_action guest_fault_unexpected(struct vcpu *vcpu,
                                        const struct vcpu_trap *trap)
{
    return vm_fault_unexpected(vcpu, trap->cause, vcpu->arch.ctx.sepc,
                               trap->tval);
}
