/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/csr.h>
#include <arch/guest_fault.h>
#include <arch/mmio_emul.h>
#include <console.h>
#include <fault_log.h>
#include <platform.h>
#include <vm.h>
#include <vm_lifecycle.h>

static struct fault_log fault_logs[MAX_VMS];
static spinlock_t fault_log_lock = SPINLOCK_INIT;

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

/* Report a bad access, at most FAULT_LOG_BURST per VM and second. */
static void report_bad_access(struct vcpu *vcpu, unsigned long cause,
                              uint64_t gpa, enum mmio_result why)
{
    unsigned id = vcpu->vm->id, dropped;
    bool report;

    spin_lock(&fault_log_lock);
    report = fault_log_admit(&fault_logs[id], csr_read(CSR_TIME),
                             machine.timebase_hz, &dropped);
    spin_unlock(&fault_log_lock);
    if (dropped)
        log_warn("VM %u: %u more bad accesses in the last second, not shown",
                 id, dropped);
    if (report)
        log_warn("VM %u vCPU %u: %s at 0x%lx %s (pc 0x%lx)", id, vcpu->id,
                 access_name(cause), gpa, mmio_result_reason(why),
                 vcpu->arch.ctx.sepc);
}

void guest_fault_page(struct vcpu *vcpu, unsigned long cause)
{
    struct vm *vm = vcpu->vm;
    uint64_t va = csr_read(CSR_STVAL);
    /* htval holds the guest-physical address shifted right by 2 (8.6.3). */
    uint64_t gpa = (csr_read(CSR_HTVAL) << 2) | (va & 3);
    enum mmio_result r = MMIO_NOT_EMULATED;

    if (cause != CAUSE_FETCH_GUEST_PAGE_FAULT)
        r = mmio_emulate(vcpu, gpa, va, csr_read(CSR_HTINST),
                         cause == CAUSE_STORE_GUEST_PAGE_FAULT);
    if (r == MMIO_DONE)
        return;
    report_bad_access(vcpu, cause, gpa, r);
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
    guest_inject_exception(vcpu, access_fault_for(cause), va);
}

void guest_fault_unexpected(struct vcpu *vcpu, unsigned long cause)
{
    log_error("VM %u vCPU %u: unexpected exception %lu at pc 0x%lx "
              "(tval 0x%lx)",
              vcpu->vm->id, vcpu->id, cause, vcpu->arch.ctx.sepc,
              csr_read(CSR_STVAL));
    vm_shutdown(vcpu->vm, vcpu, "unexpected exception");
}
