/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Trap entry and guest entry.
 *
 * While a guest runs, sscratch holds the vCPU's struct arch_vcpu_ctx; while
 * the hypervisor runs, sscratch is 0 and tp is the hart's struct cpu. The
 * hypervisor never enables its own interrupts (sstatus.SIE stays 0), so a
 * trap taken in HS-mode is always a hypervisor fault.
 */
#include <arch/vcpu_regs.h>

#define SAVE(r, n) sd r, VCPU_CTX_X(n)(tp)
#define LOAD(r, n) ld r, VCPU_CTX_X(n)(tp)

    .section .text
    .balign 4
    .global hyp_trap_vector
hyp_trap_vector:
    csrrw   tp, sscratch, tp
    beqz    tp, hs_trap

    /* From the guest: tp = ctx, sscratch = guest tp. */
    SAVE(ra, 1)
    SAVE(sp, 2)
    SAVE(gp, 3)
    SAVE(t0, 5)
    SAVE(t1, 6)
    SAVE(t2, 7)
    SAVE(s0, 8)
    SAVE(s1, 9)
    SAVE(a0, 10)
    SAVE(a1, 11)
    SAVE(a2, 12)
    SAVE(a3, 13)
    SAVE(a4, 14)
    SAVE(a5, 15)
    SAVE(a6, 16)
    SAVE(a7, 17)
    SAVE(s2, 18)
    SAVE(s3, 19)
    SAVE(s4, 20)
    SAVE(s5, 21)
    SAVE(s6, 22)
    SAVE(s7, 23)
    SAVE(s8, 24)
    SAVE(s9, 25)
    SAVE(s10, 26)
    SAVE(s11, 27)
    SAVE(t3, 28)
    SAVE(t4, 29)
    SAVE(t5, 30)
    SAVE(t6, 31)
    csrrw   t0, sscratch, zero
    SAVE(t0, 4)
    csrr    t0, sepc
    sd      t0, VCPU_CTX_SEPC(tp)

    mv      a0, tp
    ld      sp, VCPU_CTX_HYP_SP(tp)
    ld      tp, VCPU_CTX_HYP_TP(tp)
    call    vcpu_trap_handler
    /* a0 = ctx to resume */

    .global vcpu_ctx_resume
vcpu_ctx_resume:
    mv      tp, a0
    ld      t0, VCPU_CTX_SEPC(tp)
    csrw    sepc, t0
    csrw    sscratch, tp
    LOAD(ra, 1)
    LOAD(sp, 2)
    LOAD(gp, 3)
    LOAD(t0, 5)
    LOAD(t1, 6)
    LOAD(t2, 7)
    LOAD(s0, 8)
    LOAD(s1, 9)
    LOAD(a0, 10)
    LOAD(a1, 11)
    LOAD(a2, 12)
    LOAD(a3, 13)
    LOAD(a4, 14)
    LOAD(a5, 15)
    LOAD(a6, 16)
    LOAD(a7, 17)
    LOAD(s2, 18)
    LOAD(s3, 19)
    LOAD(s4, 20)
    LOAD(s5, 21)
    LOAD(s6, 22)
    LOAD(s7, 23)
    LOAD(s8, 24)
    LOAD(s9, 25)
    LOAD(s10, 26)
    LOAD(s11, 27)
    LOAD(t3, 28)
    LOAD(t4, 29)
    LOAD(t5, 30)
    LOAD(t6, 31)
    LOAD(tp, 4)
    sret

/*
 * A trap in HS-mode: tp = 0 now and sscratch holds the hart's struct cpu.
 * Build a full register frame on the current stack and report it.
 */
#define FRAME_SIZE (34 * 8)
hs_trap:
    csrrw   tp, sscratch, tp
    /* A faulting guest code read (guest_fetch.S) returns an error. */
    addi    sp, sp, -16
    sd      t0, 0(sp)
    sd      t1, 8(sp)
    csrr    t0, sepc
    la      t1, guest_fetch_access
    bne     t0, t1, 2f
    la      t1, guest_fetch_fault
    csrw    sepc, t1
    ld      t0, 0(sp)
    ld      t1, 8(sp)
    addi    sp, sp, 16
    sret
2:  ld      t0, 0(sp)
    ld      t1, 8(sp)
    addi    sp, sp, 16
    addi    sp, sp, -FRAME_SIZE
    sd      x1, 1*8(sp)
    sd      x3, 3*8(sp)
    sd      x4, 4*8(sp)
    sd      x5, 5*8(sp)
    sd      x6, 6*8(sp)
    sd      x7, 7*8(sp)
    sd      x8, 8*8(sp)
    sd      x9, 9*8(sp)
    sd      x10, 10*8(sp)
    sd      x11, 11*8(sp)
    sd      x12, 12*8(sp)
    sd      x13, 13*8(sp)
    sd      x14, 14*8(sp)
    sd      x15, 15*8(sp)
    sd      x16, 16*8(sp)
    sd      x17, 17*8(sp)
    sd      x18, 18*8(sp)
    sd      x19, 19*8(sp)
    sd      x20, 20*8(sp)
    sd      x21, 21*8(sp)
    sd      x22, 22*8(sp)
    sd      x23, 23*8(sp)
    sd      x24, 24*8(sp)
    sd      x25, 25*8(sp)
    sd      x26, 26*8(sp)
    sd      x27, 27*8(sp)
    sd      x28, 28*8(sp)
    sd      x29, 29*8(sp)
    sd      x30, 30*8(sp)
    sd      x31, 31*8(sp)
    addi    t0, sp, FRAME_SIZE
    sd      t0, 2*8(sp)
    csrw    sscratch, zero
    mv      a0, sp
    call    hs_fault_handler
1:  wfi
    j       1b
