/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Legacy console extensions (SBI spec chapter 5, v0.1): one value returned
 * in a0, -1 from getchar when there is no input.
 */
#include <arch/sbi.h>
#include <core/console.h>
#include <core/vm.h>

static struct sbi_result legacy_putchar(struct vcpu *vcpu, unsigned long fid,
                                        const unsigned long *args)
{
    (void)fid;
    console_vm_putc(vcpu->vm, (char)args[0]);
    return sbi_ok(0);
}

static struct sbi_result legacy_getchar(struct vcpu *vcpu, unsigned long fid,
                                        const unsigned long *args)
{
    (void)fid;
    (void)args;
    return sbi_ok(console_vm_getc(vcpu->vm));
}

const struct sbi_extension sbi_ext_legacy_putchar = {.eid =
                                                         SBI_EXT_LEGACY_PUTCHAR,
                                                     .name = "legacy putchar",
                                                     .legacy = true,
                                                     .handler = legacy_putchar};

const struct sbi_extension sbi_ext_legacy_getchar = {.eid =
                                                         SBI_EXT_LEGACY_GETCHAR,
                                                     .name = "legacy getchar",
                                                     .legacy = true,
                                                     .handler = legacy_getchar};
