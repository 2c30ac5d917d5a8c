/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/fault_log.h>
#include <core/platform.h>
#include <core/vm.h>
#include <core/vm_fault.h>
#include <core/vm_lifecycle.h>
#include <lib/spinlock.h>

static struct fault_log fault_logs[MAX_VMS];
static spinlock_t fault_log_lock = SPINLOCK_INIT;

static const char *const access_names[] = {
    [VM_ACCESS_FETCH] = "fetch",
    [VM_ACCESS_LOAD] = "load",
    [VM_ACCESS_STORE] = "store",
};

/* At most FAULT_LOG_BURST reports per VM and second. */
static void report(const struct vcpu *vcpu, const struct vm_bad_access *a)
{
    unsigned id = vcpu->vm->id, dropped;
    bool shown;

    spin_lock(&fault_log_lock);
    shown = fault_log_admit(&fault_logs[id], arch_timebase_now(),
                            machine.timebase_hz, &dropped);
    spin_unlock(&fault_log_lock);
    if (dropped)
        log_warn("VM %u: %u more bad accesses in the last second, not shown",
                 id, dropped);
    if (shown)
        log_warn("VM %u vCPU %u: %s at 0x%lx %s (pc 0x%lx)", id, vcpu->id,
                 access_names[a->access], a->gpa, a->reason, a->pc);
}

enum vcpu_action vm_fault_bad_access(struct vcpu *vcpu,
                                     const struct vm_bad_access *a)
{
    struct vm *vm = vcpu->vm;

    report(vcpu, a);
    switch (vm->cfg->fault_policy) {
    case VM_FAULT_STOP:
        vm_shutdown(vm, vcpu, "fault policy: stop");
        return VCPU_IDLE;
    case VM_FAULT_RESTART:
        vm_restart(vm, vcpu, "fault policy: restart");
        return VCPU_IDLE;
    default:
        break;
    }
    if (!a->guest_can_take) {
        vm_shutdown(vm, vcpu, "fault with no trap vector to take it");
        return VCPU_IDLE;
    }
    return VCPU_RESUME;
}

enum vcpu_action vm_fault_unexpected(struct vcpu *vcpu, unsigned long code,
                                     uint64_t pc, uint64_t tval)
{
    log_error("VM %u vCPU %u: unexpected exception %lu at pc 0x%lx "
              "(tval 0x%lx)",
              vcpu->vm->id, vcpu->id, code, pc, tval);
    vm_shutdown(vcpu->vm, vcpu, "unexpected exception");
    return VCPU_IDLE;
}
