/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fault policy (src/core/vm_fault.c): a bad access is reported, at
 * most FAULT_LOG_BURST times a second per VM, and then the VM's policy
 * decides: the guest takes the fault, or the VM stops, or it restarts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"
#include <core/fault_log.h>
#include <core/platform.h>
#include <core/vm.h>
#include <core/vm_fault.h>

#define TIMEBASE 1000

static struct vm_config cfg;
static struct vcpu vcpus[2];
static uint64_t clock; /* fake.now, kept across fake_reset() */

static const struct vm_bad_access store_outside = {
    .access = VM_ACCESS_STORE,
    .gpa = 0x40000000,
    .pc = 0x80001234,
    .reason = "outside its memory",
    .guest_can_take = true,
};

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(&cfg, 0, sizeof(cfg));
    memset(vms, 0, sizeof(vms));
    vms[1].id = 1;
    vms[1].cfg = &cfg;
    vms[1].vcpus = vcpus;
    vms[1].vcpu_num = 2;
    for (unsigned i = 0; i < 2; i++) {
        vcpus[i].vm = &vms[1];
        vcpus[i].id = i;
    }
    machine.timebase_hz = TIMEBASE;
    /* A later second each test, so the rate limit starts afresh. */
    clock += 10 * TIMEBASE;
    fake.now = clock;
    return 0;
}

static void the_guest_takes_the_fault_by_default(void **state)
{
    (void)state;
    assert_int_equal(vm_fault_bad_access(&vcpus[1], &store_outside),
                     VCPU_RESUME);
    assert_int_equal(fake.printk_n, 1);
    assert_string_equal(fake.printk_last,
                        "[baobab] warning: VM 1 vCPU 1: store at 0x40000000 "
                        "outside its memory (pc 0x80001234)\n");
    assert_int_equal(fake.shutdown_n + fake.restart_n, 0);
}

static void no_trap_vector_stops_the_vm(void **state)
{
    struct vm_bad_access a = store_outside;

    (void)state;
    a.guest_can_take = false;
    assert_int_equal(vm_fault_bad_access(&vcpus[0], &a), VCPU_IDLE);
    assert_int_equal(fake.shutdown_n, 1);
    assert_ptr_equal(fake.shutdown.self, &vcpus[0]);
    assert_non_null(strstr(fake.shutdown.why, "no trap vector"));
}

static void policy_stop_and_restart(void **state)
{
    (void)state;
    cfg.fault_policy = VM_FAULT_STOP;
    assert_int_equal(vm_fault_bad_access(&vcpus[0], &store_outside), VCPU_IDLE);
    assert_int_equal(fake.shutdown_n, 1);
    assert_string_equal(fake.shutdown.why, "fault policy: stop");
    cfg.fault_policy = VM_FAULT_RESTART;
    assert_int_equal(vm_fault_bad_access(&vcpus[1], &store_outside), VCPU_IDLE);
    assert_int_equal(fake.restart_n, 1);
    assert_ptr_equal(fake.restart.vm, &vms[1]);
    assert_string_equal(fake.restart.why, "fault policy: restart");
    /* Reported either way. */
    assert_int_equal(fake.printk_n, 2);
}

static void reports_are_rate_limited(void **state)
{
    (void)state;
    for (unsigned i = 0; i < FAULT_LOG_BURST + 5; i++)
        vm_fault_bad_access(&vcpus[0], &store_outside);
    assert_int_equal(fake.printk_n, FAULT_LOG_BURST);
    /* The next second says how many were left out. */
    fake.now += TIMEBASE;
    vm_fault_bad_access(&vcpus[0], &store_outside);
    assert_int_equal(fake.printk_n, FAULT_LOG_BURST + 2);
}

static void unexpected_trap_shuts_the_vm_down(void **state)
{
    (void)state;
    assert_int_equal(vm_fault_unexpected(&vcpus[1], 3, 0x80000010, 0x99),
                     VCPU_IDLE);
    assert_string_equal(fake.printk_last,
                        "[baobab] error: VM 1 vCPU 1: unexpected exception 3 "
                        "at pc 0x80000010 (tval 0x99)\n");
    assert_int_equal(fake.shutdown_n, 1);
    assert_string_equal(fake.shutdown.why, "unexpected exception");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(the_guest_takes_the_fault_by_default, setup),
        cmocka_unit_test_setup(no_trap_vector_stops_the_vm, setup),
        cmocka_unit_test_setup(policy_stop_and_restart, setup),
        cmocka_unit_test_setup(reports_are_rate_limited, setup),
        cmocka_unit_test_setup(unexpected_trap_shuts_the_vm_down, setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
