/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/vcpu.h>
#include <core/vm.h>

int vcpu_start(struct vcpu *target, uint64_t entry, uint64_t arg)
{
    struct vm *vm = target->vm;
    int result = VCPU_START_OK;

    spin_lock(&vm->lock);
    if (vm->state != VM_RUNNING) {
        result = VCPU_START_VM_DOWN;
    } else if (target->state != VCPU_STOPPED) {
        result = VCPU_START_NOT_STOPPED;
    } else {
        target->start_addr = entry;
        target->start_arg = arg;
        /* Release: the target reads the arguments after seeing the state. */
        __atomic_store_n(&target->state, VCPU_START_PENDING, __ATOMIC_RELEASE);
    }
    spin_unlock(&vm->lock);
    if (result == VCPU_START_OK)
        cpu_post_event(target->hart, CPU_EV_VCPU_KICK);
    return result;
}

void vcpu_stop_self(struct vcpu *vcpu)
{
    arch_vcpu_clear_interrupts(vcpu);
    __atomic_store_n(&vcpu->state, VCPU_STOPPED, __ATOMIC_RELEASE);
}

static bool woken(struct cpu *cpu)
{
    return vcpu_status(cpu->vcpu) != VCPU_SUSPENDED ||
           arch_vcpu_has_pending_interrupt(cpu->vcpu);
}

enum vcpu_action vcpu_suspend(struct vcpu *vcpu)
{
    int was = VCPU_SUSPENDED;
    bool runs;

    __atomic_store_n(&vcpu->state, VCPU_SUSPENDED, __ATOMIC_RELEASE);
    cpu_wait_until(cpu_self(), woken);
    /* Unless an event stopped it meanwhile, it runs again. */
    runs = __atomic_compare_exchange_n(&vcpu->state, &was, VCPU_STARTED, false,
                                       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    return runs ? VCPU_RESUME : VCPU_IDLE;
}

bool vcpu_is_running(const struct vcpu *vcpu)
{
    return vcpu_status(vcpu) == VCPU_STARTED;
}

int vcpu_status(const struct vcpu *vcpu)
{
    return __atomic_load_n(&vcpu->state, __ATOMIC_ACQUIRE);
}
