/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fuzzer's bytes, taken as the numbers a harness needs: each call takes
 * the next bytes (little-endian), and 0s once they run out, so every input
 * is a valid run.
 */
#ifndef FUZZ_INPUT_H
#define FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

struct fuzz_in {
    const uint8_t *p;
    size_t n;
};

static inline uint64_t fuzz_bytes(struct fuzz_in *in, unsigned bytes)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < bytes && in->n; i++, in->p++, in->n--)
        v |= (uint64_t)*in->p << (8 * i);
    return v;
}

static inline uint8_t fuzz_u8(struct fuzz_in *in)
{
    return (uint8_t)fuzz_bytes(in, 1);
}

static inline uint32_t fuzz_u32(struct fuzz_in *in)
{
    return (uint32_t)fuzz_bytes(in, 4);
}

static inline uint64_t fuzz_u64(struct fuzz_in *in)
{
    return fuzz_bytes(in, 8);
}

/* A harness found a broken rule: crash, so the fuzzer keeps the input. */
#define FUZZ_ASSERT(cond)                                                      \
    do {                                                                       \
        if (!(cond))                                                           \
            __builtin_trap();                                                  \
    } while (0)

#endif
