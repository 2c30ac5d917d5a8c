/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoding guest loads and stores for MMIO emulation.
 *
 * Sources (section numbers as in the unprivileged spec 20191213 and the
 * privileged spec 20211203):
 *   unpriv. 2.6  "Load and Store Instructions" (RV32I: LB LH LW LBU LHU,
 *                SB SH SW; I-type and S-type formats, 2.2/2.3)
 *   unpriv. 5.3  "Load and Store Instructions" (RV64I: LD LWU SD)
 *   unpriv. 16.3 "Load and Store Instructions" (RVC: CI/CSS stack-pointer
 *                based and CL/CS register based forms)
 *   unpriv. 16.8 "RVC Instruction Set Listings" (quadrant/funct3 maps)
 *   unpriv. 24   "RV32/64G Instruction Set Listings" (major opcodes)
 *   priv. 8.6.3  "Transformed Instruction or Pseudoinstruction for mtinst
 *                or htinst"
 */
#include <arch/insn_decode.h>

/* Bits 1:0 of every instruction: quadrant 0-2 is RVC, 3 is 32 bits
 * (unpriv. 1.5 "Base Instruction-Length Encoding", 16.8). */
#define INSN_LEN_MASK 0x3U
#define INSN_LEN_32 0x3U
#define RVC_Q0 0x0U
#define RVC_Q2 0x2U

/* Major opcodes, bits 6:0 (unpriv. 24, table "RISC-V base opcode map"). */
#define OPCODE_MASK 0x7fU
#define OPCODE_LOAD 0x03U  /* 0000011 */
#define OPCODE_STORE 0x23U /* 0100011 */

/* 32-bit fields (unpriv. 2.2 "Base Instruction Formats"). */
#define RD_SHIFT 7
#define FUNCT3_SHIFT 12
#define RS2_SHIFT 20
#define REG_MASK 0x1fU
#define FUNCT3_MASK 0x7U

/* LOAD funct3 (unpriv. 2.6, 5.3); 111 is reserved. */
#define F3_LB 0x0U
#define F3_LH 0x1U
#define F3_LW 0x2U
#define F3_LD 0x3U
#define F3_LBU 0x4U
#define F3_LHU 0x5U
#define F3_LWU 0x6U

/* STORE funct3 (unpriv. 2.6, 5.3); 1xx is reserved for SQ and beyond. */
#define F3_SB 0x0U
#define F3_SH 0x1U
#define F3_SW 0x2U
#define F3_SD 0x3U

/* RVC fields (unpriv. 16.2 "Compressed Instruction Formats"). */
#define RVC_FUNCT3_SHIFT 13
#define RVC_RD_SHIFT 7  /* CI: rd, bits 11:7 */
#define RVC_RS2_SHIFT 2 /* CSS: rs2, bits 6:2 */
#define RVC_RDP_SHIFT 2 /* CL: rd', CS: rs2', bits 4:2 */
#define RVC_PRIME_MASK 0x7U
#define RVC_PRIME_BASE 8 /* rd'/rs2' name x8..x15 */

/* Quadrant 0 funct3 for RV64C (unpriv. 16.8, table "RVC opcode map"). */
#define C0_FLD 0x1U /* FP: not emulated */
#define C0_LW 0x2U
#define C0_LD 0x3U
#define C0_FSD 0x5U /* FP: not emulated */
#define C0_SW 0x6U
#define C0_SD 0x7U

/* Quadrant 2 funct3 for RV64C (unpriv. 16.8). */
#define C2_FLDSP 0x1U /* FP: not emulated */
#define C2_LWSP 0x2U
#define C2_LDSP 0x3U
#define C2_FSDSP 0x5U /* FP: not emulated */
#define C2_SWSP 0x6U
#define C2_SDSP 0x7U

/* htinst is a 32-bit instruction (or pseudoinstruction) zero-extended to
 * XLEN; in a transformed RVC instruction bit 1 is cleared (priv. 8.6.3). */
#define HTINST_HIGH_MASK 0xffffffff00000000ULL
#define HTINST_RVC_BIT 0x2U

/* Load widths and sign extension, indexed by LOAD funct3. */
struct load_form {
    unsigned width; /* 0: reserved encoding */
    bool sign_extend;
};

static const struct load_form load_forms[8] = {
    [F3_LB] = {1, true},   [F3_LH] = {2, true},   [F3_LW] = {4, true},
    [F3_LD] = {8, false},  [F3_LBU] = {1, false}, [F3_LHU] = {2, false},
    [F3_LWU] = {4, false},
};

/* Store widths, indexed by STORE funct3. */
static const unsigned store_widths[8] = {
    [F3_SB] = 1,
    [F3_SH] = 2,
    [F3_SW] = 4,
    [F3_SD] = 8,
};

static unsigned field(uint32_t insn, unsigned shift, uint32_t mask)
{
    return (unsigned)((insn >> shift) & mask);
}

static bool set_access(struct mmio_access *out, bool write, unsigned width,
                       bool sign_extend, unsigned reg, unsigned len)
{
    out->write = write;
    out->width = width;
    out->sign_extend = sign_extend;
    out->reg = reg;
    out->len = len;
    return true;
}

/* A 32-bit LOAD or STORE; `len` is that of the original instruction. */
static bool decode_32(uint32_t insn, unsigned len, struct mmio_access *out)
{
    unsigned funct3 = field(insn, FUNCT3_SHIFT, FUNCT3_MASK);

    switch (insn & OPCODE_MASK) {
    case OPCODE_LOAD: {
        const struct load_form *f = &load_forms[funct3];
        if (f->width == 0)
            return false;
        return set_access(out, false, f->width, f->sign_extend,
                          field(insn, RD_SHIFT, REG_MASK), len);
    }
    case OPCODE_STORE:
        if (store_widths[funct3] == 0)
            return false;
        return set_access(out, true, store_widths[funct3], false,
                          field(insn, RS2_SHIFT, REG_MASK), len);
    default:
        return false;
    }
}

/* Quadrant 0: CL loads and CS stores with a 3-bit register field. */
static bool decode_rvc_q0(uint32_t insn, struct mmio_access *out)
{
    unsigned reg = RVC_PRIME_BASE + field(insn, RVC_RDP_SHIFT, RVC_PRIME_MASK);

    switch (field(insn, RVC_FUNCT3_SHIFT, FUNCT3_MASK)) {
    case C0_LW:
        return set_access(out, false, 4, true, reg, 2);
    case C0_LD:
        return set_access(out, false, 8, false, reg, 2);
    case C0_SW:
        return set_access(out, true, 4, false, reg, 2);
    case C0_SD:
        return set_access(out, true, 8, false, reg, 2);
    default: /* C.ADDI4SPN, C.FLD, C.FSD, reserved */
        return false;
    }
}

/* Quadrant 2: CI loads (rd != 0) and CSS stores relative to sp. */
static bool decode_rvc_q2(uint32_t insn, struct mmio_access *out)
{
    unsigned rd = field(insn, RVC_RD_SHIFT, REG_MASK);
    unsigned rs2 = field(insn, RVC_RS2_SHIFT, REG_MASK);

    switch (field(insn, RVC_FUNCT3_SHIFT, FUNCT3_MASK)) {
    case C2_LWSP:
        return rd != 0 && set_access(out, false, 4, true, rd, 2);
    case C2_LDSP:
        return rd != 0 && set_access(out, false, 8, false, rd, 2);
    case C2_SWSP:
        return set_access(out, true, 4, false, rs2, 2);
    case C2_SDSP:
        return set_access(out, true, 8, false, rs2, 2);
    default: /* C.SLLI, C.FLDSP, C.MV/C.ADD/..., C.FSDSP */
        return false;
    }
}

bool insn_decode_mmio(uint32_t insn, struct mmio_access *out)
{
    switch (insn & INSN_LEN_MASK) {
    case INSN_LEN_32:
        return decode_32(insn, 4, out);
    case RVC_Q0:
        return decode_rvc_q0(insn & 0xffffU, out);
    case RVC_Q2:
        return decode_rvc_q2(insn & 0xffffU, out);
    default: /* quadrant 1 holds no loads or stores */
        return false;
    }
}

bool insn_decode_htinst(uint64_t htinst, struct mmio_access *out)
{
    uint32_t insn = (uint32_t)htinst;

    if (htinst & HTINST_HIGH_MASK)
        return false;
    switch (insn & INSN_LEN_MASK) {
    case INSN_LEN_32:
        return decode_32(insn, 4, out);
    case INSN_LEN_32 & ~HTINST_RVC_BIT:
        return decode_32(insn | HTINST_RVC_BIT, 2, out);
    default: /* zero, the pseudoinstructions (bits 1:0 == 00), reserved */
        return false;
    }
}

uint64_t mmio_load_value(const struct mmio_access *a, uint64_t raw)
{
    unsigned bits = a->width * 8;
    uint64_t sign;

    if (a->width == 0 || a->width >= 8)
        return raw;
    raw &= (1ULL << bits) - 1;
    if (!a->sign_extend)
        return raw;
    sign = 1ULL << (bits - 1);
    return (raw ^ sign) - sign;
}

unsigned insn_length(uint16_t halfword)
{
    return (halfword & INSN_LEN_MASK) == INSN_LEN_32 ? 4 : 2;
}
