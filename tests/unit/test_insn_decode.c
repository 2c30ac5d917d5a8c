/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoding guest loads/stores for MMIO emulation. The expected encodings come
 * from an encoder written here from the spec's format tables (not from the
 * decoder), and from a table of literal hex encodings computed by hand and
 * checked with riscv64-unknown-elf-as -march=rv64imafdc + objdump.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arch/insn_decode.h>
#include <lib/util.h>

/* ---- An independent encoder (unpriv. spec 2.2, 2.3, 16.2, 16.8) ---- */

#define OP_LOAD 0x03U     /* 0000011 */
#define OP_LOAD_FP 0x07U  /* 0000111 */
#define OP_STORE 0x23U    /* 0100011 */
#define OP_STORE_FP 0x27U /* 0100111 */
#define OP_AMO 0x2fU      /* 0101111 */

/* I-type: imm[11:0] | rs1 | funct3 | rd | opcode */
static uint32_t enc_i(uint32_t opcode, unsigned funct3, unsigned rd,
                      unsigned rs1, int32_t imm)
{
    return ((uint32_t)imm & 0xfffU) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 |
           opcode;
}

/* S-type: imm[11:5] | rs2 | rs1 | funct3 | imm[4:0] | opcode */
static uint32_t enc_s(uint32_t opcode, unsigned funct3, unsigned rs2,
                      unsigned rs1, int32_t imm)
{
    uint32_t u = (uint32_t)imm & 0xfffU;
    return (u >> 5) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 |
           (u & 0x1fU) << 7 | opcode;
}

static uint32_t bits(uint32_t v, unsigned hi, unsigned lo)
{
    return (v >> lo) & ((1U << (hi - lo + 1)) - 1);
}

/*
 * CL / CS, word: funct3 | uimm[5:3] | rs1' | uimm[2|6] | rd'/rs2' | 00.
 * CL / CS, double: funct3 | uimm[5:3] | rs1' | uimm[7:6] | rd'/rs2' | 00.
 * Registers are x8..x15, given here by their x number.
 */
static uint32_t enc_cl_w(unsigned funct3, unsigned rdp, unsigned rs1p,
                         uint32_t uimm)
{
    return funct3 << 13 | bits(uimm, 5, 3) << 10 | (rs1p - 8) << 7 |
           bits(uimm, 2, 2) << 6 | bits(uimm, 6, 6) << 5 | (rdp - 8) << 2;
}

static uint32_t enc_cl_d(unsigned funct3, unsigned rdp, unsigned rs1p,
                         uint32_t uimm)
{
    return funct3 << 13 | bits(uimm, 5, 3) << 10 | (rs1p - 8) << 7 |
           bits(uimm, 7, 6) << 5 | (rdp - 8) << 2;
}

/* CI, C.LWSP: funct3 | uimm[5] | rd | uimm[4:2|7:6] | 10 */
static uint32_t enc_ci_w(unsigned funct3, unsigned rd, uint32_t uimm)
{
    return funct3 << 13 | bits(uimm, 5, 5) << 12 | rd << 7 |
           bits(uimm, 4, 2) << 4 | bits(uimm, 7, 6) << 2 | 0x2U;
}

/* CI, C.LDSP/C.FLDSP: funct3 | uimm[5] | rd | uimm[4:3|8:6] | 10 */
static uint32_t enc_ci_d(unsigned funct3, unsigned rd, uint32_t uimm)
{
    return funct3 << 13 | bits(uimm, 5, 5) << 12 | rd << 7 |
           bits(uimm, 4, 3) << 5 | bits(uimm, 8, 6) << 2 | 0x2U;
}

/* CSS, C.SWSP: funct3 | uimm[5:2|7:6] | rs2 | 10 */
static uint32_t enc_css_w(unsigned funct3, unsigned rs2, uint32_t uimm)
{
    return funct3 << 13 | bits(uimm, 5, 2) << 9 | bits(uimm, 7, 6) << 7 |
           rs2 << 2 | 0x2U;
}

/* CSS, C.SDSP/C.FSDSP: funct3 | uimm[5:3|8:6] | rs2 | 10 */
static uint32_t enc_css_d(unsigned funct3, unsigned rs2, uint32_t uimm)
{
    return funct3 << 13 | bits(uimm, 5, 3) << 10 | bits(uimm, 8, 6) << 7 |
           rs2 << 2 | 0x2U;
}

/* ---- Helpers ---- */

struct expect {
    bool write;
    unsigned width;
    bool sign_extend;
    unsigned reg;
    unsigned len;
};

static unsigned checks;       /* successful decodes checked, for the summary */
static const char *what = ""; /* names the instruction in failure messages */

static void check_decode(uint32_t insn, struct expect e)
{
    struct mmio_access a = {0};
    if (!insn_decode_mmio(insn, &a))
        fail_msg("0x%08x %s: not decoded", insn, what);
    if (a.write != e.write || a.width != e.width ||
        a.sign_extend != e.sign_extend || a.reg != e.reg || a.len != e.len)
        fail_msg("0x%08x %s: got write=%d width=%u sext=%d reg=%u len=%u, "
                 "want write=%d width=%u sext=%d reg=%u len=%u",
                 insn, what, a.write, a.width, a.sign_extend, a.reg, a.len,
                 e.write, e.width, e.sign_extend, e.reg, e.len);
    checks++;
}

static void check_reject(uint32_t insn)
{
    /* A poisoned output must come back untouched. */
    struct mmio_access a = {true, 99, true, 99, 99};
    if (insn_decode_mmio(insn, &a))
        fail_msg("0x%08x %s: decoded, want rejected", insn, what);
    assert_int_equal(a.width, 99);
    assert_int_equal(a.reg, 99);
    assert_int_equal(a.len, 99);
}

static void check_htinst(uint64_t htinst, struct expect e)
{
    struct mmio_access a = {0};
    if (!insn_decode_htinst(htinst, &a))
        fail_msg("htinst 0x%llx: not decoded", (unsigned long long)htinst);
    assert_int_equal(a.write, e.write);
    assert_int_equal(a.width, e.width);
    assert_int_equal(a.sign_extend, e.sign_extend);
    assert_int_equal(a.reg, e.reg);
    assert_int_equal(a.len, e.len);
}

static void check_htinst_reject(uint64_t htinst)
{
    struct mmio_access a = {true, 99, true, 99, 99};
    if (insn_decode_htinst(htinst, &a))
        fail_msg("htinst 0x%llx: decoded, want rejected",
                 (unsigned long long)htinst);
    assert_int_equal(a.width, 99);
}

/* Immediates covering sign, every bit position and the extremes. */
static const int32_t simm12[] = {
    0,   1,    2,  4,  8,  16,    32,   64,    128,    256,
    512, 1024, -1, -2, -8, -2048, 2047, 0x555, -0x556, 0x2aa,
};

/* The spec's RV64I load/store forms. */
struct full_form {
    const char *name;
    unsigned funct3;
    unsigned width;
    bool sign_extend;
};

static const struct full_form loads[] = {
    {"lb", 0, 1, true},   {"lh", 1, 2, true},   {"lw", 2, 4, true},
    {"ld", 3, 8, false},  {"lbu", 4, 1, false}, {"lhu", 5, 2, false},
    {"lwu", 6, 4, false},
};

static const struct full_form stores[] = {
    {"sb", 0, 1, false},
    {"sh", 1, 2, false},
    {"sw", 2, 4, false},
    {"sd", 3, 8, false},
};

/* ---- 32-bit forms, every register and immediate ---- */

static void test_full_loads_all_registers(void **state)
{
    (void)state;
    for (size_t f = 0; f < ARRAY_SIZE(loads); f++)
        for (unsigned rd = 0; rd < 32; rd++)
            for (unsigned rs1 = 0; rs1 < 32; rs1++)
                for (size_t i = 0; i < ARRAY_SIZE(simm12); i++)
                    check_decode(
                        enc_i(OP_LOAD, loads[f].funct3, rd, rs1, simm12[i]),
                        (struct expect){false, loads[f].width,
                                        loads[f].sign_extend, rd, 4});
}

static void test_full_stores_all_registers(void **state)
{
    (void)state;
    for (size_t f = 0; f < ARRAY_SIZE(stores); f++)
        for (unsigned rs2 = 0; rs2 < 32; rs2++)
            for (unsigned rs1 = 0; rs1 < 32; rs1++)
                for (size_t i = 0; i < ARRAY_SIZE(simm12); i++)
                    check_decode(
                        enc_s(OP_STORE, stores[f].funct3, rs2, rs1, simm12[i]),
                        (struct expect){true, stores[f].width, false, rs2, 4});
}

/* Reserved LOAD funct3 111, STORE funct3 1xx, and the FP/AMO opcodes. */
static void test_full_reserved_and_other_opcodes(void **state)
{
    (void)state;
    for (unsigned r = 0; r < 32; r++)
        for (size_t i = 0; i < ARRAY_SIZE(simm12); i++) {
            check_reject(enc_i(OP_LOAD, 7, r, r ^ 5, simm12[i]));
            for (unsigned f3 = 4; f3 < 8; f3++)
                check_reject(enc_s(OP_STORE, f3, r, r ^ 5, simm12[i]));
            for (unsigned f3 = 0; f3 < 8; f3++) {
                check_reject(enc_i(OP_LOAD_FP, f3, r, r ^ 5, simm12[i]));
                check_reject(enc_s(OP_STORE_FP, f3, r, r ^ 5, simm12[i]));
                check_reject(enc_i(OP_AMO, f3, r, r ^ 5, simm12[i]));
            }
        }
}

/* Of all 128 values of bits 6:0 (any funct3), only LOAD and STORE decode. */
static void test_full_only_load_store_opcodes(void **state)
{
    (void)state;
    for (uint32_t op = 0; op < 128; op++) {
        if ((op & 3) != 3)
            continue; /* compressed: covered separately */
        for (unsigned f3 = 0; f3 < 8; f3++) {
            uint32_t insn = 0xabc00000U | 13U << 15 | f3 << 12 | 9U << 7 | op;
            bool want =
                (op == OP_LOAD && f3 != 7) || (op == OP_STORE && f3 < 4);
            struct mmio_access a;
            assert_int_equal(insn_decode_mmio(insn, &a), want);
        }
    }
}

/* ---- Compressed forms ---- */

static void test_rvc_cl_cs_all_registers(void **state)
{
    (void)state;
    for (unsigned r = 8; r < 16; r++)
        for (unsigned rs1 = 8; rs1 < 16; rs1++) {
            for (uint32_t u = 0; u <= 124; u += 4) {
                check_decode(enc_cl_w(2, r, rs1, u), /* C.LW */
                             (struct expect){false, 4, true, r, 2});
                check_decode(enc_cl_w(6, r, rs1, u), /* C.SW */
                             (struct expect){true, 4, false, r, 2});
            }
            for (uint32_t u = 0; u <= 248; u += 8) {
                check_decode(enc_cl_d(3, r, rs1, u), /* C.LD */
                             (struct expect){false, 8, false, r, 2});
                check_decode(enc_cl_d(7, r, rs1, u), /* C.SD */
                             (struct expect){true, 8, false, r, 2});
                check_reject(enc_cl_d(1, r, rs1, u)); /* C.FLD */
                check_reject(enc_cl_d(5, r, rs1, u)); /* C.FSD */
            }
        }
}

static void test_rvc_sp_loads_all_registers(void **state)
{
    (void)state;
    for (unsigned rd = 0; rd < 32; rd++) {
        for (uint32_t u = 0; u <= 252; u += 4) {
            uint32_t insn = enc_ci_w(2, rd, u); /* C.LWSP */
            if (rd == 0)
                check_reject(insn); /* reserved */
            else
                check_decode(insn, (struct expect){false, 4, true, rd, 2});
        }
        for (uint32_t u = 0; u <= 504; u += 8) {
            uint32_t insn = enc_ci_d(3, rd, u); /* C.LDSP */
            if (rd == 0)
                check_reject(insn); /* reserved */
            else
                check_decode(insn, (struct expect){false, 8, false, rd, 2});
            check_reject(enc_ci_d(1, rd, u)); /* C.FLDSP */
        }
    }
}

static void test_rvc_sp_stores_all_registers(void **state)
{
    (void)state;
    for (unsigned rs2 = 0; rs2 < 32; rs2++) {
        for (uint32_t u = 0; u <= 252; u += 4)
            check_decode(enc_css_w(6, rs2, u), /* C.SWSP */
                         (struct expect){true, 4, false, rs2, 2});
        for (uint32_t u = 0; u <= 504; u += 8) {
            check_decode(enc_css_d(7, rs2, u), /* C.SDSP */
                         (struct expect){true, 8, false, rs2, 2});
            check_reject(enc_css_d(5, rs2, u)); /* C.FSDSP */
        }
    }
}

/*
 * Every 16-bit pattern: decodes exactly when it is one of the eight RV64C
 * integer loads/stores (the RVC opcode map: quadrant, funct3; rd != 0 for
 * the SP loads), and then with the register the format puts there. The
 * high half of the 32-bit argument is ignored for a compressed instruction.
 */
static void test_rvc_every_halfword(void **state)
{
    (void)state;
    for (uint32_t h = 0; h < 0x10000U; h++) {
        unsigned q = h & 3, f3 = h >> 13, rd = (h >> 7) & 31;
        struct mmio_access a, b;
        bool want, got;

        if (q == 3)
            continue;
        want = (q == 0 && (f3 == 2 || f3 == 3 || f3 == 6 || f3 == 7)) ||
               (q == 2 && (f3 == 6 || f3 == 7)) ||
               (q == 2 && (f3 == 2 || f3 == 3) && rd != 0);
        got = insn_decode_mmio(h, &a);
        if (got != want)
            fail_msg("halfword 0x%04x: got %d want %d", h, got, want);
        assert_int_equal(insn_decode_mmio(0xdead0000U | h, &b), want);
        if (!want)
            continue;
        assert_int_equal(a.len, 2);
        assert_int_equal(a.width, (f3 & 1) ? 8 : 4);
        assert_int_equal(a.write, f3 >= 6);
        assert_int_equal(a.sign_extend, f3 == 2);
        if (q == 0)
            assert_int_equal(a.reg, 8 + ((h >> 2) & 7));
        else if (f3 >= 6)
            assert_int_equal(a.reg, (h >> 2) & 31);
        else
            assert_int_equal(a.reg, rd);
        assert_int_equal(a.reg, b.reg);
        assert_int_equal(a.width, b.width);
        assert_int_equal(a.write, b.write);
        assert_int_equal(a.sign_extend, b.sign_extend);
        assert_int_equal(a.len, b.len);
    }
}

/* ---- Literal encodings, computed by hand and checked with the assembler */

struct literal {
    uint32_t insn;
    const char *text;
    bool ok;
    struct expect e;
};

/* Row tails: whether it decodes, then the expected fields. */
/* clang-format off */
#define LD(w, s, r, l) true, {false, (w), (s), (r), (l)}
#define ST(w, r, l) true, {true, (w), false, (r), (l)}
#define BAD false, {false, 0, false, 0, 0}
/* clang-format on */

static const struct literal literals[] = {
    {0x0085a503, "lw a0,8(a1)", LD(4, true, 10, 4)},
    {0x00013083, "ld ra,0(sp)", LD(8, false, 1, 4)},
    {0xfff40283, "lb t0,-1(s0)", LD(1, true, 5, 4)},
    {0x00074783, "lbu a5,0(a4)", LD(1, false, 15, 4)},
    {0x00231483, "lh s1,2(t1)", LD(2, true, 9, 4)},
    {0x0061d603, "lhu a2,6(gp)", LD(2, false, 12, 4)},
    {0x7fff6f83, "lwu t6,2047(t5)", LD(4, false, 31, 4)},
    {0x80053d83, "ld s11,-2048(a0)", LD(8, false, 27, 4)},
    {0x00052003, "lw zero,0(a0)", LD(4, true, 0, 4)},
    {0x00b50023, "sb a1,0(a0)", ST(1, 11, 4)},
    {0x00711223, "sh t2,4(sp)", ST(2, 7, 4)},
    {0x00112623, "sw ra,12(sp)", ST(4, 1, 4)},
    {0xfe813c23, "sd s0,-8(sp)", ST(8, 8, 4)},
    {0x7ff53c23, "sd t6,2040(a0)", ST(8, 31, 4)},
    {0x00052023, "sw zero,0(a0)", ST(4, 0, 4)},
    {0x4588, "c.lw a0,8(a1)", LD(4, true, 10, 2)},
    {0x4044, "c.lw s1,4(s0)", LD(4, true, 9, 2)},
    {0x5ffc, "c.lw a5,124(a5)", LD(4, true, 15, 2)},
    {0x6588, "c.ld a0,8(a1)", LD(8, false, 10, 2)},
    {0x7fe0, "c.ld s0,248(a5)", LD(8, false, 8, 2)},
    {0xc588, "c.sw a0,8(a1)", ST(4, 10, 2)},
    {0xe898, "c.sd a4,16(s1)", ST(8, 14, 2)},
    {0x40b2, "c.lwsp ra,12(sp)", LD(4, true, 1, 2)},
    {0x5ffe, "c.lwsp t6,252(sp)", LD(4, true, 31, 2)},
    {0x6422, "c.ldsp s0,8(sp)", LD(8, false, 8, 2)},
    {0x757e, "c.ldsp a0,504(sp)", LD(8, false, 10, 2)},
    {0xc606, "c.swsp ra,12(sp)", ST(4, 1, 2)},
    {0xdffe, "c.swsp t6,252(sp)", ST(4, 31, 2)},
    {0xe422, "c.sdsp s0,8(sp)", ST(8, 8, 2)},
    {0xe002, "c.sdsp zero,0(sp)", ST(8, 0, 2)},
    /* Not emulated. */
    {0x00052507, "flw fa0,0(a0)", BAD},
    {0x0085b507, "fld fa0,8(a1)", BAD},
    {0x00a52027, "fsw fa0,0(a0)", BAD},
    {0x00a13427, "fsd fa0,8(sp)", BAD},
    {0x2588, "c.fld fa0,8(a1)", BAD},
    {0xa588, "c.fsd fa0,8(a1)", BAD},
    {0x2522, "c.fldsp fa0,8(sp)", BAD},
    {0xa42a, "c.fsdsp fa0,8(sp)", BAD},
    {0x00b6252f, "amoadd.w a0,a1,(a2)", BAD},
    {0x1005a52f, "lr.w a0,(a1)", BAD},
    {0x18b6252f, "sc.w a0,a1,(a2)", BAD},
    {0x00c58533, "add a0,a1,a2", BAD},
    {0x000000ef, "jal ra,.", BAD},
    {0x4505, "c.li a0,1", BAD},
    {0x0001, "c.nop", BAD},
    {0x0040, "c.addi4spn s0,sp,4", BAD},
    {0x4002, "c.lwsp zero,0(sp) (reserved)", BAD},
    {0x4032, "c.lwsp zero,12(sp) (reserved)", BAD},
    {0x6002, "c.ldsp zero,0(sp) (reserved)", BAD},
    {0x00000000, "all zero (illegal)", BAD},
    {0x0005f503, "LOAD funct3=111 (reserved)", BAD},
    {0x00b54023, "STORE funct3=100 (reserved)", BAD},
    {0x8000, "quadrant 0 funct3=100 (reserved)", BAD},
    {0x0000001f, "48-bit encoding prefix", BAD},
};

static void test_literal_encodings(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(literals); i++) {
        const struct literal *l = &literals[i];
        what = l->text;
        if (l->ok)
            check_decode(l->insn, l->e);
        else
            check_reject(l->insn);
    }
    what = "";
}

/* The test's own encoder agrees with the hand-computed literals. */
static void test_encoder_matches_literals(void **state)
{
    (void)state;
    assert_int_equal(enc_i(OP_LOAD, 2, 10, 11, 8), 0x0085a503);
    assert_int_equal(enc_i(OP_LOAD, 3, 27, 10, -2048), 0x80053d83);
    assert_int_equal(enc_s(OP_STORE, 3, 8, 2, -8), 0xfe813c23);
    assert_int_equal(enc_s(OP_STORE, 3, 31, 10, 2040), 0x7ff53c23);
    assert_int_equal(enc_cl_w(2, 15, 15, 124), 0x5ffc);
    assert_int_equal(enc_cl_d(3, 8, 15, 248), 0x7fe0);
    assert_int_equal(enc_cl_d(7, 14, 9, 16), 0xe898);
    assert_int_equal(enc_ci_w(2, 31, 252), 0x5ffe);
    assert_int_equal(enc_ci_d(3, 10, 504), 0x757e);
    assert_int_equal(enc_css_w(6, 31, 252), 0xdffe);
    assert_int_equal(enc_css_d(7, 8, 8), 0xe422);
    assert_int_equal(enc_ci_d(1, 10, 8), 0x2522);
    assert_int_equal(enc_css_d(5, 10, 8), 0xa42a);
}

/* ---- htinst (priv. spec, H extension, transformed instructions) ---- */

/* Transformed: rs1 (bits 19:15) and the immediate fields are zero. */
static void test_htinst_transformed_32bit(void **state)
{
    (void)state;
    for (unsigned r = 0; r < 32; r++) {
        for (size_t f = 0; f < ARRAY_SIZE(loads); f++)
            check_htinst(enc_i(OP_LOAD, loads[f].funct3, r, 0, 0),
                         (struct expect){false, loads[f].width,
                                         loads[f].sign_extend, r, 4});
        for (size_t f = 0; f < ARRAY_SIZE(stores); f++)
            check_htinst(enc_s(OP_STORE, stores[f].funct3, r, 0, 0),
                         (struct expect){true, stores[f].width, false, r, 4});
    }
    check_htinst(0x00002503, (struct expect){false, 4, true, 10, 4}); /* lw */
    check_htinst(0x00803023, (struct expect){true, 8, false, 8, 4});  /* sd */
    /* A nonzero address offset in the rs1 field does not change the decode. */
    check_htinst(0x000a2503, (struct expect){false, 4, true, 10, 4});
}

/* A compressed original: the 32-bit form with bit 1 cleared, len 2. */
static void test_htinst_transformed_compressed(void **state)
{
    (void)state;
    for (unsigned r = 0; r < 32; r++) {
        for (size_t f = 0; f < ARRAY_SIZE(loads); f++)
            check_htinst(enc_i(OP_LOAD, loads[f].funct3, r, 0, 0) & ~2U,
                         (struct expect){false, loads[f].width,
                                         loads[f].sign_extend, r, 2});
        for (size_t f = 0; f < ARRAY_SIZE(stores); f++)
            check_htinst(enc_s(OP_STORE, stores[f].funct3, r, 0, 0) & ~2U,
                         (struct expect){true, stores[f].width, false, r, 2});
    }
    /* c.lw a0,8(a1) -> lw a0,0(x0) with bit 1 cleared */
    check_htinst(0x00002501, (struct expect){false, 4, true, 10, 2});
    /* c.sdsp ra,8(sp) -> sd ra,0(x0) with bit 1 cleared */
    check_htinst(0x00103021, (struct expect){true, 8, false, 1, 2});
    /* c.ld s0,0(a5) -> ld s0 */
    check_htinst(0x00003401, (struct expect){false, 8, false, 8, 2});
}

static void test_htinst_rejects(void **state)
{
    (void)state;
    check_htinst_reject(0);          /* no information: fetch */
    check_htinst_reject(0x00002000); /* pseudo: 32-bit read (VS-stage PT) */
    check_htinst_reject(0x00003000); /* pseudo: 64-bit read */
    check_htinst_reject(0x00002020); /* pseudo: 32-bit write */
    check_htinst_reject(0x00003020); /* pseudo: 64-bit write */
    check_htinst_reject(0x00002507); /* transformed flw */
    check_htinst_reject(0x00003407); /* transformed fld */
    check_htinst_reject(0x00003405); /* transformed c.fld (bit 1 cleared) */
    check_htinst_reject(0x00a03027); /* transformed fsd */
    check_htinst_reject(0x00a0202f); /* amoadd.w */
    check_htinst_reject(0x00c58531); /* add with bit 1 cleared */
    check_htinst_reject(0x00007503); /* LOAD funct3=111 */
    check_htinst_reject(0x00004023); /* STORE funct3=100 */
    check_htinst_reject(0x0000000000002502ULL); /* bits 1:0 == 10 */
    check_htinst_reject(0x0000000000002500ULL); /* bits 1:0 == 00 */
    check_htinst_reject(0x0000000100002503ULL); /* not a 32-bit value */
    check_htinst_reject(0x8000000000002503ULL);
}

/* ---- mmio_load_value ---- */

static uint64_t load_value(unsigned width, bool sign_extend, uint64_t raw)
{
    struct mmio_access a = {false, width, sign_extend, 10, 4};
    return mmio_load_value(&a, raw);
}

static void test_load_value_sign_extension(void **state)
{
    (void)state;
    assert_int_equal(load_value(1, true, 0x80), 0xffffffffffffff80ULL);
    assert_int_equal(load_value(1, true, 0xff), 0xffffffffffffffffULL);
    assert_int_equal(load_value(1, true, 0x7f), 0x7f);
    assert_int_equal(load_value(2, true, 0x8000), 0xffffffffffff8000ULL);
    assert_int_equal(load_value(2, true, 0x7fff), 0x7fff);
    assert_int_equal(load_value(4, true, 0x80000000), 0xffffffff80000000ULL);
    assert_int_equal(load_value(4, true, 0x7fffffff), 0x7fffffff);
    assert_int_equal(load_value(4, true, 0xdeadbeef), 0xffffffffdeadbeefULL);
    assert_int_equal(load_value(8, false, 0x8000000000000000ULL),
                     0x8000000000000000ULL);
    assert_int_equal(load_value(8, true, 0x8000000000000000ULL),
                     0x8000000000000000ULL);
}

static void test_load_value_unsigned(void **state)
{
    (void)state;
    assert_int_equal(load_value(1, false, 0x80), 0x80);
    assert_int_equal(load_value(2, false, 0x8000), 0x8000);
    assert_int_equal(load_value(4, false, 0x80000000), 0x80000000);
    assert_int_equal(load_value(8, false, 0xffffffffffffffffULL),
                     0xffffffffffffffffULL);
    /* Bits above the access width are not data. */
    assert_int_equal(load_value(1, false, 0x1234), 0x34);
    assert_int_equal(load_value(2, false, 0xabcd1234), 0x1234);
    assert_int_equal(load_value(4, false, 0x1122334455667788ULL), 0x55667788);
    assert_int_equal(load_value(1, true, 0xff80), 0xffffffffffffff80ULL);
}

/* The decode feeds mmio_load_value: LB/LBU of 0x80, LW/LWU of 0x80000000. */
static void test_load_value_after_decode(void **state)
{
    struct mmio_access a;
    (void)state;

    assert_true(insn_decode_mmio(0xfff40283, &a)); /* lb */
    assert_int_equal(mmio_load_value(&a, 0x80), 0xffffffffffffff80ULL);
    assert_true(insn_decode_mmio(0x00074783, &a)); /* lbu */
    assert_int_equal(mmio_load_value(&a, 0x80), 0x80);
    assert_true(insn_decode_mmio(0x00231483, &a)); /* lh */
    assert_int_equal(mmio_load_value(&a, 0x8000), 0xffffffffffff8000ULL);
    assert_true(insn_decode_mmio(0x4588, &a)); /* c.lw */
    assert_int_equal(mmio_load_value(&a, 0x80000000), 0xffffffff80000000ULL);
    assert_true(insn_decode_mmio(0x7fff6f83, &a)); /* lwu */
    assert_int_equal(mmio_load_value(&a, 0x80000000), 0x80000000);
    assert_true(insn_decode_mmio(0x6422, &a)); /* c.ldsp */
    assert_int_equal(mmio_load_value(&a, 0x8000000000000000ULL),
                     0x8000000000000000ULL);
}

/* ---- insn_length ---- */

static void test_insn_length(void **state)
{
    (void)state;
    for (uint32_t h = 0; h < 0x10000U; h++)
        assert_int_equal(insn_length((uint16_t)h), (h & 3) == 3 ? 4 : 2);
    assert_int_equal(insn_length(0xa503), 4); /* low half of lw a0,8(a1) */
    assert_int_equal(insn_length(0x4588), 2); /* c.lw */
    assert_int_equal(insn_length(0x0001), 2); /* c.nop */
    assert_int_equal(insn_length(0x0000), 2);
}

static int report_checks(void **state)
{
    (void)state;
    print_message("insn_decode: %u successful decodes checked field by "
                  "field\n",
                  checks);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_loads_all_registers),
        cmocka_unit_test(test_full_stores_all_registers),
        cmocka_unit_test(test_full_reserved_and_other_opcodes),
        cmocka_unit_test(test_full_only_load_store_opcodes),
        cmocka_unit_test(test_rvc_cl_cs_all_registers),
        cmocka_unit_test(test_rvc_sp_loads_all_registers),
        cmocka_unit_test(test_rvc_sp_stores_all_registers),
        cmocka_unit_test(test_rvc_every_halfword),
        cmocka_unit_test(test_literal_encodings),
        cmocka_unit_test(test_encoder_matches_literals),
        cmocka_unit_test(test_htinst_transformed_32bit),
        cmocka_unit_test(test_htinst_transformed_compressed),
        cmocka_unit_test(test_htinst_rejects),
        cmocka_unit_test(test_load_value_sign_extension),
        cmocka_unit_test(test_load_value_unsigned),
        cmocka_unit_test(test_load_value_after_decode),
        cmocka_unit_test(test_insn_length),
    };
    return cmocka_run_group_tests_name("insn_decode", tests, NULL,
                                       report_checks);
}
