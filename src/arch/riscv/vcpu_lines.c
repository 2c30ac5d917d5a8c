/* SPDX-License-Identifier: Apache-2.0 */
/* vCPUs' external interrupt lines from their VM's model (vcpu_lines.h). */
#include <arch/csr.h>
#include <arch/vcpu_lines.h>
#include <core/cpu.h>
#include <core/vm.h>

static void set_vseip(bool up)
{
    if (up)
        csr_set(CSR_HVIP, MIP_VSEIP);
    else
        csr_clear(CSR_HVIP, MIP_VSEIP);
}

void vcpu_lines_notify(struct vm *vm, struct vcpu_lines lines)
{
    uint32_t changed = lines.changed;
    unsigned self;

    if (!changed)
        return;
    self = cpu_self()->hartid;
    for (unsigned i = 0; changed; i++, changed >>= 1) {
        if (!(changed & 1))
            continue;
        /* A remote target recomputes the line itself, so a later change
         * that brings it back is never lost. */
        if (vm->vcpus[i].hart == self)
            set_vseip((lines.up >> i) & 1);
        else
            cpu_post_event(vm->vcpus[i].hart, CPU_EV_IRQ_LINE);
    }
}

void vcpu_line_set(struct vcpu *vcpu, bool up)
{
    struct vm *vm = vcpu->vm;

    if (up)
        vm->arch.lines_up |= 1U << vcpu->id;
    else
        vm->arch.lines_up &= ~(1U << vcpu->id);
    set_vseip(up);
}
