/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/dma.h>
#include <core/irq.h>
#include <core/vcpu.h>
#include <core/vm.h>
#include <core/vm_build.h>
#include <core/vm_lifecycle.h>
#include <core/vm_uart.h>

/* Serialises "shut down, and was it the last?": one VM powers off. */
static spinlock_t power_lock = SPINLOCK_INIT;

static void vm_set_state(struct vm *vm, int state)
{
    spin_lock(&vm->lock);
    vm->state = state;
    spin_unlock(&vm->lock);
}

/*
 * Mark the VM down (stopping) so no vCPU can be started; false if it already
 * was down. Stopping is not shut down: another VM shutting down meanwhile
 * must not power the machine off under it.
 */
static bool take_down(struct vm *vm)
{
    bool was_running;

    spin_lock(&vm->lock);
    was_running = vm->state == VM_RUNNING;
    if (was_running)
        vm->state = VM_STOPPING;
    spin_unlock(&vm->lock);
    return was_running;
}

static void stop_other_vcpus(struct vm *vm, struct vcpu *self)
{
    for (unsigned i = 0; i < vm->vcpu_num; i++) {
        if (&vm->vcpus[i] != self)
            cpu_post_event(vm->vcpus[i].hart, CPU_EV_VCPU_STOP);
    }
    for (unsigned i = 0; i < vm->vcpu_num; i++) {
        while (&vm->vcpus[i] != self &&
               vcpu_status(&vm->vcpus[i]) != VCPU_STOPPED)
            cpu_serve_fences(cpu_self());
    }
}

/* What its vCPUs trapped for over the run (its vCPUs are stopped). */
static void report_traps(const struct vm *vm)
{
    unsigned long n[VCPU_TRAP_KINDS] = {0}, all = 0;

    for (unsigned i = 0; i < vm->vcpu_num; i++) {
        for (unsigned k = 0; k < VCPU_TRAP_KINDS; k++) {
            n[k] += vm->vcpus[i].traps[k];
            all += vm->vcpus[i].traps[k];
        }
    }
    log_info("VM %u: %lu traps to the hypervisor (%lu interrupts, %lu calls, "
             "%lu accesses, %lu other)",
             vm->id, all, n[VCPU_TRAP_INTERRUPT], n[VCPU_TRAP_CALL],
             n[VCPU_TRAP_ACCESS], n[VCPU_TRAP_OTHER]);
}

/* The VM is down and its other vCPUs stopped: say so, stop the caller. */
static void vm_shutdown_stopped(struct vm *vm, struct vcpu *self,
                                const char *why)
{
    bool last;

    /* Said before it counts as shut down: the machine cannot power off
     * before the lines are out, the VM's own last ones first. */
    console_vm_flush(vm);
    irq_vm_report(vm);
    dma_vm_report(vm);
    report_traps(vm);
    log_info("VM %u shut down (%s)", vm->id, why);
    spin_lock(&power_lock);
    vm_set_state(vm, VM_SHUTDOWN);
    last = vm_all_shut_down();
    spin_unlock(&power_lock);
    if (last) {
        log_info("no VM left running: powering off");
        arch_system_off();
    }
    vcpu_stop_self(self);
}

/*
 * Take the VM down, stop its other vCPUs and give back its interrupts. Only
 * one caller gets to do this (true); any other vCPU of the VM just stops.
 */
static bool quiesce(struct vm *vm, struct vcpu *self)
{
    if (!take_down(vm)) {
        vcpu_stop_self(self);
        return false;
    }
    stop_other_vcpus(vm, self);
    arch_vm_reset_irqs(vm);
    irq_vm_restore(vm);
    vm_uart_reset(vm);
    return true;
}

void vm_shutdown(struct vm *vm, struct vcpu *self, const char *why)
{
    if (!quiesce(vm, self))
        return;
    vm_shutdown_stopped(vm, self, why);
}

void vm_restart(struct vm *vm, struct vcpu *self, const char *why)
{
    struct vcpu *boot = &vm->vcpus[0];

    if (!quiesce(vm, self))
        return;
    if (vm->cfg->image.inplace) {
        /* Its image ran in place: there is no pristine copy to restart. */
        log_error("VM %u: reboot refused: its image is in place and cannot "
                  "be restored",
                  vm->id);
        vm_shutdown_stopped(vm, self, "reboot of an inplace image");
        return;
    }
    console_vm_flush(vm); /* its last boot's lines, then the restart's */
    log_info("VM %u restarting (%s)", vm->id, why);
    vm_set_state(vm, VM_RESTARTING);
    vm_load_image(vm);
    /* Stopped first: vCPU 0 may be this very vCPU, started from idle. */
    vcpu_stop_self(self);
    vm_set_state(vm, VM_RUNNING);
    /* As at its first boot: not an opaque value a hart_start left. */
    vcpu_start(boot, vm->cfg->entry, vm->boot_arg);
}
