/* SPDX-License-Identifier: Apache-2.0 */
/* IPI extension (SBI spec chapter 7): only between vCPUs of one VM. */
#include <arch/sbi.h>
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/vm.h>

static struct sbi_result ipi_call(struct vcpu *vcpu, unsigned long fid,
                                  const unsigned long *args)
{
    unsigned long targets;
    long err;

    if (fid != SBI_IPI_SEND_IPI)
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    err = sbi_hart_mask_to_vcpus(vcpu, args[0], args[1], &targets);
    if (err)
        return sbi_err(err);
    for (unsigned i = 0; i < vcpu->vm->vcpu_num; i++) {
        struct vcpu *target = &vcpu->vm->vcpus[i];

        if (!(targets & (1UL << i)))
            continue;
        if (target == vcpu)
            arch_vcpu_raise_soft(vcpu);
        else
            cpu_post_event(target->hart, CPU_EV_VS_SOFT);
    }
    return sbi_ok(0);
}

const struct sbi_extension sbi_ext_ipi = {
    .eid = SBI_EXT_IPI, .name = "ipi", .handler = ipi_call};
