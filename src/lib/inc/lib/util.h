/* SPDX-License-Identifier: Apache-2.0 */
#ifndef LIB_UTIL_H
#define LIB_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a) (((x) + ((a)-1)) & ~((uint64_t)(a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((uint64_t)(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((uint64_t)(a)-1)) == 0)
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define BIT(n) (1UL << (n))

#define KIB (1024UL)
#define MIB (1024UL * KIB)
#define GIB (1024UL * MIB)

/* True when [base, base + size) wraps around the address space. */
static inline bool range_wraps(uint64_t base, uint64_t size)
{
    return size != 0 && base + size - 1 < base;
}

/* True when [a, a + as) and [b, b + bs) share at least one byte. */
static inline bool ranges_overlap(uint64_t a, uint64_t as, uint64_t b,
                                  uint64_t bs)
{
    if (as == 0 || bs == 0)
        return false;
    return a <= b + bs - 1 && b <= a + as - 1;
}

/* True when [in, in + ins) lies entirely within [out, out + outs). */
static inline bool range_contains(uint64_t out, uint64_t outs, uint64_t in,
                                  uint64_t ins)
{
    if (ins == 0 || range_wraps(in, ins) || range_wraps(out, outs))
        return false;
    return in >= out && in + ins - 1 <= out + outs - 1;
}

static inline unsigned popcount64(uint64_t v)
{
    unsigned n = 0;

    for (; v; v &= v - 1)
        n++;
    return n;
}

#endif
