/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Debug console extension (SBI spec chapter 12) on the shared console. The
 * buffer is guest-physical and must lie in the VM's own RAM.
 */
#include <arch/sbi.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/vm.h>
#include <lib/util.h>

/* A guest's line usually fits one chunk, so it reaches the console whole. */
#define DBCN_CHUNK 256

/* RV64 has no use for the upper half of the address (12.1). */
static bool buffer_is_valid(struct vcpu *vcpu, unsigned long len,
                            unsigned long lo, unsigned long hi)
{
    return hi == 0 && vm_gpa_is_ram(vcpu->vm, lo, len);
}

static struct sbi_result dbcn_write(struct vcpu *vcpu,
                                    const unsigned long *args)
{
    unsigned long len = args[0], gpa = args[1], done = 0;
    char chunk[DBCN_CHUNK];

    if (len == 0)
        return sbi_ok(0);
    if (!buffer_is_valid(vcpu, len, gpa, args[2]))
        return sbi_err(SBI_ERR_INVALID_PARAM);
    /* What the VM's console buffer takes: a short count when it is full
     * (SBI 12.1: a short write is no error; the caller writes the rest). */
    while (done < len) {
        unsigned long n = MIN(len - done, (unsigned long)sizeof(chunk));
        size_t taken;

        arch_guest_read(vcpu->vm, gpa + done, chunk, n);
        taken = console_vm_write(vcpu->vm, chunk, n);
        done += taken;
        if (taken != n)
            break;
    }
    return sbi_ok((long)done);
}

static struct sbi_result dbcn_read(struct vcpu *vcpu, const unsigned long *args)
{
    unsigned long len = args[0], gpa = args[1], got = 0;
    int c;

    if (len == 0)
        return sbi_ok(0);
    if (!buffer_is_valid(vcpu, len, gpa, args[2]))
        return sbi_err(SBI_ERR_INVALID_PARAM);
    while (got < len && (c = console_vm_getc(vcpu->vm)) >= 0) {
        char ch = (char)c;
        arch_guest_write(vcpu->vm, gpa + got, &ch, 1);
        got++;
    }
    return sbi_ok((long)got);
}

static struct sbi_result dbcn_call(struct vcpu *vcpu, unsigned long fid,
                                   const unsigned long *args)
{
    switch (fid) {
    case SBI_DBCN_WRITE:
        return dbcn_write(vcpu, args);
    case SBI_DBCN_READ:
        return dbcn_read(vcpu, args);
    case SBI_DBCN_WRITE_BYTE:
        console_vm_putc(vcpu->vm, (char)args[0]);
        return sbi_ok(0);
    default:
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    }
}

const struct sbi_extension sbi_ext_dbcn = {
    .eid = SBI_EXT_DBCN, .name = "dbcn", .handler = dbcn_call};
