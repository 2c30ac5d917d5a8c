/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SRST extension (SBI spec chapter 10). The "system" a guest resets is its
 * own VM: shutdown stops that VM only, a reboot restarts it from its image.
 */
#include <arch/sbi.h>
#include <core/vm.h>
#include <core/vm_lifecycle.h>

/*
 * Types and reasons (SBI spec 10.1): we implement the standard ones only.
 * A reserved value, or an SBI- or vendor-specific one we do not implement,
 * is SBI_ERR_INVALID_PARAM (table "System Reset Errors").
 */
static bool type_is_implemented(uint32_t type)
{
    return type <= SBI_SRST_TYPE_WARM_REBOOT;
}

static bool reason_is_implemented(uint32_t reason)
{
    return reason == SBI_SRST_REASON_NONE ||
           reason == SBI_SRST_REASON_SYSTEM_FAILURE;
}

static struct sbi_result srst_call(struct vcpu *vcpu, unsigned long fid,
                                   const unsigned long *args)
{
    uint32_t type = sbi_arg32(args[0]);
    uint32_t reason = sbi_arg32(args[1]);
    const char *why;

    if (fid != SBI_SRST_SYSTEM_RESET)
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    if (!type_is_implemented(type) || !reason_is_implemented(reason))
        return sbi_err(SBI_ERR_INVALID_PARAM);
    why = reason == SBI_SRST_REASON_SYSTEM_FAILURE ? "guest reports failure"
                                                   : "guest request";
    if (type == SBI_SRST_TYPE_SHUTDOWN)
        vm_shutdown(vcpu->vm, vcpu, why);
    else
        vm_restart(vcpu->vm, vcpu, why);
    return sbi_vcpu_left();
}

const struct sbi_extension sbi_ext_srst = {
    .eid = SBI_EXT_SRST, .name = "srst", .handler = srst_call};
