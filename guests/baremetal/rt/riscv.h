/* SPDX-License-Identifier: Apache-2.0 */
/* Minimal S-mode CSR and instruction helpers (RISC-V privileged spec). */
#ifndef BAREMETAL_RISCV_H
#define BAREMETAL_RISCV_H

#include <stdint.h>

/* sstatus (priv. spec "Supervisor Status Register") */
#define SSTATUS_SIE (1UL << 1)
/* FS (bits 14:13) and VS (bits 10:9): the FPU's and the vector unit's
 * state, Off, Initial, Clean or Dirty (priv. spec, "Extension Context
 * Status"). */
#define SSTATUS_VS_SHIFT 9
#define SSTATUS_FS_SHIFT 13
#define SSTATUS_XS_FIELD 3UL /* a 2-bit state field, shifted down */
#define XS_OFF 0

/* Interrupt numbers, shared by sie/sip bit positions and scause codes. */
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXT 9

#define SIE_SSIE (1UL << IRQ_S_SOFT)
#define SIE_STIE (1UL << IRQ_S_TIMER)
#define SIE_SEIE (1UL << IRQ_S_EXT)
#define SIP_SSIP (1UL << IRQ_S_SOFT)

/* scause: the top bit (XLEN-1) is set for interrupts. */
#define SCAUSE_INTERRUPT (1UL << 63)

/* Exception codes (scause with the interrupt bit clear). */
#define EXC_INST_ACCESS 1
#define EXC_ILLEGAL_INSN 2
#define EXC_BREAKPOINT 3
#define EXC_LOAD_MISALIGNED 4
#define EXC_LOAD_ACCESS 5
#define EXC_STORE_MISALIGNED 6
#define EXC_STORE_ACCESS 7
#define EXC_INST_PAGE_FAULT 12
#define EXC_LOAD_PAGE_FAULT 13
#define EXC_STORE_PAGE_FAULT 15

/* A CSR given by a macro for its number, as the instruction's text (the
 * assembler may not know the CSR's name). */
#define CSR_STR(num) #num
#define CSR_NAME(num) CSR_STR(num)

/* CSR names must be literals in the instruction, hence macros. */
#define csr_read(csr)                                                          \
    ({                                                                         \
        unsigned long v_;                                                      \
        asm volatile("csrr %0, " #csr : "=r"(v_));                             \
        v_;                                                                    \
    })
#define csr_write(csr, val)                                                    \
    asm volatile("csrw " #csr ", %0" : : "rK"(val) : "memory")
#define csr_set(csr, bits)                                                     \
    asm volatile("csrs " #csr ", %0" : : "rK"(bits) : "memory")
#define csr_clear(csr, bits)                                                   \
    asm volatile("csrc " #csr ", %0" : : "rK"(bits) : "memory")
/* Atomically clear bits and return the previous CSR value. */
#define csr_read_clear(csr, bits)                                              \
    ({                                                                         \
        unsigned long v_;                                                      \
        asm volatile("csrrc %0, " #csr ", %1"                                  \
                     : "=r"(v_)                                                \
                     : "rK"(bits)                                              \
                     : "memory");                                              \
        v_;                                                                    \
    })

/*
 * Length of the instruction at pc from its first halfword: low bits 11 mean
 * 32-bit, any other value a 16-bit compressed one (unprivileged spec, 1.5).
 */
static inline unsigned long insn_length(unsigned long pc)
{
    uint16_t low = *(const volatile uint16_t *)pc;
    return (low & 3) == 3 ? 4 : 2;
}

/* start.S keeps the hart id in tp for the whole life of the hart. */
static inline unsigned long this_hart(void)
{
    unsigned long id;
    asm("mv %0, tp" : "=r"(id));
    return id;
}

static inline uint64_t rdtime(void)
{
    uint64_t t;
    asm volatile("rdtime %0" : "=r"(t));
    return t;
}

static inline uint64_t rdcycle(void)
{
    uint64_t c;
    asm volatile("rdcycle %0" : "=r"(c));
    return c;
}

static inline void wfi(void)
{
    asm volatile("wfi" : : : "memory");
}

static inline void cpu_relax(void)
{
    asm volatile("nop" : : : "memory");
}

/* Busy-wait `ticks` of the time CSR. */
static inline void spin_delay(uint64_t ticks)
{
    uint64_t until = rdtime() + ticks;

    while (rdtime() < until)
        cpu_relax();
}

#endif
