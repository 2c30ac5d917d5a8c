/* SPDX-License-Identifier: Apache-2.0 */
/* BASE extension (SBI spec chapter 4). */
#include <arch/sbi.h>
#include <core/platform.h>

static struct sbi_result base_call(struct vcpu *vcpu, unsigned long fid,
                                   const unsigned long *args)
{
    (void)vcpu;
    switch (fid) {
    case SBI_BASE_GET_SPEC_VERSION:
        return sbi_ok((long)SBI_SPEC_VERSION(2, 0));
    case SBI_BASE_GET_IMPL_ID:
        return sbi_ok((long)SBI_IMPL_ID_BAOBAB);
    case SBI_BASE_GET_IMPL_VERSION:
        return sbi_ok((long)SBI_IMPL_VERSION_BAOBAB);
    case SBI_BASE_PROBE_EXTENSION:
        return sbi_ok(sbi_find_extension(args[0]) != NULL);
    case SBI_BASE_GET_MVENDORID:
        return sbi_ok((long)machine.mvendorid);
    case SBI_BASE_GET_MARCHID:
        return sbi_ok((long)machine.marchid);
    case SBI_BASE_GET_MIMPID:
        return sbi_ok((long)machine.mimpid);
    default:
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    }
}

const struct sbi_extension sbi_ext_base = {
    .eid = SBI_EXT_BASE, .name = "base", .handler = base_call};
