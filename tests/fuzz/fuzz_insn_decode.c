/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The MMIO instruction decoder (src/arch/riscv/insn_decode.c) on any
 * instruction word and any htinst: what it accepts is a 1, 2, 4 or 8-byte
 * access to x0..x31 from a 2 or 4-byte instruction, and a load's value
 * fits its width.
 */
#include <arch/insn_decode.h>

#include "fuzz_input.h"

static void check(const struct mmio_access *a, uint64_t raw)
{
    uint64_t v = mmio_load_value(a, raw);
    unsigned bits = a->width * 8;

    FUZZ_ASSERT(a->width == 1 || a->width == 2 || a->width == 4 ||
                a->width == 8);
    FUZZ_ASSERT(a->reg < 32);
    FUZZ_ASSERT(a->len == 2 || a->len == 4);
    FUZZ_ASSERT(!(a->write && a->sign_extend));
    if (bits < 64 && !a->sign_extend)
        FUZZ_ASSERT(v >> bits == 0);
    if (bits < 64 && a->sign_extend)
        FUZZ_ASSERT(v >> (bits - 1) == 0 ||
                    v >> (bits - 1) == (~0ULL >> (bits - 1)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};

    while (in.n) {
        uint32_t insn = fuzz_u32(&in);
        uint64_t htinst = fuzz_u64(&in), raw = fuzz_u64(&in);
        struct mmio_access a;
        unsigned len = insn_length((uint16_t)insn);

        FUZZ_ASSERT(len == ((insn & 3) == 3 ? 4 : 2));
        if (insn_decode_mmio(insn, &a)) {
            check(&a, raw);
            FUZZ_ASSERT(a.len == len);
        }
        if (insn_decode_htinst(htinst, &a))
            check(&a, raw);
    }
    return 0;
}
