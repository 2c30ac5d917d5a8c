/* SPDX-License-Identifier: Apache-2.0 */
/* Fakes of cpu.c's functions, and its hart table; see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/vm.h>

struct cpu cpus[MAX_CPUS];

void cpu_post_event(unsigned hart, unsigned long event)
{
    struct fake_event e = {hart, event};

    assert_true(hart < MAX_CPUS);
    FAKE_LOG(fake.events, fake.events_n, e);
}

void cpu_handle_events(struct cpu *cpu)
{
    assert_ptr_equal(cpu, cpu_self());
    fake.handle_events_n++;
    if (fake.handle_events_n == fake.stop_on_events && cpu->vcpu)
        cpu->vcpu->state = VCPU_STOPPED;
}

/*
 * A hart waiting for others (a VM's vCPUs to stop) serves fences; the
 * others meanwhile act on the stop events posted to them.
 */
void cpu_serve_fences(struct cpu *cpu)
{
    assert_ptr_equal(cpu, cpu_self());
    if (++fake.serve_fences_n > 1000)
        fail_msg("a hart waited for other harts forever");
    if (fake.while_waiting)
        fake.while_waiting();
    for (unsigned i = 0; i < fake.events_n; i++) {
        struct cpu *target = &cpus[fake.events[i].hart];

        if ((fake.events[i].event & CPU_EV_VCPU_STOP) && target->vcpu)
            target->vcpu->state = VCPU_STOPPED;
    }
}

void cpu_fence_remote(unsigned hart)
{
    assert_true(hart < MAX_CPUS);
    assert_int_not_equal(hart, fake.current_hart); /* never to oneself */
    FAKE_LOG(fake.fence_remote, fake.fence_remote_n, hart);
}

void cpu_idle(struct cpu *cpu)
{
    fake.idle_n++;
    fake.idle_cpu = cpu;
    fake_noreturn("cpu_idle");
}
