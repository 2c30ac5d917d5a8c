/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Harts and their messages (src/core/cpu.c) with the real vcpu.c: events
 * posted to a hart and handled there, fence requests answered while a hart
 * waits for its own, the one wait loop, and the idle loop that starts a
 * vCPU once it is START_PENDING. The arch hooks are the recording fakes;
 * arch_vcpu_run never returns, so tests enter it under EXPECT_NORETURN.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <string.h>

#include "fakes.h"

#include <core/cpu.h>
#include <core/vcpu.h>
#include <core/vm.h>

static struct vm vm;
static struct vcpu vcpus[2]; /* vCPU i on hart 2 + i */

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(&vm, 0, sizeof(vm));
    memset(vcpus, 0, sizeof(vcpus));
    vm.vcpus = vcpus;
    vm.vcpu_num = 2;
    vm.state = VM_RUNNING;
    for (unsigned i = 0; i < 2; i++) {
        vcpus[i].vm = &vm;
        vcpus[i].id = i;
        vcpus[i].hart = 2 + i;
        vcpus[i].state = VCPU_STOPPED;
        cpus[2 + i].vcpu = &vcpus[i];
    }
    fake.current_hart = 2;
    return 0;
}

/* ---- Events --------------------------------------------------------------*/

static void posting_sets_the_bit_and_interrupts_the_hart(void **state)
{
    (void)state;
    cpu_post_event(3, CPU_EV_VS_SOFT);
    cpu_post_event(3, CPU_EV_IRQ_LINE);
    assert_int_equal(cpus[3].events, CPU_EV_VS_SOFT | CPU_EV_IRQ_LINE);
    assert_int_equal(cpus[2].events, 0);
    assert_int_equal(fake.ipi_n, 2);
    assert_int_equal(fake.ipi[0], 3);
    assert_int_equal(fake.ipi[1], 3);
}

static void handling_acts_on_each_event_once(void **state)
{
    (void)state;
    vcpus[0].state = VCPU_STARTED;
    cpus[2].events =
        CPU_EV_VS_SOFT | CPU_EV_IRQ_LINE | CPU_EV_VCPU_KICK | CPU_EV_CONSOLE;
    cpu_handle_events(&cpus[2]);
    assert_int_equal(fake.ack_ipi_n, 1);
    assert_int_equal(fake.console_events_n, 1); /* its VM's output */
    assert_int_equal(fake.raise_soft_n, 1);
    assert_ptr_equal(fake.raise_soft[0], &vcpus[0]);
    assert_int_equal(fake.sync_irq_line_n, 1);
    assert_ptr_equal(fake.sync_irq_line_vcpu, &vcpus[0]);
    assert_int_equal(vcpus[0].state, VCPU_STARTED); /* a kick changes none */
    assert_int_equal(cpus[2].events, 0);
    /* Handled: the next look finds nothing. */
    cpu_handle_events(&cpus[2]);
    assert_int_equal(fake.raise_soft_n, 1);
    assert_int_equal(fake.sync_irq_line_n, 1);
    assert_int_equal(fake.console_events_n, 1);
}

static void a_stop_event_stops_a_running_vcpu(void **state)
{
    (void)state;
    vcpus[0].state = VCPU_SUSPENDED;
    cpus[2].events = CPU_EV_VCPU_STOP;
    cpu_handle_events(&cpus[2]);
    assert_int_equal(vcpus[0].state, VCPU_STOPPED);
    /* Stopped as by itself: its pending interrupts are dropped. */
    assert_int_equal(fake.clear_irqs_n, 1);
    assert_ptr_equal(fake.clear_irqs_vcpu, &vcpus[0]);
}

static void a_stop_event_cancels_a_pending_start(void **state)
{
    (void)state;
    vcpus[1].state = VCPU_START_PENDING;
    cpus[3].events = CPU_EV_VCPU_STOP;
    fake.current_hart = 3;
    cpu_handle_events(&cpus[3]);
    assert_int_equal(vcpus[1].state, VCPU_STOPPED);
    assert_int_equal(fake.clear_irqs_n, 0); /* it never ran */
    /* A stopped one stays as it is. */
    cpus[3].events = CPU_EV_VCPU_STOP;
    cpu_handle_events(&cpus[3]);
    assert_int_equal(vcpus[1].state, VCPU_STOPPED);
    assert_int_equal(fake.clear_irqs_n, 0);
}

static void a_hart_without_vcpu_drops_its_events(void **state)
{
    (void)state;
    fake.current_hart = 5;
    cpus[5].events = CPU_EV_VS_SOFT | CPU_EV_VCPU_STOP | CPU_EV_IRQ_LINE;
    cpu_handle_events(&cpus[5]);
    assert_int_equal(cpus[5].events, 0);
    assert_int_equal(fake.ack_ipi_n, 1);
    assert_int_equal(fake.raise_soft_n + fake.sync_irq_line_n, 0);
    assert_int_equal(fake.clear_irqs_n, 0);
}

/* ---- Fences --------------------------------------------------------------*/

static void outstanding_requests_take_one_local_fence(void **state)
{
    (void)state;
    cpu_serve_fences(&cpus[2]);
    assert_int_equal(fake.fence_local_n, 0); /* nothing asked */
    cpus[2].fence_req[0] = 1;
    cpus[2].fence_req[6] = 3;
    cpu_serve_fences(&cpus[2]);
    assert_int_equal(fake.fence_local_n, 1);
    assert_int_equal(cpus[2].fence_ack[0], 1);
    assert_int_equal(cpus[2].fence_ack[6], 3);
    cpu_serve_fences(&cpus[2]);
    assert_int_equal(fake.fence_local_n, 1); /* all answered already */
}

/* The target hart, when interrupted: it serves its requests at once. */
static void target_serves(unsigned hart)
{
    cpu_serve_fences(&cpus[hart]);
}

static void a_remote_fence_waits_for_the_target(void **state)
{
    (void)state;
    fake.on_ipi = target_serves;
    cpu_fence_remote(6);
    assert_int_equal(fake.ipi_n, 1);
    assert_int_equal(fake.ipi[0], 6);
    /* Hart 2's first request to hart 6, answered by one fence there. */
    assert_int_equal(cpus[6].fence_req[2], 1);
    assert_int_equal(cpus[6].fence_ack[2], 1);
    assert_int_equal(fake.fence_local_n, 1);
    cpu_fence_remote(6);
    assert_int_equal(cpus[6].fence_ack[2], 2);
    assert_int_equal(fake.fence_local_n, 2);
}

/*
 * Harts 2 and 3 fence each other at the same time, hart 3 on a thread of
 * its own: neither can finish unless each answers the other's request
 * while it waits for its own answer (else both spin until the test times
 * out). A hart whose own fence is done first answers the other's request
 * afterwards, as its event handling does on the IPI.
 */
static void answer_until(struct cpu *self, volatile unsigned long *ack)
{
    while (!__atomic_load_n(ack, __ATOMIC_ACQUIRE))
        cpu_serve_fences(self);
}

static void *hart3_fences_hart2(void *arg)
{
    (void)arg;
    fake_thread_is_hart(3);
    cpu_fence_remote(2);
    answer_until(&cpus[3], &cpus[3].fence_ack[2]);
    return NULL;
}

static void harts_fencing_each_other_both_finish(void **state)
{
    pthread_t other;

    (void)state;
    assert_int_equal(pthread_create(&other, NULL, hart3_fences_hart2, NULL), 0);
    /* Wait until hart 3 has asked: it then waits for hart 2's answer. */
    while (__atomic_load_n(&cpus[2].fence_req[3], __ATOMIC_ACQUIRE) == 0)
        ;
    cpu_fence_remote(3);
    answer_until(&cpus[2], &cpus[2].fence_ack[3]);
    assert_int_equal(pthread_join(other, NULL), 0);
    assert_int_equal(cpus[3].fence_ack[2], 1);
    assert_int_equal(cpus[2].fence_ack[3], 1);
    /* Each hart fenced once, for the other. */
    assert_int_equal(fake.fence_local_n, 2);
}

/* ---- The wait loop and the idle loop -------------------------------------*/

static unsigned done_calls, done_after;

static bool done_on_third_look(struct cpu *cpu)
{
    assert_ptr_equal(cpu, &cpus[2]);
    return ++done_calls >= done_after;
}

static void the_wait_loop_serves_everything_until_done(void **state)
{
    (void)state;
    done_calls = 0;
    done_after = 3;
    vcpus[0].state = VCPU_STARTED;
    cpus[2].events = CPU_EV_VS_SOFT;
    cpus[2].fence_req[4] = 1;
    cpu_wait_until(&cpus[2], done_on_third_look);
    assert_int_equal(done_calls, 3);
    /* Interrupts and events looked at before each look, sleeping between. */
    assert_int_equal(fake.poll_n, 3);
    assert_int_equal(fake.ack_ipi_n, 3);
    assert_int_equal(fake.wfi_n, 2);
    assert_int_equal(fake.raise_soft_n, 1);
    assert_int_equal(cpus[2].fence_ack[4], 1);
}

static void the_wait_loop_checks_before_sleeping(void **state)
{
    (void)state;
    done_calls = 0;
    done_after = 1;
    cpu_wait_until(&cpus[2], done_on_third_look);
    assert_int_equal(fake.poll_n, 1);
    assert_int_equal(fake.wfi_n, 0);
}

/* Another hart starts `starting` while this one sleeps, on the `n`th sleep. */
static struct vcpu *starting;
static unsigned start_on_wfi;
static uint64_t start_entry, start_arg;

static void start_on_sleep(unsigned n)
{
    if (n == start_on_wfi)
        assert_int_equal(vcpu_start(starting, start_entry, start_arg), 0);
}

static void start_while_asleep(struct vcpu *vcpu, unsigned on_wfi,
                               uint64_t entry, uint64_t arg)
{
    starting = vcpu;
    start_on_wfi = on_wfi;
    start_entry = entry;
    start_arg = arg;
    fake.on_wfi = start_on_sleep;
}

static void idle_starts_the_vcpu_once_start_pending(void **state)
{
    (void)state;
    start_while_asleep(&vcpus[0], 2, 0x80200000, 0xfee);
    EXPECT_NORETURN(cpu_idle(&cpus[2]));
    assert_int_equal(fake.wfi_n, 2);
    /* The start asked the hart to look (a kick) ... */
    assert_int_equal(fake.ipi_n, 1);
    assert_int_equal(fake.ipi[0], 2);
    /* ... and it entered the vCPU: a0 = its id, a1 = the argument. */
    assert_int_equal(fake.reset_n, 1);
    assert_ptr_equal(fake.reset.vcpu, &vcpus[0]);
    assert_int_equal(fake.reset.entry, 0x80200000);
    assert_int_equal(fake.reset.a0, 0);
    assert_int_equal(fake.reset.a1, 0xfee);
    assert_int_equal(vcpus[0].state, VCPU_STARTED);
    assert_int_equal(fake.run_n, 1);
    assert_ptr_equal(fake.run_vcpu, &vcpus[0]);
}

/* Stopped before its hart got to it: the next start is the one that runs. */
static void idle_skips_a_start_cancelled_by_a_stop(void **state)
{
    (void)state;
    fake.current_hart = 3;
    vcpus[1].state = VCPU_START_PENDING;
    vcpus[1].start_addr = 0xdead0000;
    cpus[3].events = CPU_EV_VCPU_STOP;
    start_while_asleep(&vcpus[1], 1, 0x80400000, 7);
    EXPECT_NORETURN(cpu_idle(&cpus[3]));
    assert_int_equal(fake.wfi_n, 1);
    assert_int_equal(fake.reset_n, 1);
    assert_ptr_equal(fake.reset.vcpu, &vcpus[1]);
    assert_int_equal(fake.reset.entry, 0x80400000);
    assert_int_equal(fake.reset.a0, 1);
    assert_int_equal(fake.reset.a1, 7);
    assert_ptr_equal(fake.run_vcpu, &vcpus[1]);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(posting_sets_the_bit_and_interrupts_the_hart),
        T(handling_acts_on_each_event_once),
        T(a_stop_event_stops_a_running_vcpu),
        T(a_stop_event_cancels_a_pending_start),
        T(a_hart_without_vcpu_drops_its_events),
        T(outstanding_requests_take_one_local_fence),
        T(a_remote_fence_waits_for_the_target),
        T(harts_fencing_each_other_both_finish),
        T(the_wait_loop_serves_everything_until_done),
        T(the_wait_loop_checks_before_sleeping),
        T(idle_starts_the_vcpu_once_start_pending),
        T(idle_skips_a_start_cancelled_by_a_stop),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
