/* SPDX-License-Identifier: Apache-2.0 */
/* SBI calls used by the guest (SBI specification v2.0). */
#ifndef BAREMETAL_SBI_H
#define BAREMETAL_SBI_H

#include <stdint.h>

/* Standard return value of every non-legacy SBI call (spec ch. 3). */
struct sbiret {
    long error;
    long value;
};

/* Standard SBI error codes (spec table "Standard SBI Errors"). */
#define SBI_SUCCESS 0
#define SBI_ERR_FAILED (-1)
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_DENIED (-4)
#define SBI_ERR_INVALID_ADDRESS (-5)
#define SBI_ERR_ALREADY_AVAILABLE (-6)

/* Extension IDs. */
#define SBI_EXT_LEGACY_CONSOLE_PUTCHAR 0x01 /* legacy, ch. 5 */
#define SBI_EXT_BASE 0x10                   /* ch. 4 */
#define SBI_EXT_TIME 0x54494D45             /* "TIME", ch. 6 */
#define SBI_EXT_IPI 0x735049                /* "sPI", ch. 7 */
#define SBI_EXT_HSM 0x48534D                /* "HSM", ch. 9 */
#define SBI_EXT_SRST 0x53525354             /* "SRST", ch. 10 */
#define SBI_EXT_DBCN 0x4442434E             /* "DBCN", ch. 12 */

/* BASE function IDs. */
#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_GET_IMPL_ID 1
#define SBI_BASE_GET_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXTENSION 3

/* get_spec_version: major in bits [30:24], minor in bits [23:0]. */
#define SBI_SPEC_MAJOR(v) (((unsigned long)(v) >> 24) & 0x7f)
#define SBI_SPEC_MINOR(v) ((unsigned long)(v)&0xffffff)

#define SBI_TIME_SET_TIMER 0
#define SBI_IPI_SEND_IPI 0

/* HSM function IDs and hart states. */
#define SBI_HSM_HART_START 0
#define SBI_HSM_HART_STOP 1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_HART_SUSPEND 3

#define SBI_HSM_STATE_STARTED 0
#define SBI_HSM_STATE_STOPPED 1
#define SBI_HSM_STATE_START_PENDING 2
#define SBI_HSM_STATE_STOP_PENDING 3
#define SBI_HSM_STATE_SUSPENDED 4

/* Default suspend types (spec 9.4). */
#define SBI_HSM_SUSPEND_RETENTIVE 0x00000000UL
#define SBI_HSM_SUSPEND_NON_RETENTIVE 0x80000000UL

/* SRST system_reset types and reasons. */
#define SBI_SRST_SYSTEM_RESET 0
#define SBI_SRST_TYPE_SHUTDOWN 0
#define SBI_SRST_TYPE_COLD_REBOOT 1
#define SBI_SRST_REASON_NONE 0

#define SBI_DBCN_CONSOLE_WRITE 0

struct sbiret sbi_ecall(unsigned long eid, unsigned long fid, unsigned long a0,
                        unsigned long a1, unsigned long a2);

struct sbiret sbi_get_spec_version(void);
struct sbiret sbi_get_impl_id(void);
struct sbiret sbi_get_impl_version(void);
struct sbiret sbi_probe_extension(long eid);

struct sbiret sbi_set_timer(uint64_t stime_value);
struct sbiret sbi_send_ipi(unsigned long hart_mask,
                           unsigned long hart_mask_base);

/*
 * What the last hart_start asked of each hart. OpenSBI v1.1 can release a
 * hart before it records the start address, sending it to _start instead;
 * start.S then takes the entry and opaque from here.
 */
struct hart_start_mailbox {
    unsigned long entry;  /* offset 0, read by start.S */
    unsigned long opaque; /* offset 8 */
};
extern struct hart_start_mailbox hart_start_mailbox[];

struct sbiret sbi_hart_start(unsigned long hartid, unsigned long start_addr,
                             unsigned long opaque);
struct sbiret sbi_hart_stop(void);
struct sbiret sbi_hart_get_status(unsigned long hartid);
struct sbiret sbi_hart_suspend(uint32_t suspend_type, unsigned long resume_addr,
                               unsigned long opaque);

struct sbiret sbi_system_reset(uint32_t reset_type, uint32_t reset_reason);

struct sbiret sbi_debug_console_write(unsigned long num_bytes,
                                      unsigned long base_addr_lo,
                                      unsigned long base_addr_hi);
long sbi_legacy_console_putchar(int ch);

#endif
