/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Clearing the FP and vector register files for a vCPU that starts, so it
 * never sees what an earlier boot of its VM (or anything else on the hart)
 * left there. The hypervisor is built without F, D and V, so only this file
 * names their instructions, each routine enabling just the extension it
 * needs; the caller checks the hart has it (a missing one traps) and has
 * turned sstatus.FS or VS on (priv. spec, "Extension Context Status":
 * Off makes them illegal).
 */
    .section .text

/* void unit_fpu_clear_d(void): f0-f31 = +0.0 (all 64 bits), fcsr = 0. */
    .balign 4
    .global unit_fpu_clear_d
unit_fpu_clear_d:
    .option push
    .option arch, +d
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fmv.d.x f\n, zero
    .endr
    fscsr   zero
    ret
    .option pop

/* void unit_fpu_clear_f(void): the same with F alone (FLEN = 32). */
    .balign 4
    .global unit_fpu_clear_f
unit_fpu_clear_f:
    .option push
    .option arch, +f
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fmv.w.x f\n, zero
    .endr
    fscsr   zero
    ret
    .option pop

/*
 * void unit_vector_clear(void): v0-v31 = 0, vstart = vcsr = 0, and vtype
 * left illegal (vill) with vl = 0, as the V spec recommends at reset
 * (section 3.11): the guest must vsetvl before any vector work.
 */
    .balign 4
    .global unit_vector_clear
unit_vector_clear:
    .option push
    .option arch, +v
    csrw    vstart, zero
    csrw    vcsr, zero
    /* LMUL = 8 writes eight registers per instruction. */
    vsetvli t0, zero, e8, m8, ta, ma
    vmv.v.i v0, 0
    vmv.v.i v8, 0
    vmv.v.i v16, 0
    vmv.v.i v24, 0
    li      t0, 1
    slli    t0, t0, 63              /* vtype.vill, its top bit (V spec 3.4) */
    vsetvl  zero, zero, t0
    ret
    .option pop
