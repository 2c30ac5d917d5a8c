/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Entry from the firmware. The boot hart arrives at _start (OpenSBI's
 * FW_JUMP/FW_PAYLOAD address 0x80200000) with a0 = hart id, a1 = host device
 * tree; the others are started later with SBI HSM at _secondary_start with
 * a0 = hart id. All run with satp = 0 and interrupts off.
 */
#include <core/cpu.h>
#include <core/hyp_limits.h>

    .section .text.boot, "ax"
    .global _start
_start:
    /* First of all tp: a fault from here on reports this hart's id. */
    call    set_stack
    /*
     * Only the first hart here is the boot hart. OpenSBI v1.1 (QEMU's
     * bundled firmware) marks a hart START_PENDING before it records the
     * start address, so a hart woken in that window leaves through the
     * default payload address, i.e. here, while the boot hart already runs.
     * It must not clear .bss, nor use its stack (in .bss) while the boot
     * hart clears it: it waits for the clear, then takes the secondary path.
     */
    la      t0, boot_lottery
    li      t1, 1
    amoswap.w.aq t1, t1, (t0)
    bnez    t1, wait_for_bss

    csrw    sie, zero
    la      t0, hyp_trap_vector
    csrw    stvec, t0
    csrw    sscratch, zero

    /* Clear .bss; only the boot hart runs this, before any other starts. */
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:  la      t0, bss_cleared
    li      t1, 1
    amoswap.w.rl zero, t1, (t0)
    tail    hyp_boot_main

wait_for_bss:
    la      t0, bss_cleared
1:  lw      t1, 0(t0)
    beqz    t1, 1b
    fence   r, rw
    j       _secondary_start

    .global _secondary_start
_secondary_start:
    call    set_stack
    csrw    sie, zero
    la      t0, hyp_trap_vector
    csrw    stvec, t0
    csrw    sscratch, zero
    tail    hyp_secondary_main

/*
 * sp = top of hyp_stacks[a0], tp = &cpus[a0] (the hart's struct cpu, as
 * arch_hart_init sets it later: from here on a fault report names the
 * hart); a hart id beyond MAX_CPUS parks the hart.
 */
set_stack:
    li      t0, MAX_CPUS
    bgeu    a0, t0, park
    li      t0, HYP_STACK_SIZE
    addi    t1, a0, 1
    mul     t0, t0, t1
    la      sp, hyp_stacks
    add     sp, sp, t0
    li      t0, CPU_STRUCT_SIZE
    mul     t0, t0, a0
    la      tp, cpus
    add     tp, tp, t0
    ret

park:
    wfi
    j       park

    /* In .data, not .bss: the boot hart clears .bss after winning it. */
    .section .data
    .balign 4
boot_lottery:
    .word   0
bss_cleared:
    .word   0

    .section .bss.stacks, "aw", @nobits
    .balign 16
    .global hyp_stacks
hyp_stacks:
    .space  MAX_CPUS * HYP_STACK_SIZE
