/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/firmware.h>

struct sbi_ret fw_ecall(unsigned long eid, unsigned long fid, unsigned long a0,
                        unsigned long a1, unsigned long a2)
{
    register unsigned long r0 __asm__("a0") = a0;
    register unsigned long r1 __asm__("a1") = a1;
    register unsigned long r2 __asm__("a2") = a2;
    register unsigned long r6 __asm__("a6") = fid;
    register unsigned long r7 __asm__("a7") = eid;
    struct sbi_ret ret;

    __asm__ volatile("ecall"
                     : "+r"(r0), "+r"(r1)
                     : "r"(r2), "r"(r6), "r"(r7)
                     : "memory");
    ret.error = (long)r0;
    ret.value = (long)r1;
    return ret;
}

long fw_probe_extension(unsigned long eid)
{
    struct sbi_ret r =
        fw_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, eid, 0, 0);
    return r.error ? 0 : r.value;
}

long fw_base_value(unsigned long fid)
{
    struct sbi_ret r = fw_ecall(SBI_EXT_BASE, fid, 0, 0, 0);
    return r.error ? 0 : r.value;
}

long fw_hart_start(unsigned long hartid, unsigned long addr,
                   unsigned long opaque)
{
    return fw_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, addr, opaque)
        .error;
}

long fw_send_ipi(unsigned long hart_mask, unsigned long base)
{
    return fw_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, hart_mask, base, 0).error;
}

void fw_set_timer(uint64_t deadline)
{
    fw_ecall(SBI_EXT_TIME, SBI_TIME_SET_TIMER, deadline, 0, 0);
}

void fw_system_reset(unsigned long type, unsigned long reason)
{
    fw_ecall(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, type, reason, 0);
}

void fw_putchar(int c)
{
    fw_ecall(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned long)c, 0, 0);
}
