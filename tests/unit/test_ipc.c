/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inter-VM communication (src/core/ipc.c): which windows are mapped where,
 * which interrupts are registered, and what IPC notify raises in whom.
 * Three VMs: VM 0 and VM 1 share shmem 0 (and VM 0 maps it twice), VM 2
 * has only shmem 1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"
#include <core/ipc.h>
#include <core/vm.h>

static irqid_t irqs0a[] = {52, 53};
static irqid_t irqs0b[] = {60};
static irqid_t irqs1[] = {52, 54, 55};
static irqid_t irqs2[] = {52};

static struct ipc ipcs0[] = {
    {.base = 0xf0000000,
     .size = 0x10000,
     .shmem_id = 0,
     .interrupt_num = 2,
     .interrupts = irqs0a},
    {.base = 0xf1000000,
     .size = 0x2000,
     .shmem_id = 0,
     .interrupt_num = 1,
     .interrupts = irqs0b},
};
static struct ipc ipcs1[] = {
    {.base = 0xe0000000,
     .size = 0x10000,
     .shmem_id = 0,
     .interrupt_num = 3,
     .interrupts = irqs1},
};
static struct ipc ipcs2[] = {
    {.base = 0xf0000000,
     .size = 0x1000,
     .shmem_id = 1,
     .interrupt_num = 1,
     .interrupts = irqs2},
};
static struct ipc ipcs_coloured[] = {
    {.base = 0xd0000000, .size = 0x4000, .shmem_id = 2},
};
static struct vm_config cfgs[3];

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    memset(cfgs, 0, sizeof(cfgs));
    cfgs[0].platform = (struct vm_platform){.ipc_num = 2, .ipcs = ipcs0};
    cfgs[1].platform = (struct vm_platform){.ipc_num = 1, .ipcs = ipcs1};
    cfgs[2].platform = (struct vm_platform){.ipc_num = 1, .ipcs = ipcs2};
    for (unsigned i = 0; i < 3; i++) {
        vms[i].id = i;
        vms[i].cfg = &cfgs[i];
        vms[i].state = VM_RUNNING;
    }
    vm_count = 3;
    return 0;
}

static void assert_triggered(unsigned n, ...)
{
    va_list ap;

    assert_int_equal(fake.trigger_n, n);
    va_start(ap, n);
    for (unsigned i = 0; i < n; i++) {
        unsigned vm = va_arg(ap, unsigned);
        unsigned id = va_arg(ap, unsigned);

        assert_ptr_equal(fake.trigger[i].vm, &vms[vm]);
        assert_int_equal(fake.trigger[i].id, id);
    }
    va_end(ap);
}

static void test_windows_are_mapped_data_only(void **state)
{
    (void)state;
    assert_int_equal(ipc_vm_init(&vms[0]), 0);
    assert_int_equal(fake.map_n, 2);
    /* Each window onto its object (shmem_phys of the fake), RW, not X. */
    assert_int_equal(fake.map[0].gpa, 0xf0000000);
    assert_int_equal(fake.map[0].hpa, 0x100000000);
    assert_int_equal(fake.map[0].size, 0x10000);
    assert_int_equal(fake.map[1].gpa, 0xf1000000);
    assert_int_equal(fake.map[1].hpa, 0x100000000);
    assert_int_equal(fake.map[1].size, 0x2000);
    for (unsigned i = 0; i < 2; i++) {
        assert_true(fake.map[i].writable);
        assert_false(fake.map[i].executable);
    }
    assert_int_equal(ipc_vm_init(&vms[2]), 0);
    assert_int_equal(fake.map[2].hpa, 0x101000000);
}

static void test_a_coloured_object_is_mapped_page_by_page(void **state)
{
    /* Colours 1 and 3 of 4: pages 1 and 3 of each block of 4. */
    static const uint64_t want[] = {0x102001000, 0x102003000, 0x102005000,
                                    0x102007000};

    (void)state;
    cfgs[2].platform =
        (struct vm_platform){.ipc_num = 1, .ipcs = ipcs_coloured};
    assert_int_equal(ipc_vm_init(&vms[2]), 0);
    assert_int_equal(fake.map_n, 4);
    for (unsigned i = 0; i < 4; i++) {
        assert_int_equal(fake.map[i].gpa, 0xd0000000 + i * 0x1000);
        assert_int_equal(fake.map[i].hpa, want[i]);
        assert_int_equal(fake.map[i].size, 0x1000);
        assert_true(fake.map[i].writable);
        assert_false(fake.map[i].executable);
    }
}

static void test_interrupts_are_virtual_sources(void **state)
{
    (void)state;
    assert_int_equal(ipc_vm_init(&vms[0]), 0);
    assert_int_equal(fake.add_virtual_n, 3);
    assert_int_equal(fake.add_virtual[0].id, 52);
    assert_int_equal(fake.add_virtual[1].id, 53);
    assert_int_equal(fake.add_virtual[2].id, 60);
}

static void test_mapping_failure_is_reported(void **state)
{
    (void)state;
    fake.map_fails = -1;
    assert_int_equal(ipc_vm_init(&vms[1]), -1);
    assert_non_null(strstr(fake.printk_last, "VM 1: ipcs[0]"));
}

static void test_notify_raises_the_event_in_the_peers(void **state)
{
    (void)state;
    /* VM 1 event 0 on shmem 0: VM 0's windows onto shmem 0 get their
     * interrupt 0; VM 2 (other object) and VM 1 itself nothing. */
    assert_int_equal(ipc_notify(&vms[1], 0, 0), 0);
    assert_triggered(2, 0, 52, 0, 60);
    fake_reset();
    /* Event 1: only VM 0's first window has a second interrupt. */
    assert_int_equal(ipc_notify(&vms[1], 0, 1), 0);
    assert_triggered(1, 0, 53);
    fake_reset();
    /* Event 2 exists for VM 1 but no peer has it: nothing raised, no error. */
    assert_int_equal(ipc_notify(&vms[1], 0, 2), 0);
    assert_triggered(0);
    fake_reset();
    /* From VM 0's second window: VM 1 gets its interrupt 0. */
    assert_int_equal(ipc_notify(&vms[0], 1, 0), 0);
    assert_triggered(1, 1, 52);
}

static void test_bad_index_or_event_is_refused_and_raises_nothing(void **state)
{
    (void)state;
    assert_int_equal(ipc_notify(&vms[0], 2, 0), -1); /* no ipcs[2] */
    assert_int_equal(ipc_notify(&vms[0], ~0UL, 0), -1);
    assert_int_equal(ipc_notify(&vms[0], 1, 1), -1); /* one interrupt */
    assert_int_equal(ipc_notify(&vms[2], 0, 1), -1);
    assert_int_equal(ipc_notify(&vms[1], 0, ~0UL), -1);
    assert_triggered(0);
}

static void test_vm_without_the_object_cannot_reach_it(void **state)
{
    (void)state;
    /* VM 2 notifying its only window reaches no one: nobody else maps
     * shmem 1. */
    assert_int_equal(ipc_notify(&vms[2], 0, 0), 0);
    assert_triggered(0);
}

static void test_stopped_vms_are_not_raised(void **state)
{
    (void)state;
    vms[0].state = VM_SHUTDOWN;
    assert_int_equal(ipc_notify(&vms[1], 0, 0), 0);
    assert_triggered(0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup(name, setup)
    const struct CMUnitTest tests[] = {
        T(test_windows_are_mapped_data_only),
        T(test_a_coloured_object_is_mapped_page_by_page),
        T(test_interrupts_are_virtual_sources),
        T(test_mapping_failure_is_reported),
        T(test_notify_raises_the_event_in_the_peers),
        T(test_bad_index_or_event_is_refused_and_raises_nothing),
        T(test_vm_without_the_object_cannot_reach_it),
        T(test_stopped_vms_are_not_raised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
