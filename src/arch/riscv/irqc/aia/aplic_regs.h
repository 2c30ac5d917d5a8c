/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An APLIC interrupt domain's control region (RISC-V Advanced Interrupt
 * Architecture 1.0, chapter 4; "AIA 4.x" names its sections), for the
 * physical driver and the virtual model.
 */
#ifndef APLIC_REGS_H
#define APLIC_REGS_H

#define APLIC_REG_SIZE 4 /* AIA 4.5: naturally aligned 32-bit accesses only */

/* AIA 4.5.1 domaincfg */
#define APLIC_DOMAINCFG 0x0000
#define APLIC_DOMAINCFG_RO80 0x80000000u /* bits 31:24 read 0x80 */
#define APLIC_DOMAINCFG_IE (1u << 8)
#define APLIC_DOMAINCFG_DM (1u << 2) /* 1: MSI delivery mode */
#define APLIC_DOMAINCFG_BE (1u << 0)

/* AIA 4.5.2 sourcecfg[i] at 0x0004 + 4 * (i - 1), i = 1..1023 */
#define APLIC_SOURCECFG_BASE 0x0004
#define APLIC_SOURCECFG_D (1u << 10)
#define APLIC_SOURCECFG_SM_MASK 0x7u
#define APLIC_SM_INACTIVE 0
#define APLIC_SM_DETACHED 1
#define APLIC_SM_EDGE1 4
#define APLIC_SM_EDGE0 5
#define APLIC_SM_LEVEL1 6
#define APLIC_SM_LEVEL0 7

#ifndef __ASSEMBLY__
#include <stdbool.h>
/* Level-sensitive modes; inverted ones (asserted low / falling edge). */
static inline bool aplic_sm_is_level(unsigned sm)
{
    return sm == APLIC_SM_LEVEL1 || sm == APLIC_SM_LEVEL0;
}

static inline bool aplic_sm_is_inverted(unsigned sm)
{
    return sm == APLIC_SM_EDGE0 || sm == APLIC_SM_LEVEL0;
}
#endif

/* AIA 4.5.3-4.5.4: machine-level only; read zero in a supervisor domain */
#define APLIC_MMSIADDRCFG 0x1bc0
#define APLIC_SMSIADDRCFGH 0x1bcc

/* AIA 4.5.5-4.5.15: bit arrays of 32 words, and their by-number ports */
#define APLIC_SETIP_BASE 0x1c00
#define APLIC_SETIPNUM 0x1cdc
#define APLIC_IN_CLRIP_BASE 0x1d00
#define APLIC_CLRIPNUM 0x1ddc
#define APLIC_SETIE_BASE 0x1e00
#define APLIC_SETIENUM 0x1edc
#define APLIC_CLRIE_BASE 0x1f00
#define APLIC_CLRIENUM 0x1fdc
#define APLIC_BITS_WORDS 32
#define APLIC_SETIPNUM_LE 0x2000
#define APLIC_SETIPNUM_BE 0x2004

/* AIA 4.5.15 genmsi, 4.5.16 target[i] at 0x3004 + 4 * (i - 1) */
#define APLIC_GENMSI 0x3000
#define APLIC_GENMSI_BUSY (1u << 12)
#define APLIC_TARGET_BASE 0x3004
#define APLIC_TARGET_HART_SHIFT 18 /* Hart Index, bits 31:18 */
#define APLIC_TARGET_HART_MASK 0x3fffu
#define APLIC_TARGET_GUEST_SHIFT 12 /* Guest Index, bits 17:12 (MSI) */
#define APLIC_TARGET_GUEST_MASK 0x3fu
#define APLIC_TARGET_EIID_MASK 0x7ffu /* EIID, bits 10:0 (MSI) */
#define APLIC_TARGET_IPRIO_MASK 0xffu /* IPRIO, bits 7:0 (direct) */

/* AIA 4.8.1: one 32-byte IDC per hart index from 0x4000 (direct mode) */
#define APLIC_IDC_BASE 0x4000
#define APLIC_IDC_SIZE 32
#define APLIC_IDC_IDELIVERY 0x00
#define APLIC_IDC_IFORCE 0x04
#define APLIC_IDC_ITHRESHOLD 0x08
#define APLIC_IDC_TOPI 0x18
#define APLIC_IDC_CLAIMI 0x1c
#define APLIC_TOPI_ID_SHIFT 16 /* topi/claimi: identity in bits 25:16 */
#define APLIC_TOPI_ID_MASK 0x3ffu

#define APLIC_MAX_SOURCES 1024 /* source numbers 1..1023 */

#endif
