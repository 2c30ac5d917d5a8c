/* SPDX-License-Identifier: Apache-2.0 */
#include "sbi.h"
#include "config.h"

/*
 * SBI calling convention (spec ch. 3): EID in a7, FID in a6, arguments in
 * a0..a5; the SBI implementation returns error in a0 and value in a1 and
 * preserves every other register.
 */
struct sbiret sbi_ecall(unsigned long eid, unsigned long fid, unsigned long a0,
                        unsigned long a1, unsigned long a2)
{
    register unsigned long r_a0 asm("a0") = a0;
    register unsigned long r_a1 asm("a1") = a1;
    register unsigned long r_a2 asm("a2") = a2;
    register unsigned long r_a6 asm("a6") = fid;
    register unsigned long r_a7 asm("a7") = eid;

    asm volatile("ecall"
                 : "+r"(r_a0), "+r"(r_a1)
                 : "r"(r_a2), "r"(r_a6), "r"(r_a7)
                 : "memory");
    return (struct sbiret){.error = (long)r_a0, .value = (long)r_a1};
}

struct sbiret sbi_get_spec_version(void)
{
    return sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0);
}

struct sbiret sbi_get_impl_id(void)
{
    return sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, 0, 0, 0);
}

struct sbiret sbi_get_impl_version(void)
{
    return sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION, 0, 0, 0);
}

struct sbiret sbi_probe_extension(long eid)
{
    return sbi_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, (unsigned long)eid,
                     0, 0);
}

/* Also clears a pending supervisor timer interrupt (spec 6.1). */
struct sbiret sbi_set_timer(uint64_t stime_value)
{
    return sbi_ecall(SBI_EXT_TIME, SBI_TIME_SET_TIMER, stime_value, 0, 0);
}

struct sbiret sbi_send_ipi(unsigned long hart_mask,
                           unsigned long hart_mask_base)
{
    return sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, hart_mask, hart_mask_base,
                     0);
}

/* The started hart enters start_addr in S-mode with a0 = hartid, a1 = opaque,
 * satp = 0 and sstatus.SIE = 0 (spec 9.1). */
struct hart_start_mailbox hart_start_mailbox[MAX_HARTS];

struct sbiret sbi_hart_start(unsigned long hartid, unsigned long start_addr,
                             unsigned long opaque)
{
    /* Published before the call for a hart the firmware releases too early
     * (start.S, released_early); relaxed order suffices for opaque because
     * the release store of entry orders it. */
    if (hartid < MAX_HARTS) {
        hart_start_mailbox[hartid].opaque = opaque;
        __atomic_store_n(&hart_start_mailbox[hartid].entry, start_addr,
                         __ATOMIC_RELEASE);
    }
    return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, start_addr,
                     opaque);
}

/* Does not return on success. */
struct sbiret sbi_hart_stop(void)
{
    return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0);
}

struct sbiret sbi_hart_get_status(unsigned long hartid)
{
    return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hartid, 0, 0);
}

/* Returns after a retentive suspend; a non-retentive one resumes at
 * resume_addr instead (spec 9.4). */
struct sbiret sbi_hart_suspend(uint32_t suspend_type, unsigned long resume_addr,
                               unsigned long opaque)
{
    return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, suspend_type,
                     resume_addr, opaque);
}

/* Does not return on success. */
struct sbiret sbi_system_reset(uint32_t reset_type, uint32_t reset_reason)
{
    return sbi_ecall(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, reset_type,
                     reset_reason, 0);
}

/* Takes the physical address of the buffer, split in lo/hi XLEN halves;
 * may write fewer bytes than asked (value = bytes written). */
struct sbiret sbi_debug_console_write(unsigned long num_bytes,
                                      unsigned long base_addr_lo,
                                      unsigned long base_addr_hi)
{
    return sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_CONSOLE_WRITE, num_bytes,
                     base_addr_lo, base_addr_hi);
}

/* Legacy extensions have no FID and return only a0 (spec 5.2). */
/* Legacy calls return 0 or a negative error in a0 (SBI spec 5). */
long sbi_legacy_console_putchar(int ch)
{
    return sbi_ecall(SBI_EXT_LEGACY_CONSOLE_PUTCHAR, 0, (unsigned long)ch, 0, 0)
        .error;
}
