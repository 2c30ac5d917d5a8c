/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The RISC-V IOMMU's registers and in-memory structures (RISC-V IOMMU
 * Architecture Specification 1.0: "spec <n>" names its sections; chapter
 * 2 data structures, 3 queues, 5 registers). All little-endian.
 */
#ifndef ARCH_IOMMU_REGS_H
#define ARCH_IOMMU_REGS_H

/* spec 5: one 4 KiB page of registers. */
#define IOMMU_REGS_SIZE 0x1000
#define IOMMU_CAPABILITIES 0x000 /* 64-bit, spec 5.3 */
#define IOMMU_FCTL 0x008         /* 32-bit, spec 5.4 */
#define IOMMU_DDTP 0x010         /* 64-bit, spec 5.5 */
#define IOMMU_CQB 0x018          /* 64-bit, spec 5.6 */
#define IOMMU_CQH 0x020          /* 32-bit, spec 5.7 */
#define IOMMU_CQT 0x024          /* 32-bit, spec 5.8 */
#define IOMMU_FQB 0x028          /* 64-bit, spec 5.9 */
#define IOMMU_FQH 0x030          /* 32-bit, spec 5.10 */
#define IOMMU_FQT 0x034          /* 32-bit, spec 5.11 */
#define IOMMU_CQCSR 0x048        /* 32-bit, spec 5.15 */
#define IOMMU_FQCSR 0x04c        /* 32-bit, spec 5.16 */
#define IOMMU_IPSR 0x054         /* 32-bit, spec 5.18 */
#define IOMMU_ICVEC 0x2f8        /* 64-bit, spec 5.27 */

/* capabilities (spec 5.3). */
#define IOMMU_CAP_VERSION_MASK 0xffUL
#define IOMMU_CAP_VERSION_MAJOR(v) (((v) >> 4) & 0xf) /* 0x10: 1.0 */
#define IOMMU_CAP_SV39X4 (1UL << 17)
#define IOMMU_CAP_MSI_FLAT (1UL << 22) /* DCs are 64 bytes, not 32 */
#define IOMMU_CAP_IGS_SHIFT 28
#define IOMMU_CAP_IGS_MASK 3UL
#define IOMMU_CAP_IGS_MSI 0 /* interrupts by MSI only */

/* fctl (spec 5.4): wired interrupts, not MSIs. */
#define IOMMU_FCTL_WSI (1U << 1)

/* ddtp (spec 5.5): mode in [3:0], busy, root page number at bit 10. */
#define IOMMU_DDTP_MODE_OFF 0
#define IOMMU_DDTP_MODE_1LVL 2
#define IOMMU_DDTP_BUSY (1UL << 4)
#define IOMMU_PPN_SHIFT 10 /* ddtp, cqb, fqb: PPN at [53:10] */

/* cqb/fqb (spec 5.6, 5.9): log2(entries) - 1 in [4:0]. */
/* cqcsr/fqcsr (spec 5.15, 5.16). */
#define IOMMU_QCSR_EN (1U << 0)
#define IOMMU_QCSR_IE (1U << 1)
#define IOMMU_QCSR_MF (1U << 8) /* memory fault, W1C */
#define IOMMU_CQCSR_CMD_TO (1U << 9)
#define IOMMU_CQCSR_CMD_ILL (1U << 10)
#define IOMMU_FQCSR_OF (1U << 9) /* queue overflowed, W1C */
#define IOMMU_QCSR_ON (1U << 16)
#define IOMMU_QCSR_BUSY (1U << 17)
#define IOMMU_CQCSR_ERRORS                                                     \
    (IOMMU_QCSR_MF | IOMMU_CQCSR_CMD_TO | IOMMU_CQCSR_CMD_ILL)

/* ipsr (spec 5.18): W1C pending bits of the command, fault, performance
 * monitoring and page-request queues. */
#define IOMMU_IPSR_FIP (1U << 1)
#define IOMMU_IPSR_ALL 0xfU

/* Device context (spec 2.1.2, 2.1.3): tc, iohgatp, ta, fsc, and in the
 * extended (MSI_FLAT) format msiptp and the MSI address mask and pattern.
 * iohgatp has hgatp's layout (mode, GSCID where hgatp has the VMID, PPN). */
#define IOMMU_DC_BASE_SIZE 32
#define IOMMU_DC_EXT_SIZE 64
#define IOMMU_DC_TC 0
#define IOMMU_DC_IOHGATP 1
#define IOMMU_DC_TC_V (1UL << 0)

/* Commands (spec 3.1): 16 bytes, opcode [6:0], func3 [9:7]. */
#define IOMMU_CMD_IOTINVAL_GVMA (0x1 | 1 << 7) /* spec 3.1.1 */
#define IOMMU_CMD_IOFENCE_C 0x2                /* spec 3.1.2 */
#define IOMMU_CMD_IODIR_INVAL_DDT 0x3          /* spec 3.1.3 */
#define IOMMU_CMD_GV (1UL << 33)               /* IOTINVAL: GSCID valid */
#define IOMMU_CMD_GSCID_SHIFT 44               /* IOTINVAL */
#define IOMMU_CMD_DV (1UL << 33)               /* IODIR: DID valid */
#define IOMMU_CMD_DID_SHIFT 40                 /* IODIR */

/* Fault record (spec 3.2): 32 bytes; cause [11:0], TTYP [39:34], device
 * id [63:40] of the first doubleword, then iotval at doubleword 2. */
#define IOMMU_FAULT_RECORD_SIZE 32
#define IOMMU_FAULT_CAUSE(d0) ((unsigned)((d0)&0xfff))
#define IOMMU_FAULT_DID(d0) ((uint32_t)((d0) >> 40))
/* spec 3.2, fault causes: access faults and guest page faults by access
 * type, then the device-context ones. */
#define IOMMU_CAUSE_READ_ACCESS 5
#define IOMMU_CAUSE_WRITE_ACCESS 7
#define IOMMU_CAUSE_READ_GUEST_PAGE 21
#define IOMMU_CAUSE_WRITE_GUEST_PAGE 23
#define IOMMU_CAUSE_ALL_DISALLOWED 256
#define IOMMU_CAUSE_DDT_INVALID 258

#endif
