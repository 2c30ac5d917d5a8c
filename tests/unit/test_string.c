/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Our memcpy and memset (src/lib/string.c, renamed to baobab_* by unit.mk's
 * -D flags, which apply to this file too) against byte-by-byte references,
 * for every alignment of both ends and every length around the word size.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#if !defined(memcpy) || !defined(memset)
#error "build with -Dmemcpy=baobab_memcpy -Dmemset=baobab_memset"
#endif

#define SPAN 96

static unsigned char src[SPAN + 16], got[SPAN + 32], want[SPAN + 32];

static void ref_copy(unsigned char *d, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
}

static void ref_set(unsigned char *d, unsigned char c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = c;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7 + seed);
}

static void test_memcpy_every_alignment_and_length(void **state)
{
    (void)state;
    fill(src, sizeof(src), 3);
    for (size_t so = 0; so < 8; so++) {
        for (size_t doff = 0; doff < 8; doff++) {
            for (size_t n = 0; n <= SPAN; n++) {
                fill(got, sizeof(got), 200);
                fill(want, sizeof(want), 200);
                assert_ptr_equal(memcpy(got + doff, src + so, n), got + doff);
                ref_copy(want + doff, src + so, n);
                for (size_t i = 0; i < sizeof(got); i++)
                    assert_int_equal(got[i], want[i]);
            }
        }
    }
}

static void test_memset_every_alignment_and_length(void **state)
{
    (void)state;
    for (size_t doff = 0; doff < 8; doff++) {
        for (size_t n = 0; n <= SPAN; n++) {
            fill(got, sizeof(got), 9);
            fill(want, sizeof(want), 9);
            /* Only the low byte of c counts. */
            assert_ptr_equal(memset(got + doff, 0x1a5, n), got + doff);
            ref_set(want + doff, 0xa5, n);
            for (size_t i = 0; i < sizeof(got); i++)
                assert_int_equal(got[i], want[i]);
        }
    }
}

/* A device tree's string property need not end inside its length: strnlen
 * never reads past the bound. */
static void test_strnlen_stops_at_the_bound(void **state)
{
    static const char unterminated[4] = {'s', 's', 't', 'c'};

    (void)state;
    assert_int_equal(strnlen("sstc", 8), 4);
    assert_int_equal(strnlen("sstc", 2), 2);
    assert_int_equal(strnlen(unterminated, sizeof(unterminated)), 4);
    assert_int_equal(strnlen("", 4), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memcpy_every_alignment_and_length),
        cmocka_unit_test(test_memset_every_alignment_and_length),
        cmocka_unit_test(test_strnlen_stops_at_the_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
