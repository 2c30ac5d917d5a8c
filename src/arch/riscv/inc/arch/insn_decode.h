/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoding the guest load or store behind an MMIO guest-page fault, from the
 * raw instruction or from htinst. Pure code: no CSRs, no memory access, so
 * host unit tests can link it.
 */
#ifndef ARCH_INSN_DECODE_H
#define ARCH_INSN_DECODE_H

#include <stdbool.h>
#include <stdint.h>

/* One emulated MMIO access. */
struct mmio_access {
    bool write;       /* store */
    unsigned width;   /* bytes: 1, 2, 4 or 8 */
    bool sign_extend; /* loads: LB/LH/LW/C.LW/C.LWSP sign-extend into 64 bits;
                         LBU/LHU/LWU and LD do not need it */
    unsigned reg;     /* x register: destination of a load, source of a store
                         (0..31); a load into x0 still decodes, its value is
                         to be discarded */
    unsigned len;     /* length of the ORIGINAL instruction in bytes: 2 or 4
                         (to advance sepc) */
};

/*
 * Decode a raw instruction (16-bit compressed in the low half, or 32-bit;
 * bits 1:0 tell which, and for a compressed one the high half is ignored).
 * False if it is not an integer load/store we emulate (FP loads/stores, AMOs,
 * LR/SC, anything else); *out is written only on success.
 */
bool insn_decode_mmio(uint32_t insn, struct mmio_access *out);

/*
 * Decode htinst as written by hardware on a guest-page fault (privileged
 * spec, H extension, "Transformed Instruction or Pseudoinstruction for mtinst
 * or htinst"): 0 -> false (the caller must fetch the instruction); a
 * transformed 32-bit load/store (bits 1:0 == 11, len 4) or a transformed
 * compressed one (bits 1:0 == 01: the original was 16 bits, len 2) decodes
 * as the 32-bit form; the implicit-access pseudoinstructions (0x00002000,
 * 0x00003000, 0x00002020, 0x00003020) and anything else -> false.
 */
bool insn_decode_htinst(uint64_t htinst, struct mmio_access *out);

/*
 * The value to write into the destination register for a load of `raw`
 * bytes (zero-extended raw data; bits above a->width bytes are ignored):
 * sign-extended per width when a->sign_extend is set.
 */
uint64_t mmio_load_value(const struct mmio_access *a, uint64_t raw);

/* Length in bytes of the instruction whose first halfword is `halfword`
 * (2 if bits 1:0 != 11, else 4). */
unsigned insn_length(uint16_t halfword);

#endif
