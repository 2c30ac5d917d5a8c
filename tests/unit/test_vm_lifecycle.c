/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shutting down and restarting one VM (src/core/vm_lifecycle.c) with the
 * real vcpu.c, vm.c and irq.c. VM 0 has three vCPUs on harts 1-3, VM 1 one
 * on hart 4. The fake cpu_serve_fences() lets the harts a stop event was
 * posted to stop their vCPU, as they would while the caller waits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <core/cpu.h>
#include <core/vcpu.h>
#include <core/vm.h>
#include <core/vm_lifecycle.h>

#define ENTRY 0x80000000UL
#define DTB_GPA 0x8fff0000UL
#define UART_IRQ 10
#define DISK_IRQ 8

static irqid_t disk_irq[] = {DISK_IRQ};
static struct vm_dev_region disk = {.pa = 0x10001000,
                                    .va = 0x10001000,
                                    .size = 0x1000,
                                    .interrupt_num = 1,
                                    .interrupts = disk_irq};
static struct vm_config cfg0, cfg1;
static struct vcpu vcpus0[3], vcpus1[1];

static void add_vm(struct vm *vm, unsigned id, struct vm_config *cfg,
                   struct vcpu *vcpus, unsigned n, unsigned first_hart)
{
    vm->id = id;
    vm->cfg = cfg;
    vm->vcpus = vcpus;
    vm->vcpu_num = n;
    vm->state = VM_RUNNING;
    for (unsigned i = 0; i < n; i++) {
        vcpus[i] = (struct vcpu){
            .vm = vm, .id = i, .hart = first_hart + i, .state = VCPU_STARTED};
        cpus[first_hart + i].vcpu = &vcpus[i];
    }
}

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    cfg0 = (struct vm_config){.entry = ENTRY,
                              .platform = {.dev_num = 1, .devs = &disk}};
    cfg1 = (struct vm_config){.entry = ENTRY};
    add_vm(&vms[0], 0, &cfg0, vcpus0, 3, 1);
    add_vm(&vms[1], 1, &cfg1, vcpus1, 1, 4);
    vm_count = 2;
    /* What vm_build left: vCPU 0's boot argument, the UART's source. */
    vcpus0[0].start_arg = DTB_GPA;
    vms[0].boot_arg = DTB_GPA;
    vms[0].virq_num = 1;
    vms[0].virqs[0].id = UART_IRQ;
    return 0;
}

/* The call made on `self`'s hart. */
static struct vcpu *on(struct vcpu *self)
{
    fake.current_hart = self->hart;
    return self;
}

static void assert_stop_posted_to(const unsigned *harts, unsigned n)
{
    unsigned stops = 0;

    for (unsigned i = 0; i < fake.events_n; i++) {
        if (fake.events[i].event != CPU_EV_VCPU_STOP)
            continue;
        assert_true(stops < n);
        assert_int_equal(fake.events[i].hart, harts[stops]);
        stops++;
    }
    assert_int_equal(stops, n);
}

/* The VM is down: its controller and UART reset, its sources given back. */
static void assert_quiesced(struct vm *vm)
{
    assert_int_equal(fake.reset_irqs_n, 1);
    assert_ptr_equal(fake.reset_irqs_vm, vm);
    assert_int_equal(fake.add_virtual_n, 1);
    assert_int_equal(fake.add_virtual[0].id, UART_IRQ);
    assert_int_equal(fake.route_n, 1);
    assert_int_equal(fake.route[0].id, DISK_IRQ);
    assert_int_equal(fake.uart_reset_n, 1);
    assert_ptr_equal(fake.uart_reset_vm, vm);
}

static void shutdown_stops_only_that_vm(void **state)
{
    static const unsigned others[] = {1, 3};

    (void)state;
    vm_shutdown(&vms[0], on(&vcpus0[1]), "guest asked");
    assert_int_equal(vms[0].state, VM_SHUTDOWN);
    /* Its buffered output went out before the lines saying it is down. */
    assert_ptr_equal(fake.console_flushed, &vms[0]);
    assert_stop_posted_to(others, 2);
    assert_int_equal(fake.events_n, 2);
    assert_true(fake.serve_fences_n >= 1); /* it waited for them */
    for (unsigned i = 0; i < 3; i++)
        assert_int_equal(vcpus0[i].state, VCPU_STOPPED);
    /* The caller stopped itself: its pending interrupts are dropped. */
    assert_int_equal(fake.clear_irqs_n, 1);
    assert_ptr_equal(fake.clear_irqs_vcpu, &vcpus0[1]);
    assert_quiesced(&vms[0]);
    assert_string_equal(fake.printk_all,
                        "[baobab] VM 0: 0 device interrupts came through the "
                        "hypervisor\n"
                        "[baobab] VM 0: 0 traps to the hypervisor (0 "
                        "interrupts, 0 calls, 0 accesses, 0 other)\n"
                        "[baobab] VM 0 shut down (guest asked)\n");
    /* VM 1 runs on. */
    assert_int_equal(fake.system_off_n, 0);
    assert_int_equal(vms[1].state, VM_RUNNING);
    assert_int_equal(vcpus1[0].state, VCPU_STARTED);
}

static void shutdown_does_not_wait_for_stopped_vcpus(void **state)
{
    (void)state;
    vcpus0[0].state = VCPU_STOPPED;
    vcpus0[2].state = VCPU_STOPPED;
    vm_shutdown(&vms[0], on(&vcpus0[1]), "guest asked");
    assert_int_equal(fake.serve_fences_n, 0);
    assert_int_equal(vcpus0[1].state, VCPU_STOPPED);
}

static void the_last_vm_down_powers_off(void **state)
{
    (void)state;
    vms[1].state = VM_SHUTDOWN;
    EXPECT_NORETURN(vm_shutdown(&vms[0], on(&vcpus0[0]), "guest asked"));
    assert_int_equal(fake.system_off_n, 1);
    assert_string_equal(fake.printk_all,
                        "[baobab] VM 0: 0 device interrupts came through the "
                        "hypervisor\n"
                        "[baobab] VM 0: 0 traps to the hypervisor (0 "
                        "interrupts, 0 calls, 0 accesses, 0 other)\n"
                        "[baobab] VM 0 shut down (guest asked)\n"
                        "[baobab] no VM left running: powering off\n");
}

/*
 * Another VM shutting down while this one waits for its vCPUs to stop must
 * not find every VM shut down and power off under it: until its vCPUs
 * have stopped, it is down but not shut down.
 */
static bool all_down_while_waiting;
static void look_while_waiting(void)
{
    all_down_while_waiting |= vm_all_shut_down();
}

static void a_vm_stopping_its_vcpus_is_not_yet_shut_down(void **state)
{
    (void)state;
    vms[1].state = VM_SHUTDOWN;
    all_down_while_waiting = false;
    fake.while_waiting = look_while_waiting;
    EXPECT_NORETURN(vm_shutdown(&vms[0], on(&vcpus0[1]), "guest asked"));
    assert_true(fake.serve_fences_n >= 1);
    assert_false(all_down_while_waiting);
    /* Once they have, it is, and the machine powers off after it says so. */
    assert_string_equal(fake.printk_all,
                        "[baobab] VM 0: 0 device interrupts came through the "
                        "hypervisor\n"
                        "[baobab] VM 0: 0 traps to the hypervisor (0 "
                        "interrupts, 0 calls, 0 accesses, 0 other)\n"
                        "[baobab] VM 0 shut down (guest asked)\n"
                        "[baobab] no VM left running: powering off\n");
}

/*
 * The VM says it is shut down before it counts as shut down: a VM shutting
 * down beside it cannot power the machine off before the line is out.
 */
static int state_when_said = -1;
static void note_state(void)
{
    if (state_when_said < 0)
        state_when_said = vms[0].state;
}

static void a_vm_says_it_is_down_before_it_counts(void **state)
{
    (void)state;
    vms[1].state = VM_RUNNING;
    state_when_said = -1;
    fake.while_printing = note_state;
    vm_shutdown(&vms[0], on(&vcpus0[0]), "guest asked");
    assert_int_equal(state_when_said, VM_STOPPING);
    assert_int_equal(vms[0].state, VM_SHUTDOWN);
    assert_int_equal(fake.system_off_n, 0);
}

/* A restarting VM runs again soon: the machine stays on. */
static void a_restarting_vm_keeps_the_machine_on(void **state)
{
    (void)state;
    vms[1].state = VM_RESTARTING;
    vm_shutdown(&vms[0], on(&vcpus0[0]), "guest asked");
    assert_int_equal(fake.system_off_n, 0);
}

/* Another vCPU of the VM got there first: this one just stops. */
static void a_vcpu_racing_a_shutdown_just_stops(void **state)
{
    (void)state;
    vms[0].state = VM_SHUTDOWN;
    vm_shutdown(&vms[0], on(&vcpus0[2]), "guest asked");
    assert_int_equal(vcpus0[2].state, VCPU_STOPPED);
    assert_int_equal(fake.clear_irqs_n, 1);
    assert_int_equal(fake.events_n, 0);
    assert_int_equal(fake.reset_irqs_n + fake.uart_reset_n, 0);
    assert_int_equal(fake.printk_n, 0);
    /* The same against a restart under way. */
    vms[0].state = VM_RESTARTING;
    vm_restart(&vms[0], on(&vcpus0[1]), "guest asked");
    assert_int_equal(vcpus0[1].state, VCPU_STOPPED);
    assert_int_equal(fake.events_n, 0);
    assert_int_equal(fake.load_image_n, 0);
    assert_int_equal(vms[0].state, VM_RESTARTING);
}

static void restart_reloads_and_starts_vcpu0(void **state)
{
    static const unsigned others[] = {1, 2};

    (void)state;
    vm_restart(&vms[0], on(&vcpus0[2]), "fault policy: restart");
    assert_stop_posted_to(others, 2);
    assert_quiesced(&vms[0]);
    assert_int_equal(fake.load_image_n, 1);
    assert_ptr_equal(fake.load_image_vm, &vms[0]);
    assert_int_equal(vms[0].state, VM_RUNNING);
    assert_int_equal(vcpus0[2].state, VCPU_STOPPED);
    assert_int_equal(vcpus0[1].state, VCPU_STOPPED);
    /* vCPU 0 boots at the entry with its device tree, kicked last. */
    assert_int_equal(vcpus0[0].state, VCPU_START_PENDING);
    assert_int_equal(vcpus0[0].start_addr, ENTRY);
    assert_int_equal(vcpus0[0].start_arg, DTB_GPA);
    assert_int_equal(fake.events_n, 3);
    assert_int_equal(fake.events[2].hart, 1);
    assert_int_equal(fake.events[2].event, CPU_EV_VCPU_KICK);
    assert_string_equal(fake.printk_all,
                        "[baobab] VM 0 restarting (fault policy: restart)\n");
    assert_int_equal(fake.system_off_n, 0);
}

/* vCPU 0 restarting its own VM is stopped, then started from idle. */
static void restart_from_vcpu0_restarts_itself(void **state)
{
    (void)state;
    vm_restart(&vms[0], on(&vcpus0[0]), "guest asked");
    assert_int_equal(fake.clear_irqs_n, 1);
    assert_ptr_equal(fake.clear_irqs_vcpu, &vcpus0[0]);
    assert_int_equal(vcpus0[0].state, VCPU_START_PENDING);
    assert_int_equal(fake.events[fake.events_n - 1].hart, 1);
    assert_int_equal(fake.events[fake.events_n - 1].event, CPU_EV_VCPU_KICK);
    assert_int_equal(fake.load_image_n, 1);
}

static void an_inplace_image_refuses_reboot(void **state)
{
    (void)state;
    cfg0.image.inplace = true;
    vm_restart(&vms[0], on(&vcpus0[1]), "guest asked");
    assert_int_equal(fake.load_image_n, 0);
    assert_int_equal(vms[0].state, VM_SHUTDOWN);
    for (unsigned i = 0; i < 3; i++)
        assert_int_equal(vcpus0[i].state, VCPU_STOPPED);
    for (unsigned i = 0; i < fake.events_n; i++)
        assert_int_not_equal(fake.events[i].event, CPU_EV_VCPU_KICK);
    assert_string_equal(fake.printk_all,
                        "[baobab] error: VM 0: reboot refused: its image is in "
                        "place and cannot be restored\n"
                        "[baobab] VM 0: 0 device interrupts came through the "
                        "hypervisor\n"
                        "[baobab] VM 0: 0 traps to the hypervisor (0 "
                        "interrupts, 0 calls, 0 accesses, 0 other)\n"
                        "[baobab] VM 0 shut down (reboot of an inplace "
                        "image)\n");
    assert_int_equal(fake.system_off_n, 0);
}

static void an_inplace_image_refused_last_powers_off(void **state)
{
    (void)state;
    cfg0.image.inplace = true;
    vms[1].state = VM_SHUTDOWN;
    EXPECT_NORETURN(vm_restart(&vms[0], on(&vcpus0[1]), "guest asked"));
    assert_int_equal(fake.system_off_n, 1);
    assert_int_equal(fake.load_image_n, 0);
}

/* The traps of every vCPU, by kind, summed over the VM. */
static void shutdown_says_what_the_vcpus_trapped_for(void **state)
{
    (void)state;
    vcpus0[0].traps[VCPU_TRAP_INTERRUPT] = 5;
    vcpus0[1].traps[VCPU_TRAP_INTERRUPT] = 2;
    vcpus0[1].traps[VCPU_TRAP_CALL] = 40;
    vcpus0[2].traps[VCPU_TRAP_ACCESS] = 9;
    vcpus0[2].traps[VCPU_TRAP_OTHER] = 1;
    vcpus1[0].traps[VCPU_TRAP_CALL] = 1000; /* another VM's */
    vm_shutdown(&vms[0], on(&vcpus0[1]), "guest asked");
    assert_non_null(strstr(fake.printk_all,
                           "[baobab] VM 0: 57 traps to the hypervisor (7 "
                           "interrupts, 40 calls, 9 accesses, 1 other)\n"
                           "[baobab] VM 0 shut down (guest asked)\n"));
}

/*
 * vCPU 0 once (re)started by HSM hart_start with an opaque value: a later
 * reboot still hands it its device tree in a1 (issue 13, finding 2).
 */
static void a_reboot_hands_vcpu0_its_tree_not_an_old_opaque(void **state)
{
    (void)state;
    vcpus0[0].start_arg = 0xdead0000; /* what hart_start(0, ..) left */
    vm_restart(&vms[0], on(&vcpus0[2]), "guest request");
    assert_int_equal(vcpus0[0].state, VCPU_START_PENDING);
    assert_int_equal(vcpus0[0].start_arg, DTB_GPA);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(shutdown_stops_only_that_vm),
        T(shutdown_does_not_wait_for_stopped_vcpus),
        T(shutdown_says_what_the_vcpus_trapped_for),
        T(the_last_vm_down_powers_off),
        T(a_vm_stopping_its_vcpus_is_not_yet_shut_down),
        T(a_vm_says_it_is_down_before_it_counts),
        T(a_restarting_vm_keeps_the_machine_on),
        T(a_vcpu_racing_a_shutdown_just_stops),
        T(restart_reloads_and_starts_vcpu0),
        T(a_reboot_hands_vcpu0_its_tree_not_an_old_opaque),
        T(restart_from_vcpu0_restarts_itself),
        T(an_inplace_image_refuses_reboot),
        T(an_inplace_image_refused_last_powers_off),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
