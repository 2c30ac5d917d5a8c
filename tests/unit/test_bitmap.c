/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the bitmaps of src/lib/inc/lib/bitmap.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <lib/bitmap.h>

static void set_test_and_clear_cross_words(void **state)
{
    uint32_t map[3] = {0};

    (void)state;
    bitmap_set(map, 0);
    bitmap_set(map, 31);
    bitmap_set(map, 32);
    bitmap_set(map, 95);
    assert_int_equal(map[0], 0x80000001u);
    assert_int_equal(map[1], 1u);
    assert_int_equal(map[2], 0x80000000u);
    assert_true(bitmap_test(map, 32));
    assert_false(bitmap_test(map, 33));
    bitmap_clear(map, 31);
    assert_false(bitmap_test(map, 31));
    assert_true(bitmap_test(map, 0));
    bitmap_zero(map, 3);
    assert_int_equal(map[0] | map[1] | map[2], 0);
}

/* Every single bit, and every bit with all the bits above it set. */
static void the_lowest_bit_of_every_word_shape(void **state)
{
    (void)state;
    for (unsigned b = 0; b < 32; b++) {
        assert_int_equal(bitmap_word_lowest(1u << b), b);
        assert_int_equal(bitmap_word_lowest(~0u << b), b);
        assert_int_equal(bitmap_word_lowest((1u << b) | 0x80000000u), b);
    }
    assert_int_equal(bitmap_word_lowest(0x00000c00u), 10);
    assert_int_equal(bitmap_word_lowest(0xfffe0000u), 17);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_test_and_clear_cross_words),
        cmocka_unit_test(the_lowest_bit_of_every_word_shape),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
