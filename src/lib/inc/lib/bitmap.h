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

/*
 * The number of the lowest set bit of `word`, which must not be 0. There
 * is no count-trailing-zeros instruction without Zbb, and no libgcc to
 * call: the lowest bit alone, times a de Bruijn sequence (every 5-bit
 * window of it distinct), puts a distinct value in the top 5 bits for each
 * bit number, which the table turns back into the number:
 * table[((1 << n) * BITMAP_DE_BRUIJN) >> 27] == n.
 */
#define BITMAP_DE_BRUIJN 0x077cb531u

static inline unsigned bitmap_word_lowest(uint32_t word)
{
    static const uint8_t table[BITMAP_WORD_BITS] = {
        0,  1,  28, 2,  29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4,  8,
        31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6,  11, 5,  10, 9};

    return table[(uint32_t)((word & -word) * BITMAP_DE_BRUIJN) >> 27];
}

static inline void bitmap_zero(uint32_t *map, size_t words)
{
    for (size_t i = 0; i < words; i++)
        map[i] = 0;
}

#endif
