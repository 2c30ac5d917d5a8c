/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Entry from the loader. bao.bin begins with the RISC-V Linux image header
 * (arch/image.h), so any loader that starts a Linux Image starts it: OpenSBI
 * (fw_jump, fw_payload, QEMU's -kernel), U-Boot's booti. The boot hart
 * arrives at _start with a0 = hart id, a1 = host device tree, wherever the
 * image was loaded; the others are started later with SBI HSM at
 * _secondary_start with a0 = hart id. All run with satp = 0 and interrupts
 * off.
 */
#include <arch/image.h>
#include <core/cpu.h>
#include <core/hyp_limits.h>

    .section .text.boot, "ax"
    .global _start
_start:
    /* The image header: code0 jumps over it (4 bytes, not compressed). */
    .option push
    .option norvc
    j       entry
    .option pop
    .word   0                           /* code1 */
    .dword  IMAGE_TEXT_OFFSET
    .dword  _image_size                 /* linker.ld: bytes the image spans */
    .dword  IMAGE_FLAGS_LE
    .word   IMAGE_HEADER_VERSION
    .word   0                           /* res1 */
    .dword  0                           /* res2 */
    .dword  IMAGE_MAGIC
    .word   IMAGE_MAGIC2
    .word   0                           /* res3 */

entry:
    /* First of all tp: a fault from here on reports this hart's id. */
    call    set_stack
    /*
     * Only the first hart here is the boot hart. OpenSBI v1.1 (QEMU's
     * bundled firmware) marks a hart START_PENDING before it records the
     * start address, so a hart woken in that window leaves through the
     * default payload address, i.e. here when the image was loaded there
     * (-kernel, fw_jump; U-Boot's delay closes the window when it loaded
     * it), while the boot hart already runs.
     * It must not clear .bss, nor use its stack (in .bss) while the boot
     * hart clears it: it waits for the clear, then takes the secondary path.
     */
    la      t0, boot_lottery
    li      t1, 1
    amoswap.w.aq t1, t1, (t0)
    bnez    t1, wait_for_bss

    call    relocate
    csrw    sie, zero
    la      t0, hyp_trap_vector
    csrw    stvec, t0
    csrw    sscratch, zero

    /* A tree inside the image (its .bss is about to be cleared) is lost:
     * a2 tells hyp_boot_main, which says so and stops. */
    li      a2, 0
    lla     t0, _image_start
    lla     t1, _image_end
    bltu    a1, t0, 3f
    bgeu    a1, t1, 3f
    li      a2, 1
3:
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

/*
 * The image is linked at HYP_LINK_BASE and runs wherever it was loaded:
 * code is PC-relative (-mcmodel=medany), and the addresses its data holds
 * are listed in .hyp_relocs (32-bit offsets from the image's start, made
 * by scripts/image_relocs.py): add the load-link distance to each. On the
 * boot hart, before any C runs and before the others pass boot_lottery.
 */
relocate:
    lla     t0, _image_start
    li      t1, HYP_LINK_BASE
    sub     t1, t0, t1                  /* load - link distance */
    beqz    t1, 2f
    lla     t2, __hyp_relocs_start
    lla     t3, __hyp_relocs_end
1:  bgeu    t2, t3, 2f
    lwu     t4, 0(t2)
    add     t4, t4, t0
    ld      t5, 0(t4)
    add     t5, t5, t1
    sd      t5, 0(t4)
    addi    t2, t2, 4
    j       1b
2:  fence.i
    ret

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
