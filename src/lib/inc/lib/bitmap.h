/* SPDX-License-Identifier: Apache-2.0 */
/* Bitmaps as arrays of 32-bit words (bit n: word n / 32, bit n % 32). */
#ifndef LIB_BITMAP_H
#define LIB_BITMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BITMAP_WORD_BITS 32

static inline bool bitmap_test(const uint32_t *map, unsigned n)
{
    return (map[n / BITMAP_WORD_BITS] >> (n % BITMAP_WORD_BITS)) & 1;
}

static inline void bitmap_set(uint32_t *map, unsigned n)
{
    map[n / BITMAP_WORD_BITS] |= 1U << (n % BITMAP_WORD_BITS);
}

static inline void bitmap_clear(uint32_t *map, unsigned n)
{
    map[n / BITMAP_WORD_BITS] &= ~(1U << (n % BITMAP_WORD_BITS));
}

static inline void bitmap_zero(uint32_t *map, size_t words)
{
    for (size_t i = 0; i < words; i++)
        map[i] = 0;
}

#endif
