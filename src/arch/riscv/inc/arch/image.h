/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bao.bin's first 64 bytes: the RISC-V Linux kernel image header (Linux
 * Documentation/arch/riscv/boot-image-header.rst, version 0.2), so that
 * loaders that take a Linux Image (U-Boot's booti, OpenSBI's payload
 * slot) take it too.
 */
#ifndef ARCH_IMAGE_H
#define ARCH_IMAGE_H

/* Where loaders that honour it put the image: RAM base + 2 MiB, after the
 * M-mode firmware, as for an RV64 Linux. */
#define IMAGE_TEXT_OFFSET 0x200000
/* flags bit 0: 0 = little-endian. */
#define IMAGE_FLAGS_LE 0
/* Header version 0.2: major in bits 31:16, minor in 15:0. */
#define IMAGE_HEADER_VERSION ((0 << 16) | 2)
/* "RISCV\0\0\0" (deprecated by 0.2, still checked by some loaders). */
#define IMAGE_MAGIC 0x5643534952
/* "RSC\x05", at the offset of arm64's magic. */
#define IMAGE_MAGIC2 0x05435352

/* The address the image is linked at (Makefile: HYP_LINK_BASE). */
#ifndef HYP_LINK_BASE
#error "HYP_LINK_BASE: the Makefile defines the link address"
#endif

#endif
