/* SPDX-License-Identifier: Apache-2.0 */
/* TIME extension (SBI spec chapter 6). */
#include <arch/guest_timer.h>
#include <arch/sbi.h>

static struct sbi_result time_call(struct vcpu *vcpu, unsigned long fid,
                                   const unsigned long *args)
{
    if (fid != SBI_TIME_SET_TIMER)
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    guest_timer_set(vcpu, args[0]);
    return sbi_ok(0);
}

const struct sbi_extension sbi_ext_time = {
    .eid = SBI_EXT_TIME, .name = "time", .handler = time_call};
