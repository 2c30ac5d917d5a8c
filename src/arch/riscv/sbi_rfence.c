/* SPDX-License-Identifier: Apache-2.0 */
/*
 * RFENCE extension (SBI spec chapter 8). A guest's sfence.vma becomes an
 * hfence.vvma on the target harts, which run only this VM. Every request is
 * served with a full fence.i plus a flush of the VM's guest TLB entries:
 * flushing more than asked is always allowed, and it keeps the cross-hart
 * protocol free of per-request arguments.
 */
#include <arch/sbi.h>
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/vm.h>

static struct sbi_result rfence_call(struct vcpu *vcpu, unsigned long fid,
                                     const unsigned long *args)
{
    unsigned long targets;
    long err;

    /* The guest has no H extension, so the HFENCE functions do not exist. */
    if (fid > SBI_RFENCE_SFENCE_VMA_ASID)
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    err = sbi_hart_mask_to_vcpus(vcpu, args[0], args[1], &targets);
    if (err)
        return sbi_err(err);
    for (unsigned i = 0; i < vcpu->vm->vcpu_num; i++) {
        if (!(targets & (1UL << i)))
            continue;
        if (&vcpu->vm->vcpus[i] == vcpu)
            arch_fence_local();
        else
            cpu_fence_remote(vcpu->vm->vcpus[i].hart);
    }
    return sbi_ok(0);
}

const struct sbi_extension sbi_ext_rfence = {
    .eid = SBI_EXT_RFENCE, .name = "rfence", .handler = rfence_call};
