/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/vcpu.h>
#include <core/vm.h>

struct cpu cpus[MAX_CPUS];
_Static_assert(sizeof(struct cpu) == CPU_STRUCT_SIZE,
               "boot.S indexes cpus[] with CPU_STRUCT_SIZE");

void cpu_post_event(unsigned hart, unsigned long event)
{
    __atomic_fetch_or(&cpus[hart].events, event, __ATOMIC_SEQ_CST);
    arch_send_ipi(hart);
}

/* Serve every outstanding fence request with one local fence. */
void cpu_serve_fences(struct cpu *cpu)
{
    unsigned long seen[MAX_CPUS];
    bool pending = false;

    for (unsigned i = 0; i < MAX_CPUS; i++) {
        seen[i] = __atomic_load_n(&cpu->fence_req[i], __ATOMIC_ACQUIRE);
        pending |= seen[i] != cpu->fence_ack[i];
    }
    if (!pending)
        return;
    arch_fence_local();
    for (unsigned i = 0; i < MAX_CPUS; i++)
        __atomic_store_n(&cpu->fence_ack[i], seen[i], __ATOMIC_RELEASE);
}

void cpu_fence_remote(unsigned hart)
{
    struct cpu *self = cpu_self();
    struct cpu *target = &cpus[hart];
    unsigned long ticket;

    ticket = __atomic_add_fetch(&target->fence_req[self->hartid], 1,
                                __ATOMIC_SEQ_CST);
    arch_send_ipi(hart);
    /* Serve others while waiting: two harts may be fencing each other. */
    while (__atomic_load_n(&target->fence_ack[self->hartid],
                           __ATOMIC_ACQUIRE) != ticket)
        cpu_serve_fences(self);
}

/*
 * A vCPU still waiting to start just goes back to STOPPED (its hart is idle);
 * a running or suspended one is stopped, and its trap handler or suspend
 * wait, seeing it, leaves for the idle loop.
 */
static void stop_vcpu(struct vcpu *vcpu)
{
    int state = vcpu_status(vcpu);

    if (state == VCPU_START_PENDING)
        __atomic_store_n(&vcpu->state, VCPU_STOPPED, __ATOMIC_RELEASE);
    else if (state != VCPU_STOPPED)
        vcpu_stop_self(vcpu);
}

void cpu_handle_events(struct cpu *cpu)
{
    unsigned long events;

    arch_ack_ipi();
    cpu_serve_fences(cpu);
    events = __atomic_exchange_n(&cpu->events, 0, __ATOMIC_SEQ_CST);
    if (!cpu->vcpu)
        return;
    if (events & CPU_EV_VS_SOFT)
        arch_vcpu_raise_soft(cpu->vcpu);
    if (events & CPU_EV_IRQ_LINE)
        arch_vcpu_sync_irq_line(cpu->vcpu);
    if (events & CPU_EV_CONSOLE)
        console_vm_event(cpu->vcpu->vm);
    if (events & CPU_EV_VCPU_STOP)
        stop_vcpu(cpu->vcpu);
}

static bool vcpu_start_pending(struct cpu *cpu)
{
    return cpu->vcpu && vcpu_status(cpu->vcpu) == VCPU_START_PENDING;
}

void cpu_idle(struct cpu *cpu)
{
    struct vcpu *vcpu;

    cpu_wait_until(cpu, vcpu_start_pending);
    vcpu = cpu->vcpu;
    arch_vcpu_reset(vcpu, vcpu->start_addr, vcpu->id, vcpu->start_arg);
    __atomic_store_n(&vcpu->state, VCPU_STARTED, __ATOMIC_RELEASE);
    arch_vcpu_run(vcpu);
}
