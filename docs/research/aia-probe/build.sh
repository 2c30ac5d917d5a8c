#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
set -e
cd "$(dirname "$0")"
F="-march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany -O1 -nostdlib -ffreestanding -fno-builtin -Wall"
riscv64-unknown-elf-gcc $F -Wl,--defsym=LOADADDR_=0x80000000 -T link.ld start.S main.c -o bm-m.elf
riscv64-unknown-elf-gcc $F -DSMODE -Wl,--defsym=LOADADDR_=0x80200000 -T link.ld start.S main.c -o bm-s.elf
riscv64-unknown-elf-objcopy -O binary bm-s.elf bm-s.bin
