/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SRST extension (SBI spec chapter 10). The "system" a guest resets is its
 * own VM: shutdown stops that VM only, a reboot restarts it from its image.
 */
#include <arch/sbi.h>
#include <vm.h>
#include <vm_lifecycle.h>

static bool reason_is_valid(unsigned long reason)
{
    return reason == SBI_SRST_REASON_NONE ||
           reason == SBI_SRST_REASON_SYSTEM_FAILURE ||
           (reason >= SBI_SRST_REASON_SBI_FIRST && reason <= 0xffffffffUL);
}

static struct sbi_ret srst_call(struct vcpu *vcpu, unsigned long fid,
                                const unsigned long *args)
{
    unsigned long type = args[0];
    const char *why;

    if (fid != SBI_SRST_SYSTEM_RESET)
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    if (type >= SBI_SRST_TYPE_VENDOR_FIRST && type <= 0xffffffffUL)
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    if (type > SBI_SRST_TYPE_WARM_REBOOT || !reason_is_valid(args[1]))
        return sbi_err(SBI_ERR_INVALID_PARAM);
    why = args[1] == SBI_SRST_REASON_SYSTEM_FAILURE ? "guest reports failure"
                                                    : "guest request";
    if (type == SBI_SRST_TYPE_SHUTDOWN)
        vm_shutdown(vcpu->vm, vcpu, why);
    vm_restart(vcpu->vm, vcpu, why);
}

const struct sbi_extension sbi_ext_srst = {
    .eid = SBI_EXT_SRST, .name = "srst", .handler = srst_call};
