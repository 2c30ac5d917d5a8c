/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Entry points and trap vector.
 *
 * Every hart arrives in S-mode with satp = 0, a0 = hart id and a1 = device
 * tree pointer (boot hart, via _start) or the HSM 'opaque' value (harts we
 * start ourselves, via secondary_entry or mode_hart_entry).
 */
#include "config.h"

    .section .text.entry, "ax", @progbits
    .global _start
_start:
    /* First: the instruction count at entry, for mode boottime (entry_cycle). */
    rdcycle t3
    /* The first hart here is the boot hart; a later one was released early
     * by the firmware (sbi.h, hart_start_mailbox). */
    la      t0, boot_lottery
    li      t1, 1
    amoswap.w.aq t1, t1, (t0)
    bnez    t1, released_early

    /* Only the boot hart comes here and nothing else runs yet: clear .bss
     * (which also holds the stacks) before any C code. */
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:  la      t0, entry_cycle
    sd      t3, 0(t0)
    la      t2, boot_main
    j       hart_entry

    /* Wait for the entry and opaque our hart_start published, then go
     * where the firmware should have sent us, with a1 = opaque. */
released_early:
    li      t0, MAX_HARTS
    bgeu    a0, t0, bad_hart
    la      t0, hart_start_mailbox
    slli    t1, a0, 4
    add     t0, t0, t1
1:  ld      t2, 0(t0)
    fence   r, rw                   /* acquire: entry before opaque */
    beqz    t2, 1b
    ld      a1, 8(t0)
    jr      t2

    /* Secondaries must not clear .bss: the boot hart's state lives there. */
    .global secondary_entry
    .balign 4
secondary_entry:
    la      t2, secondary_main
    j       hart_entry

    /* For harts a mode starts itself: the HSM 'opaque' value (a1) is the C
     * function to run, called as fn(hartid, opaque) like secondary_main. */
    .global mode_hart_entry
    .balign 4
mode_hart_entry:
    mv      t2, a1

/* Common set-up; t2 = C function to call with (a0, a1). */
hart_entry:
    csrw    sie, zero
    li      t0, MAX_HARTS
    bgeu    a0, t0, bad_hart
    /* What the firmware (or hypervisor) handed us, before we change it:
     * the fpu mode reports sstatus.FS and VS from this. */
    la      t0, entry_sstatus
    slli    t1, a0, 3
    add     t0, t0, t1
    csrr    t1, sstatus
    sd      t1, 0(t0)
    csrci   sstatus, 2              /* sstatus.SIE */

    mv      tp, a0                  /* this_hart() reads tp */
    la      sp, hart_stacks
    addi    t0, a0, 1
    slli    t0, t0, STACK_SHIFT
    add     sp, sp, t0              /* top of this hart's stack */
    la      t0, trap_vector
    csrw    stvec, t0               /* direct mode: low bits 0 */
    jalr    t2                      /* boot_main/secondary_main: no return */
    j       park

/* Hart id without a stack slot: report it on a shared stack, then park. */
bad_hart:
    mv      tp, a0
    la      t0, bad_hart_lock
    li      t1, 1
1:  amoswap.w.aq t3, t1, (t0)
    bnez    t3, 1b
    la      sp, bad_hart_stack + BAD_HART_STACK_SIZE
    call    report_bad_hart
    la      t0, bad_hart_lock
    amoswap.w.rl zero, zero, (t0)
park:
    csrw    sie, zero
    wfi
    j       park

    /* In .data, not .bss: the boot hart clears .bss after winning it. */
    .data
    .balign 8
    .global entry_cycle
entry_cycle:
    .dword  0
    .balign 4
boot_lottery:
    .word   0

/*
 * Trap vector (stvec must be 4-byte aligned). Handlers are ordinary C
 * functions, which preserve the callee-saved registers themselves, so only
 * ra, t0-t6 and a0-a7 are saved, as a struct trap_frame (trap.h) whose
 * address is passed to trap_handler. Interrupts stay disabled in the handler
 * (sstatus.SIE is cleared on entry), so traps do not nest.
 *
 * The cycle CSR is read by the third instruction of the trap and the time
 * CSR by the fifth, and saved in the frame (trap_frame.cycle, .time), for
 * latency measurements: the trap entry adds two instructions to a measured
 * cycle count, four to a time.
 */
#define TRAP_FRAME_INT_SLOTS 18
#ifdef __riscv_flen
/*
 * Built with an FP ABI (mode fpu): C code may use the caller-saved FP
 * registers (ft0-ft11, fa0-fa7) and fcsr, so the vector saves them too, in
 * slots 18..38 after the integer ones; like GCC's interrupt("supervisor")
 * handlers, it then needs sstatus.FS != Off from its very first trap.
 */
#define TRAP_FRAME_SLOTS 40 /* 18 + 20 FP + fcsr, rounded up to even */
#else
#define TRAP_FRAME_SLOTS TRAP_FRAME_INT_SLOTS
#endif
#define TRAP_FRAME_SIZE (TRAP_FRAME_SLOTS * 8) /* sp stays 16-aligned */
#define FP_SLOT(n) ((TRAP_FRAME_INT_SLOTS + (n)) * 8)

    .text
    .balign 4
    .global trap_vector
trap_vector:
    addi    sp, sp, -TRAP_FRAME_SIZE
    sd      t0, 1 * 8(sp)
    rdcycle t0
    sd      t0, 16 * 8(sp)          /* frame->cycle */
    rdtime  t0
    sd      t0, 17 * 8(sp)          /* frame->time */
    sd      ra, 0 * 8(sp)
    sd      t1, 2 * 8(sp)
    sd      t2, 3 * 8(sp)
    sd      t3, 4 * 8(sp)
    sd      t4, 5 * 8(sp)
    sd      t5, 6 * 8(sp)
    sd      t6, 7 * 8(sp)
    sd      a0, 8 * 8(sp)
    sd      a1, 9 * 8(sp)
    sd      a2, 10 * 8(sp)
    sd      a3, 11 * 8(sp)
    sd      a4, 12 * 8(sp)
    sd      a5, 13 * 8(sp)
    sd      a6, 14 * 8(sp)
    sd      a7, 15 * 8(sp)
#ifdef __riscv_flen
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11
    fsd     ft\n, FP_SLOT(\n)(sp)
    .endr
    .irp    n, 0,1,2,3,4,5,6,7
    fsd     fa\n, FP_SLOT(12 + \n)(sp)
    .endr
    frcsr   t0
    sd      t0, FP_SLOT(20)(sp)
#endif
    mv      a0, sp                  /* struct trap_frame * */
    call    trap_handler
#ifdef __riscv_flen
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11
    fld     ft\n, FP_SLOT(\n)(sp)
    .endr
    .irp    n, 0,1,2,3,4,5,6,7
    fld     fa\n, FP_SLOT(12 + \n)(sp)
    .endr
    ld      t0, FP_SLOT(20)(sp)
    fscsr   t0
#endif
    ld      ra, 0 * 8(sp)
    ld      t0, 1 * 8(sp)
    ld      t1, 2 * 8(sp)
    ld      t2, 3 * 8(sp)
    ld      t3, 4 * 8(sp)
    ld      t4, 5 * 8(sp)
    ld      t5, 6 * 8(sp)
    ld      t6, 7 * 8(sp)
    ld      a0, 8 * 8(sp)
    ld      a1, 9 * 8(sp)
    ld      a2, 10 * 8(sp)
    ld      a3, 11 * 8(sp)
    ld      a4, 12 * 8(sp)
    ld      a5, 13 * 8(sp)
    ld      a6, 14 * 8(sp)
    ld      a7, 15 * 8(sp)
    addi    sp, sp, TRAP_FRAME_SIZE
    sret

    .bss
    .balign 16
hart_stacks:
    .space  MAX_HARTS * STACK_SIZE
bad_hart_stack:
    .space  BAD_HART_STACK_SIZE
    .balign 4
bad_hart_lock:
    .space  4
    .balign 8
    .global entry_sstatus
entry_sstatus:
    .space  MAX_HARTS * 8
