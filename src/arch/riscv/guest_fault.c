/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/csr.h>
#include <arch/guest_fault.h>
#include <arch/mmio_emul.h>
#include <console.h>
#include <vm.h>
#include <vm_lifecycle.h>

/* Report at most this many faults per VM, then say that we stopped. */
#define FAULT_REPORT_LIMIT 16

static unsigned reports[MAX_VMS];

static const char *access_name(unsigned long cause)
{
    switch (cause) {
    case CAUSE_FETCH_GUEST_PAGE_FAULT:
        return "fetch";
    case CAUSE_LOAD_GUEST_PAGE_FAULT:
        return "load";
    default:
        return "store";
    }
}

/* The access fault a native hart would raise for a bad physical access. */
static unsigned long access_fault_for(unsigned long cause)
{
    switch (cause) {
    case CAUSE_FETCH_GUEST_PAGE_FAULT:
        return CAUSE_FETCH_ACCESS;
    case CAUSE_LOAD_GUEST_PAGE_FAULT:
        return CAUSE_LOAD_ACCESS;
    default:
        return CAUSE_STORE_ACCESS;
    }
}

void guest_inject_exception(struct vcpu *vcpu, unsigned long cause,
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

void guest_fault_page(struct vcpu *vcpu, unsigned long cause)
{
    struct vm *vm = vcpu->vm;
    /* htval holds the guest-physical address shifted right by 2 (8.6.3). */
    uint64_t gpa = (csr_read(CSR_HTVAL) << 2) | (csr_read(CSR_STVAL) & 3);

    if (cause != CAUSE_FETCH_GUEST_PAGE_FAULT &&
        mmio_emulate(vcpu, gpa, cause == CAUSE_STORE_GUEST_PAGE_FAULT))
        return;
    if (reports[vm->id] < FAULT_REPORT_LIMIT) {
        log_warn("VM %u vCPU %u: %s at 0x%lx outside its memory (pc 0x%lx)",
                 vm->id, vcpu->id, access_name(cause), gpa,
                 vcpu->arch.ctx.sepc);
        if (++reports[vm->id] == FAULT_REPORT_LIMIT)
            log_warn("VM %u: further faults not reported", vm->id);
    }
    switch (vm->cfg->fault_policy) {
    case VM_FAULT_STOP:
        vm_shutdown(vm, vcpu, "fault policy: stop");
    case VM_FAULT_RESTART:
        vm_restart(vm, vcpu, "fault policy: restart");
    default:
        break;
    }
    if ((csr_read(CSR_VSTVEC) & ~3UL) == 0)
        vm_shutdown(vm, vcpu, "fault with no trap vector to take it");
    guest_inject_exception(vcpu, access_fault_for(cause), csr_read(CSR_STVAL));
}

void guest_fault_unexpected(struct vcpu *vcpu, unsigned long cause)
{
    log_error("VM %u vCPU %u: unexpected exception %lu at pc 0x%lx "
              "(tval 0x%lx)",
              vcpu->vm->id, vcpu->id, cause, vcpu->arch.ctx.sepc,
              csr_read(CSR_STVAL));
    vm_shutdown(vcpu->vm, vcpu, "unexpected exception");
}
