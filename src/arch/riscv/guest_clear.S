/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Zero guest-physical memory of the VM whose stage 2 is in hgatp, with the
 * hypervisor store instruction HSV (priv. spec 8.3), vsatp being 0. Going
 * through the VM's own stage 2 means the hypervisor needs no mapping of
 * the VM's RAM, and a clear can reach no memory but that VM's.
 *
 *   void guest_zero(uint64_t gpa, uint64_t size)
 *
 * HSV has no address offset, so a store is two instructions; 64-byte
 * blocks of eight of them keep the loop's branch to one per block.
 */
#define BLOCK 64
#define WORD 8

    .section .text
    .balign 4
    .global guest_zero
guest_zero:
    .option push
    .option arch, +h
    add     a2, a0, a1              /* end */
    /* Bytes up to the first word boundary. */
1:  andi    t0, a0, WORD - 1
    beqz    t0, 2f
    bgeu    a0, a2, 9f
    hsv.b   zero, (a0)
    addi    a0, a0, 1
    j       1b
    /* Whole blocks: up to a0 + ((end - a0) rounded down to a block). */
2:  sub     t0, a2, a0
    andi    t0, t0, -BLOCK
    add     t0, a0, t0
    bgeu    a0, t0, 4f
3:  hsv.d   zero, (a0)
    addi    a0, a0, WORD
    hsv.d   zero, (a0)
    addi    a0, a0, WORD
    hsv.d   zero, (a0)
    addi    a0, a0, WORD
    hsv.d   zero, (a0)
    addi    a0, a0, WORD
    hsv.d   zero, (a0)
    addi    a0, a0, WORD
    hsv.d   zero, (a0)
    addi    a0, a0, WORD
    hsv.d   zero, (a0)
    addi    a0, a0, WORD
    hsv.d   zero, (a0)
    addi    a0, a0, WORD
    bltu    a0, t0, 3b
    /* Whole words left. */
4:  addi    t0, a0, WORD
    bltu    a2, t0, 5f
    hsv.d   zero, (a0)
    mv      a0, t0
    j       4b
    /* Bytes left. */
5:  bgeu    a0, a2, 9f
    hsv.b   zero, (a0)
    addi    a0, a0, 1
    j       5b
9:  ret
    .option pop
