/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The FP register file for mode fpu (built for rv64gc/lp64d): all 32
 * registers and fcsr, which C cannot name one by one.
 */

    .text

/* int fpu_regs_are_zero(void): 1 if f0-f31 and fcsr all read 0. */
    .global fpu_regs_are_zero
fpu_regs_are_zero:
    frcsr   a0
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fmv.x.d t0, f\n
    or      a0, a0, t0
    .endr
    seqz    a0, a0
    ret

/*
 * void fpu_fill(unsigned long pattern): f<n> = pattern + n (as raw bits),
 * fcsr = FPU_FILL_FCSR. Leaves FP state behind on purpose, callee-saved
 * registers included: only for a hart that is about to stop or reboot.
 */
#define FPU_FILL_FCSR 0x21 /* frm = RTZ (1 << 5), fflags = NX (1) */
    .global fpu_fill
fpu_fill:
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    addi    t0, a0, \n
    fmv.d.x f\n, t0
    .endr
    li      t0, FPU_FILL_FCSR
    fscsr   t0
    ret

/*
 * void fpu_clobber(void): overwrite every caller-saved FP register
 * (ft0-ft11, fa0-fa7) and fcsr, which a function may do; called from the
 * timer interrupt, so only the trap vector can keep them for the
 * interrupted code.
 */
#define CLOBBER_BITS 0x7ff8dead0000beefUL
#define CLOBBER_FCSR 0x9f /* frm = RMM (4 << 5), all five fflags */
    .global fpu_clobber
fpu_clobber:
    li      t0, CLOBBER_BITS
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11
    fmv.d.x ft\n, t0
    .endr
    .irp    n, 0,1,2,3,4,5,6,7
    fmv.d.x fa\n, t0
    .endr
    li      t0, CLOBBER_FCSR
    fscsr   t0
    ret

/*
 * unsigned long fpu_hold_across_irq(unsigned long pattern,
 *         const volatile unsigned int *counter, unsigned int target):
 * fills all 32 FP registers and fcsr as fpu_fill does, sleeps with
 * interrupts enabled until *counter >= target, and returns how many of the
 * 33 no longer hold their value. The callee-saved fs0-fs11 are restored.
 */
#define HOLD_FRAME (12 * 8 + 8) /* fs0-fs11, ra; 16-aligned */
    .global fpu_hold_across_irq
fpu_hold_across_irq:
    addi    sp, sp, -HOLD_FRAME
    sd      ra, 12 * 8(sp)
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11
    fsd     fs\n, \n * 8(sp)
    .endr
    call    fpu_fill
    /* Test with SIE clear, then wfi: an interrupt between the test and wfi
     * still wakes it (priv. spec, WFI), and setting SIE takes it. */
1:  csrci   sstatus, 2
    lw      t0, 0(a1)
    bgeu    t0, a2, 2f
    wfi
    csrsi   sstatus, 2
    j       1b
2:  li      a3, 0
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fmv.x.d t0, f\n
    addi    t1, a0, \n
    beq     t0, t1, 3f
    addi    a3, a3, 1
3:
    .endr
    frcsr   t0
    li      t1, FPU_FILL_FCSR
    beq     t0, t1, 4f
    addi    a3, a3, 1
4:  mv      a0, a3
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11
    fld     fs\n, \n * 8(sp)
    .endr
    ld      ra, 12 * 8(sp)
    addi    sp, sp, HOLD_FRAME
    ret
