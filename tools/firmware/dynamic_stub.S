/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The first 4 KiB of `make firmware`'s single file (scripts/boot_images.py):
 *
 *   offset 0          this stub, where QEMU's reset vector enters every hart
 *                     (a0 = hart id, a1 = QEMU's device tree)
 *   FW_DYNAMIC_OFFSET Debian's OpenSBI fw_dynamic.bin, unchanged
 *   PAYLOAD_OFFSET    bao.bin
 *
 * fw_dynamic takes where to go next from a struct fw_dynamic_info the
 * previous stage points a2 at (OpenSBI docs/firmware/fw_dynamic.md), and
 * hands the previous stage's a1 on untouched: bao.bin gets QEMU's tree
 * wherever QEMU put it, where fw_jump would copy it to a fixed address a
 * large image may cover. The first hart here fills the struct naming itself
 * the boot hart, so that the others skip OpenSBI's own boot-hart election
 * (in OpenSBI 1.5 a late hart there can spin forever).
 */
#include "dynamic_stub.h"

    .option norvc
    .section .text.stub, "ax"
    .global _start
_start:
    auipc   t0, 0                       /* where the file was loaded */
    lla     t1, lottery
    li      t2, 1
    amoswap.w.aqrl t2, t2, (t1)
    bnez    t2, wait_info

    lla     a2, info
    li      t1, FW_DYNAMIC_INFO_MAGIC
    sd      t1, FDI_MAGIC(a2)
    li      t1, FW_DYNAMIC_INFO_VERSION
    sd      t1, FDI_VERSION(a2)
    li      t1, PAYLOAD_OFFSET
    add     t1, t0, t1
    sd      t1, FDI_NEXT_ADDR(a2)
    li      t1, FW_DYNAMIC_NEXT_MODE_S
    sd      t1, FDI_NEXT_MODE(a2)
    sd      zero, FDI_OPTIONS(a2)
    sd      a0, FDI_BOOT_HART(a2)
    fence   rw, rw
    lla     t1, info_ready
    li      t2, 1
    sw      t2, 0(t1)
    j       enter

wait_info:
    lla     t1, info_ready
1:  lw      t2, 0(t1)
    beqz    t2, 1b
    fence   r, rw

enter:
    lla     a2, info
    li      t1, FW_DYNAMIC_OFFSET
    add     t0, t0, t1
    jr      t0

    .balign 8
lottery:
    .word   0
info_ready:
    .word   0
info:
    .space  FDI_SIZE
