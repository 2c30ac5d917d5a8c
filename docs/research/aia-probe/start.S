/* SPDX-License-Identifier: Apache-2.0 */
    .section .text.start
    .globl _start
_start:
#ifdef SMODE
    /* OpenSBI: a0 = hartid, a1 = fdt */
    la   sp, stack_top
    la   t0, trap_entry
    csrw stvec, t0
#else
    csrr t0, mhartid
1:  bnez t0, 1b
    la   sp, stack_top
    la   t0, trap_entry
    csrw mtvec, t0
#endif
    call main
2:  j 2b

    .align 4
    .globl trap_entry
trap_entry:
    addi sp, sp, -256
    sd x1, 8(sp)
    sd x3, 24(sp)
    sd x4, 32(sp)
    sd x5, 40(sp)
    sd x6, 48(sp)
    sd x7, 56(sp)
    sd x8, 64(sp)
    sd x9, 72(sp)
    sd x10, 80(sp)
    sd x11, 88(sp)
    sd x12, 96(sp)
    sd x13, 104(sp)
    sd x14, 112(sp)
    sd x15, 120(sp)
    sd x16, 128(sp)
    sd x17, 136(sp)
    sd x28, 224(sp)
    sd x29, 232(sp)
    sd x30, 240(sp)
    sd x31, 248(sp)
    call trap_c
    ld x1, 8(sp)
    ld x3, 24(sp)
    ld x4, 32(sp)
    ld x5, 40(sp)
    ld x6, 48(sp)
    ld x7, 56(sp)
    ld x8, 64(sp)
    ld x9, 72(sp)
    ld x10, 80(sp)
    ld x11, 88(sp)
    ld x12, 96(sp)
    ld x13, 104(sp)
    ld x14, 112(sp)
    ld x15, 120(sp)
    ld x16, 128(sp)
    ld x17, 136(sp)
    ld x28, 224(sp)
    ld x29, 232(sp)
    ld x30, 240(sp)
    ld x31, 248(sp)
    addi sp, sp, 256
#ifdef SMODE
    sret
#else
    mret
#endif

    .bss
    .align 4
    .space 16384
stack_top:
#ifdef SMODE
    .text
    .globl _start2
_start2:
    la   sp, stack2_top
    la   t0, trap_entry
    csrw stvec, t0
    call secondary
3:  j 3b
    .bss
    .align 4
    .space 8192
stack2_top:
#endif
