/* SPDX-License-Identifier: Apache-2.0 */
/* SBI numbers (RISC-V SBI specification v2.0). Pure definitions. */
#ifndef ARCH_SBI_DEFS_H
#define ARCH_SBI_DEFS_H

/* Standard error codes (SBI spec 3.2, table 1). */
#define SBI_SUCCESS 0
#define SBI_ERR_FAILED -1
#define SBI_ERR_NOT_SUPPORTED -2
#define SBI_ERR_INVALID_PARAM -3
#define SBI_ERR_DENIED -4
#define SBI_ERR_INVALID_ADDRESS -5
#define SBI_ERR_ALREADY_AVAILABLE -6
#define SBI_ERR_ALREADY_STARTED -7
#define SBI_ERR_ALREADY_STOPPED -8

/* Extension ids. */
#define SBI_EXT_LEGACY_SET_TIMER 0x00
#define SBI_EXT_LEGACY_PUTCHAR 0x01
#define SBI_EXT_LEGACY_GETCHAR 0x02
#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494d45   /* "TIME" */
#define SBI_EXT_IPI 0x735049      /* "sPI" */
#define SBI_EXT_RFENCE 0x52464e43 /* "RFNC" */
#define SBI_EXT_HSM 0x48534d      /* "HSM" */
#define SBI_EXT_SRST 0x53525354   /* "SRST" */
#define SBI_EXT_DBCN 0x4442434e   /* "DBCN" */
/* Bao's hypercall extension, in the firmware-specific EID space (3.3). */
#define SBI_EXT_BAO_HYPERCALL 0x08000ba0

/* BASE function ids (chapter 4). */
#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_GET_IMPL_ID 1
#define SBI_BASE_GET_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXTENSION 3
#define SBI_BASE_GET_MVENDORID 4
#define SBI_BASE_GET_MARCHID 5
#define SBI_BASE_GET_MIMPID 6

/* The spec version we implement: major in bits 30:24, minor in 23:0. */
#define SBI_SPEC_VERSION_MAJOR_SHIFT 24
#define SBI_SPEC_VERSION(major, minor)                                         \
    (((unsigned long)(major) << SBI_SPEC_VERSION_MAJOR_SHIFT) | (minor))

/* TIME, IPI (chapters 6, 7). */
#define SBI_TIME_SET_TIMER 0
#define SBI_IPI_SEND_IPI 0

/* RFENCE (chapter 8). */
#define SBI_RFENCE_FENCE_I 0
#define SBI_RFENCE_SFENCE_VMA 1
#define SBI_RFENCE_SFENCE_VMA_ASID 2
#define SBI_RFENCE_HFENCE_GVMA_VMID 3
#define SBI_RFENCE_HFENCE_VVMA 6

/* HSM (chapter 9). */
#define SBI_HSM_HART_START 0
#define SBI_HSM_HART_STOP 1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_HART_SUSPEND 3
#define SBI_HSM_SUSPEND_RETENTIVE 0x00000000UL
#define SBI_HSM_SUSPEND_NON_RETENTIVE 0x80000000UL

/* SRST (chapter 10). */
#define SBI_SRST_SYSTEM_RESET 0
#define SBI_SRST_TYPE_SHUTDOWN 0
#define SBI_SRST_TYPE_COLD_REBOOT 1
#define SBI_SRST_TYPE_WARM_REBOOT 2
#define SBI_SRST_REASON_NONE 0
#define SBI_SRST_REASON_SYSTEM_FAILURE 1

/* DBCN (chapter 12). */
#define SBI_DBCN_WRITE 0
#define SBI_DBCN_READ 1
#define SBI_DBCN_WRITE_BYTE 2

/* Hart mask base meaning "all harts" (3.1). */
#define SBI_HART_MASK_BASE_ALL (-1UL)

struct sbi_ret {
    long error;
    long value;
};

#endif
