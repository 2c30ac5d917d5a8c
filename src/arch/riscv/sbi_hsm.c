/* SPDX-License-Identifier: Apache-2.0 */
/* HSM extension (SBI spec chapter 9) over the VM's virtual harts. */
#include <arch/sbi.h>
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/vcpu.h>
#include <core/vm.h>

/* The smallest instruction the entry point must hold (a compressed one). */
#define MIN_INSN_LEN 2

static struct sbi_result hart_start(struct vcpu *vcpu,
                                    const unsigned long *args)
{
    struct vcpu *target = vm_vcpu(vcpu->vm, args[0]);

    if (!target)
        return sbi_err(SBI_ERR_INVALID_PARAM);
    if (!vm_gpa_is_ram(vcpu->vm, args[1], MIN_INSN_LEN))
        return sbi_err(SBI_ERR_INVALID_ADDRESS);
    switch (vcpu_start(target, args[1], args[2])) {
    case VCPU_START_OK:
        return sbi_ok(0);
    case VCPU_START_NOT_STOPPED:
        return sbi_err(SBI_ERR_ALREADY_AVAILABLE);
    default:
        return sbi_err(SBI_ERR_FAILED);
    }
}

static struct sbi_result hart_get_status(struct vcpu *vcpu,
                                         const unsigned long *args)
{
    struct vcpu *target = vm_vcpu(vcpu->vm, args[0]);

    if (!target)
        return sbi_err(SBI_ERR_INVALID_PARAM);
    return sbi_ok(vcpu_status(target));
}

/*
 * Suspend types (SBI spec 9.4): only the two defaults are implemented. A
 * reserved type, or a platform-specific one we do not implement, is
 * SBI_ERR_INVALID_PARAM (table "HSM Hart Suspend Errors").
 */
static bool suspend_type_is_implemented(uint32_t type)
{
    return type == SBI_HSM_SUSPEND_RETENTIVE ||
           type == SBI_HSM_SUSPEND_NON_RETENTIVE;
}

static struct sbi_result hart_suspend(struct vcpu *vcpu,
                                      const unsigned long *args)
{
    uint32_t type = sbi_arg32(args[0]);
    unsigned long resume_addr = args[1], opaque = args[2];

    if (!suspend_type_is_implemented(type))
        return sbi_err(SBI_ERR_INVALID_PARAM);
    if (type == SBI_HSM_SUSPEND_NON_RETENTIVE &&
        !vm_gpa_is_ram(vcpu->vm, resume_addr, MIN_INSN_LEN))
        return sbi_err(SBI_ERR_INVALID_ADDRESS);
    if (vcpu_suspend(vcpu) == VCPU_IDLE)
        return sbi_vcpu_left();
    if (type == SBI_HSM_SUSPEND_RETENTIVE)
        return sbi_ok(0);
    /* The interrupt that woke the vCPU must still be there to take. */
    arch_vcpu_resume_at(vcpu, resume_addr, vcpu->id, opaque);
    return sbi_resumed();
}

static struct sbi_result hsm_call(struct vcpu *vcpu, unsigned long fid,
                                  const unsigned long *args)
{
    switch (fid) {
    case SBI_HSM_HART_START:
        return hart_start(vcpu, args);
    case SBI_HSM_HART_STOP:
        vcpu_stop_self(vcpu);
        return sbi_vcpu_left();
    case SBI_HSM_HART_GET_STATUS:
        return hart_get_status(vcpu, args);
    case SBI_HSM_HART_SUSPEND:
        return hart_suspend(vcpu, args);
    default:
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    }
}

const struct sbi_extension sbi_ext_hsm = {
    .eid = SBI_EXT_HSM, .name = "hsm", .handler = hsm_call};
