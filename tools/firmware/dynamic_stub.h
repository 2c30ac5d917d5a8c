/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The layout of `make firmware`'s file and OpenSBI's struct fw_dynamic_info
 * (OpenSBI docs/firmware/fw_dynamic.md, include/sbi/fw_dynamic.h: six
 * unsigned longs). scripts/boot_images.py uses the same offsets.
 */
#ifndef DYNAMIC_STUB_H
#define DYNAMIC_STUB_H

/* OpenSBI 1.5 refuses to run from an address not aligned to its RW offset
 * (256 KiB), before its console is up; 1.1 runs anywhere. */
#define FW_DYNAMIC_OFFSET 0x40000
/* Where bao.bin goes: RAM base + 2 MiB, as its image header asks. */
#define PAYLOAD_OFFSET 0x200000

#define FW_DYNAMIC_INFO_MAGIC 0x4942534f /* "OSBI" */
#define FW_DYNAMIC_INFO_VERSION 2        /* the first with boot_hart */
#define FW_DYNAMIC_NEXT_MODE_S 1

#define FDI_MAGIC 0
#define FDI_VERSION 8
#define FDI_NEXT_ADDR 16
#define FDI_NEXT_MODE 24
#define FDI_OPTIONS 32
#define FDI_BOOT_HART 40
#define FDI_SIZE 48

#endif
