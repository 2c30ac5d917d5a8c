/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupt ownership (src/core/irq.c): which physical interrupts a VM
 * takes, which stay virtual, where a claimed interrupt goes, and who hears
 * a guest's completion of a virtual source.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"
#include <core/irq.h>
#include <core/vm.h>

/* Fresh for each test: irq.c keeps its owner table in static storage, so
 * every test uses interrupt ids of its own. */
static irqid_t uart_and_disk[] = {10, 8};
static irqid_t net[] = {7};
static struct vm_dev_region devs0[] = {
    {.pa = 0x10000000,
     .va = 0x10000000,
     .size = 0x100,
     .interrupt_num = 2,
     .interrupts = uart_and_disk},
};
static struct vm_dev_region devs1[] = {
    {.pa = 0x10008000,
     .va = 0x10008000,
     .size = 0x1000,
     .interrupt_num = 1,
     .interrupts = net},
};
static struct vm_config cfg0 = {.platform = {.dev_num = 1, .devs = devs0}};
static struct vm_config cfg1 = {.platform = {.dev_num = 1, .devs = devs1}};

static struct vm *completed_vm;
static unsigned completed_id, completed_n;

static void on_completed(struct vm *vm, unsigned id)
{
    completed_vm = vm;
    completed_id = id;
    completed_n++;
}

static unsigned hyp_handled;
static void hyp_handler(void)
{
    hyp_handled++;
}

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    vms[0].id = 0;
    vms[0].cfg = &cfg0;
    vms[1].id = 1;
    vms[1].cfg = &cfg1;
    vm_count = 2;
    completed_vm = NULL;
    completed_id = completed_n = 0;
    hyp_handled = 0;
    return 0;
}

static void virtual_sources_are_not_passed_through(void **state)
{
    struct vm *owner = NULL;

    (void)state;
    assert_int_equal(vm_virq_add(&vms[0], 10, on_completed), 0);
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0);
    /* The controller was told of 10 as virtual and routes only 8. */
    assert_int_equal(fake.add_virtual_n, 1);
    assert_int_equal(fake.add_virtual[0].id, 10);
    assert_int_equal(fake.route_n, 1);
    assert_ptr_equal(fake.route[0].vm, &vms[0]);
    assert_int_equal(fake.route[0].id, 8);
    assert_true(vm_virq_is_virtual(&vms[0], 10));
    assert_false(vm_virq_is_virtual(&vms[0], 8));
    assert_int_equal(irq_claimed(1, 8, &owner), IRQ_FORWARD);
    assert_ptr_equal(owner, &vms[0]);
    /* Nobody owns the physical 10: the UART's line is not wired to VM 0. */
    assert_int_equal(irq_claimed(1, 10, &owner), IRQ_MASK);
    assert_int_equal(fake.printk_n, 1);
    assert_non_null(strstr(fake.printk_last, "interrupt 10 belongs to no VM"));
}

/* Each interrupt the hypervisor claims for a VM is counted, and said at
 * its end; a VM without device interrupts says nothing. */
static void forwarded_interrupts_are_counted(void **state)
{
    struct vm *owner = NULL;

    (void)state;
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0);
    for (int i = 0; i < 3; i++)
        assert_int_equal(irq_claimed(1, 8, &owner), IRQ_FORWARD);
    irq_vm_report(&vms[0]);
    assert_string_equal(fake.printk_last, "[baobab] VM 0: 3 device "
                                          "interrupts came through the "
                                          "hypervisor\n");
    fake.printk_n = 0;
    vms[0].cfg = &(struct vm_config){0};
    irq_vm_report(&vms[0]);
    assert_int_equal(fake.printk_n, 0);
}

static void completion_reaches_the_device_that_asked(void **state)
{
    (void)state;
    assert_int_equal(vm_virq_add(&vms[0], 12, on_completed), 0);
    assert_int_equal(vm_virq_add(&vms[0], 13, NULL), 0);
    vm_virq_completed(&vms[0], 13); /* no one asked */
    assert_int_equal(completed_n, 0);
    vm_virq_completed(&vms[1], 12); /* not VM 1's */
    assert_int_equal(completed_n, 0);
    vm_virq_completed(&vms[0], 12);
    assert_int_equal(completed_n, 1);
    assert_ptr_equal(completed_vm, &vms[0]);
    assert_int_equal(completed_id, 12);
}

static void virtual_sources_are_bounded(void **state)
{
    (void)state;
    assert_int_equal(vm_virq_add(&vms[0], 0, NULL), -1);
    assert_int_equal(vm_virq_add(&vms[0], MAX_IRQS, NULL), -1);
    for (unsigned i = 0; i < MAX_VM_VIRQS; i++)
        assert_int_equal(vm_virq_add(&vms[0], 20 + i, NULL), 0);
    assert_int_equal(vm_virq_add(&vms[0], 19, NULL), -1);
    assert_int_equal(vms[0].virq_num, MAX_VM_VIRQS);
}

static void an_interrupt_has_one_owner(void **state)
{
    static irqid_t taken[] = {7};
    static struct vm_dev_region dup[] = {
        {.pa = 0x10009000,
         .size = 0x1000,
         .interrupt_num = 1,
         .interrupts = taken},
    };
    static struct vm_config cfg_dup = {.platform = {.dev_num = 1, .devs = dup}};
    struct vm *owner = NULL;

    (void)state;
    assert_int_equal(irq_vm_take_devices(&vms[1]), 0);
    vms[0].cfg = &cfg_dup;
    assert_int_equal(irq_vm_take_devices(&vms[0]), -1);
    assert_non_null(strstr(fake.printk_last, "VM 0: interrupt 7"));
    assert_int_equal(irq_claimed(0, 7, &owner), IRQ_FORWARD);
    assert_ptr_equal(owner, &vms[1]);
}

static void restore_gives_back_both_kinds(void **state)
{
    static irqid_t ids[] = {30, 31};
    static struct vm_dev_region d[] = {
        {.pa = 0x1000a000,
         .size = 0x1000,
         .interrupt_num = 2,
         .interrupts = ids},
    };
    static struct vm_config c = {.platform = {.dev_num = 1, .devs = d}};

    (void)state;
    vms[0].cfg = &c;
    assert_int_equal(vm_virq_add(&vms[0], 31, on_completed), 0);
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0);
    fake_reset();
    irq_vm_restore(&vms[0]);
    assert_int_equal(fake.add_virtual_n, 1);
    assert_int_equal(fake.add_virtual[0].id, 31);
    assert_int_equal(fake.route_n, 1);
    assert_int_equal(fake.route[0].id, 30);
}

static void the_hypervisor_keeps_its_console_interrupt(void **state)
{
    struct vm *owner = NULL;

    (void)state;
    assert_int_equal(irq_take_for_hypervisor(40, hyp_handler, false), 0);
    assert_int_equal(fake.enable_hyp_n, 1);
    assert_int_equal(fake.enable_hyp_id, 40);
    assert_int_equal(irq_claimed(2, 40, &owner), IRQ_COMPLETE);
    assert_int_equal(hyp_handled, 1);
    /* No VM can take it afterwards. */
    static irqid_t ids[] = {40};
    static struct vm_dev_region d[] = {
        {.pa = 0x1000b000,
         .size = 0x1000,
         .interrupt_num = 1,
         .interrupts = ids},
    };
    static struct vm_config c = {.platform = {.dev_num = 1, .devs = d}};
    vms[1].cfg = &c;
    assert_int_equal(irq_vm_take_devices(&vms[1]), -1);
}

/* The IOMMU's interrupt is taken after the VMs are built: one a VM was
 * given is refused, named, and left with the VM. */
static void the_hypervisor_takes_no_vms_interrupt(void **state)
{
    struct vm *owner = NULL;

    (void)state;
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0); /* 8 (and 10) */
    assert_int_equal(irq_take_for_hypervisor(8, hyp_handler, true), -1);
    assert_int_equal(fake.enable_hyp_n, 0);
    assert_non_null(strstr(fake.printk_last, "interrupt 8, which the "
                                             "hypervisor needs, is VM 0's"));
    assert_int_equal(irq_claimed(1, 8, &owner), IRQ_FORWARD);
    assert_ptr_equal(owner, &vms[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(virtual_sources_are_not_passed_through, setup),
        cmocka_unit_test_setup(the_hypervisor_takes_no_vms_interrupt, setup),
        cmocka_unit_test_setup(forwarded_interrupts_are_counted, setup),
        cmocka_unit_test_setup(completion_reaches_the_device_that_asked, setup),
        cmocka_unit_test_setup(virtual_sources_are_bounded, setup),
        cmocka_unit_test_setup(an_interrupt_has_one_owner, setup),
        cmocka_unit_test_setup(restore_gives_back_both_kinds, setup),
        cmocka_unit_test_setup(the_hypervisor_keeps_its_console_interrupt,
                               setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
