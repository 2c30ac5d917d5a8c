/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CSR numbers and fields used by the hypervisor.
 * References: RISC-V Privileged Architecture 20211203, chapters 4 (S-mode)
 * and 8 (H extension); Sstc extension.
 */
#ifndef ARCH_CSR_H
#define ARCH_CSR_H

#include <stdint.h>

/* Supervisor CSRs (priv. spec 4.1). */
#define CSR_SSTATUS 0x100
#define CSR_SIE 0x104
#define CSR_STVEC 0x105
#define CSR_SSCRATCH 0x140
#define CSR_SEPC 0x141
#define CSR_SCAUSE 0x142
#define CSR_STVAL 0x143
#define CSR_SIP 0x144
/* Not banked for VS-mode (priv. spec 8.2): with V = 1 they are the VM's,
 * for its VU-mode, and the hypervisor resets them at each vCPU start. */
#define CSR_SCOUNTEREN 0x106
#define CSR_SENVCFG 0x10a
#define CSR_STIMECMP 0x14d /* Sstc */
#define CSR_SATP 0x180
/* AIA 2.3 (Smaia/Ssaia): the supervisor's indirect window onto its
 * interrupt file, and its top external interrupt. */
#define CSR_SISELECT 0x150
#define CSR_SIREG 0x151
#define CSR_STOPEI 0x15c

/* Unprivileged counter (priv. spec 2.2): the timebase. */
#define CSR_TIME 0xc01

/* Hypervisor CSRs (priv. spec 8.2). */
#define CSR_HSTATUS 0x600
#define CSR_HEDELEG 0x602
#define CSR_HIDELEG 0x603
#define CSR_HIE 0x604
#define CSR_HTIMEDELTA 0x605
#define CSR_HCOUNTEREN 0x606
#define CSR_HGEIE 0x607
#define CSR_HENVCFG 0x60a
#define CSR_HTVAL 0x643
#define CSR_HIP 0x644
#define CSR_HVIP 0x645
#define CSR_HTINST 0x64a
#define CSR_HGATP 0x680

/* Virtual supervisor CSRs (priv. spec 8.2.11-8.2.18). */
#define CSR_VSSTATUS 0x200
#define CSR_VSIE 0x204
#define CSR_VSISELECT 0x250 /* Ssaia */
#define CSR_VSIREG 0x251    /* Ssaia */
#define CSR_VSTVEC 0x205
#define CSR_VSSCRATCH 0x240
#define CSR_VSEPC 0x241
#define CSR_VSCAUSE 0x242
#define CSR_VSTVAL 0x243
#define CSR_VSIP 0x244
#define CSR_VSTIMECMP 0x24d /* Sstc */
#define CSR_VSATP 0x280

/* hcounteren, scounteren: cycle, time and instret readable by the mode
 * below (priv. spec 4.1.5, 8.2.6), as OpenSBI hands a supervisor its
 * scounteren. */
#define COUNTEREN_CY_TM_IR 0x7UL

/* sstatus fields (priv. spec 4.1.1). */
#define SSTATUS_SIE (1UL << 1)
#define SSTATUS_SPIE (1UL << 5)
#define SSTATUS_SPP (1UL << 8)
#define SSTATUS_SUM (1UL << 18)
#define SSTATUS_MXR (1UL << 19)
/* FS (bits 14:13) and VS (bits 10:9): Off 0, Initial 1, Clean 2, Dirty 3
 * (priv. spec 4.1.1.6, "Extension Context Status"). */
#define SSTATUS_VS_MASK (3UL << 9)
#define SSTATUS_VS_INITIAL (1UL << 9)
#define SSTATUS_FS_MASK (3UL << 13)
#define SSTATUS_FS_INITIAL (1UL << 13)

/* hstatus fields (priv. spec 8.2.1). */
#define HSTATUS_GVA (1UL << 6)
#define HSTATUS_SPV (1UL << 7)
#define HSTATUS_SPVP (1UL << 8)
#define HSTATUS_VTW (1UL << 21)
/* The guest interrupt file VS-level external interrupts come from
 * (priv. spec 8.2.1; 0: none). */
#define HSTATUS_VGEIN_SHIFT 12
#define HSTATUS_VGEIN_MASK (0x3fUL << HSTATUS_VGEIN_SHIFT)
#define HSTATUS_VSXL_SHIFT 32
#define HSTATUS_VSXL_64 (2UL << HSTATUS_VSXL_SHIFT)

/* Interrupt numbers (priv. spec 4.1.3 and 8.2.4). */
#define IRQ_S_SOFT 1
#define IRQ_VS_SOFT 2
#define IRQ_S_TIMER 5
#define IRQ_VS_TIMER 6
#define IRQ_S_EXT 9
#define IRQ_VS_EXT 10
#define IRQ_S_GEXT 12

#define MIP_SSIP (1UL << IRQ_S_SOFT)
#define MIP_VSSIP (1UL << IRQ_VS_SOFT)
#define MIP_STIP (1UL << IRQ_S_TIMER)
#define MIP_VSTIP (1UL << IRQ_VS_TIMER)
#define MIP_SEIP (1UL << IRQ_S_EXT)
#define MIP_VSEIP (1UL << IRQ_VS_EXT)
#define VS_INTERRUPTS (MIP_VSSIP | MIP_VSTIP | MIP_VSEIP)

/* scause (priv. spec 4.1.9, table 8.6 for the H-extension causes). */
#define CAUSE_INTERRUPT (1UL << 63)
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL_INSTRUCTION 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_USER_ECALL 8
#define CAUSE_SUPERVISOR_ECALL 9
#define CAUSE_VIRTUAL_SUPERVISOR_ECALL 10
#define CAUSE_FETCH_PAGE_FAULT 12
#define CAUSE_LOAD_PAGE_FAULT 13
#define CAUSE_STORE_PAGE_FAULT 15
#define CAUSE_FETCH_GUEST_PAGE_FAULT 20
#define CAUSE_LOAD_GUEST_PAGE_FAULT 21
#define CAUSE_VIRTUAL_INSTRUCTION 22
#define CAUSE_STORE_GUEST_PAGE_FAULT 23

/* satp / hgatp modes (priv. spec 4.1.11, 8.2.10). */
#define SATP_MODE_SV39 (8UL << 60)
#define HGATP_MODE_SV39X4 (8UL << 60)
#define HGATP_VMID_SHIFT 44
#define HGATP_VMID_MASK (0x3fffUL << HGATP_VMID_SHIFT)

/* henvcfg (priv. spec 8.2.5; Sstc adds STCE in bit 63). */
#define HENVCFG_STCE (1UL << 63)

/* Expand the CSR macro to its number so the assembler needs no names. */
#define CSR_STR_(x) #x
#define CSR_STR(x) CSR_STR_(x)

#ifdef CSR_FAKE
/*
 * Host unit tests of arch code that reads and writes CSRs: they are an
 * array there (tests/unit/fakes/fake_csr.c), the thin seam that lets the
 * routing and fault logic be tested without a hart.
 */
unsigned long fake_csr_read(unsigned csr);
void fake_csr_write(unsigned csr, unsigned long val);
#define csr_read(csr) fake_csr_read(csr)
#define csr_write(csr, val) fake_csr_write(csr, (unsigned long)(val))
#define csr_set(csr, val) csr_write(csr, csr_read(csr) | (unsigned long)(val))
#define csr_clear(csr, val)                                                    \
    csr_write(csr, csr_read(csr) & ~(unsigned long)(val))
unsigned long fake_csr_swap(unsigned csr, unsigned long val);
#define csr_swap(csr, val) fake_csr_swap(csr, (unsigned long)(val))
#else
#define csr_read(csr)                                                          \
    ({                                                                         \
        unsigned long v_;                                                      \
        __asm__ volatile("csrr %0, " CSR_STR(csr) : "=r"(v_) : : "memory");    \
        v_;                                                                    \
    })

#define csr_write(csr, val)                                                    \
    ({                                                                         \
        unsigned long v_ = (unsigned long)(val);                               \
        __asm__ volatile("csrw " CSR_STR(csr) ", %0" : : "rK"(v_) : "memory"); \
    })

#define csr_set(csr, val)                                                      \
    ({                                                                         \
        unsigned long v_ = (unsigned long)(val);                               \
        __asm__ volatile("csrs " CSR_STR(csr) ", %0" : : "rK"(v_) : "memory"); \
    })

#define csr_clear(csr, val)                                                    \
    ({                                                                         \
        unsigned long v_ = (unsigned long)(val);                               \
        __asm__ volatile("csrc " CSR_STR(csr) ", %0" : : "rK"(v_) : "memory"); \
    })

#define csr_swap(csr, val)                                                     \
    ({                                                                         \
        unsigned long v_ = (unsigned long)(val);                               \
        __asm__ volatile("csrrw %0, " CSR_STR(csr) ", %1"                      \
                         : "=r"(v_)                                            \
                         : "rK"(v_)                                            \
                         : "memory");                                          \
        v_;                                                                    \
    })
#endif

#endif
