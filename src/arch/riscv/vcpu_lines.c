/* SPDX-License-Identifier: Apache-2.0 */
/* vCPUs' external interrupt lines from their VM's model (vcpu_lines.h). */
#include <arch/csr.h>
#include <arch/vcpu_lines.h>
#include <core/cpu.h>
#include <core/vm.h>

/* Record vCPU i's line as computed now; irq_lock held. */
static bool record_line(struct vm *vm, unsigned i, vcpu_line_fn line)
{
    bool up = line(vm, i);

    if (up)
        vm->arch.lines_up |= 1U << i;
    else
        vm->arch.lines_up &= ~(1U << i);
    return up;
}

static void set_vseip(bool up)
{
    if (up)
        csr_set(CSR_HVIP, MIP_VSEIP);
    else
        csr_clear(CSR_HVIP, MIP_VSEIP);
}

void vcpu_lines_update(struct vm *vm, vcpu_line_fn line)
{
    unsigned self = cpu_self()->hartid;
    uint32_t before, changed, up;

    spin_lock(&vm->arch.irq_lock);
    before = vm->arch.lines_up;
    for (unsigned i = 0; i < vm->vcpu_num; i++)
        record_line(vm, i, line);
    up = vm->arch.lines_up;
    spin_unlock(&vm->arch.irq_lock);
    changed = before ^ up;
    for (unsigned i = 0; changed; i++, changed >>= 1) {
        if (!(changed & 1))
            continue;
        /* A remote target recomputes the line itself, so a later change
         * that brings it back is never lost. */
        if (vm->vcpus[i].hart == self)
            set_vseip((up >> i) & 1);
        else
            cpu_post_event(vm->vcpus[i].hart, CPU_EV_IRQ_LINE);
    }
}

void vcpu_line_sync(struct vcpu *vcpu, vcpu_line_fn line)
{
    struct vm *vm = vcpu->vm;
    bool up;

    spin_lock(&vm->arch.irq_lock);
    up = record_line(vm, vcpu->id, line);
    spin_unlock(&vm->arch.irq_lock);
    set_vseip(up);
}
