/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the hypervisor's printf-style formatter (src/lib/format.c).
 * It is built with -Dvsnprintf=baobab_vsnprintf -Dsnprintf=baobab_snprintf
 * (here and in format.c) so that it does not clash with the host libc, whose
 * sprintf serves as the reference where both define the behaviour.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <lib/format.h>
#include <lib/util.h>

#if !defined(snprintf) || !defined(vsnprintf)
#error "build with -Dvsnprintf=baobab_vsnprintf -Dsnprintf=baobab_snprintf"
#endif

/* Format with ours into a fresh buffer; the buffer's tail must stay intact. */
#define GUARD '#'
static char out[256];
static int out_len;

static void fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static void fmt(const char *f, ...)
{
    va_list ap;

    memset(out, GUARD, sizeof(out));
    va_start(ap, f);
    out_len = vsnprintf(out, sizeof(out), f, ap);
    va_end(ap);
    assert_true(out_len >= 0 && (size_t)out_len < sizeof(out));
    assert_int_equal(strlen(out), out_len);
}

/*
 * The same without the compiler's format checking, for formats printf
 * deems wrong but the hypervisor must still survive.
 */
static int raw(char *buf, size_t size, const char *f, ...)
{
    va_list ap;
    int n;

    va_start(ap, f);
    n = vsnprintf(buf, size, f, ap);
    va_end(ap);
    return n;
}

/* Ours gives `expect` and returns its length. */
#define EXPECT(expect, ...)                                                    \
    do {                                                                       \
        fmt(__VA_ARGS__);                                                      \
        assert_string_equal(out, expect);                                      \
        assert_int_equal(out_len, strlen(expect));                             \
    } while (0)

/* Ours and the host libc agree. */
#define SAME_AS_LIBC(...)                                                      \
    do {                                                                       \
        char ref_[256];                                                        \
        int ref_len_ = sprintf(ref_, __VA_ARGS__);                             \
        fmt(__VA_ARGS__);                                                      \
        assert_string_equal(out, ref_);                                        \
        assert_int_equal(out_len, ref_len_);                                   \
    } while (0)

static void test_plain_text(void **state)
{
    (void)state;
    EXPECT("", "%s", "");
    EXPECT("hello, world", "hello, world");
    EXPECT("100%", "100%%");
    EXPECT("%d", "%%d");
}

static void test_signed(void **state)
{
    (void)state;
    EXPECT("0", "%d", 0);
    EXPECT("42", "%d", 42);
    EXPECT("-42", "%d", -42);
    EXPECT("-7", "%i", -7);
    EXPECT("2147483647", "%d", INT_MAX);
    EXPECT("-2147483648", "%d", INT_MIN);
    EXPECT("-1", "%ld", -1L);
    EXPECT("9223372036854775807", "%ld", LONG_MAX);
    EXPECT("-9223372036854775808", "%ld", LONG_MIN);
    EXPECT("-9223372036854775808", "%lld", LLONG_MIN);
    EXPECT("-5", "%zd", (ssize_t)-5);
    /* %d takes an int: the upper half of a long argument slot is ignored. */
    EXPECT("-1 7", "%d %d", -1, 7);
}

static void test_unsigned_and_hex(void **state)
{
    (void)state;
    EXPECT("0", "%u", 0U);
    EXPECT("4294967295", "%u", UINT_MAX);
    EXPECT("18446744073709551615", "%lu", ULONG_MAX);
    EXPECT("18446744073709551615", "%llu", ULLONG_MAX);
    EXPECT("4096", "%zu", (size_t)4096);
    EXPECT("0", "%x", 0U);
    EXPECT("deadbeef", "%x", 0xdeadbeefU);
    EXPECT("DEADBEEF", "%X", 0xdeadbeefU);
    EXPECT("ffffffff", "%x", -1);
    EXPECT("ffffffffffffffff", "%lx", ~0UL);
    EXPECT("80200000", "%lx", 0x80200000UL);
    EXPECT("123456789abcdef0", "%lx", 0x123456789abcdef0UL);
    EXPECT("1000", "%zx", (size_t)0x1000);
}

static void test_strings_and_chars(void **state)
{
    char buf[16];

    (void)state;
    EXPECT("abc", "%s", "abc");
    EXPECT("[baobab] vm1", "[%s] vm%u", "baobab", 1U);
    assert_int_equal(raw(buf, sizeof(buf), "%s|", (const char *)NULL), 7);
    assert_string_equal(buf, "(null)|");
    EXPECT("x", "%c", 'x');
    EXPECT("a-b", "%c%c%c", 'a', '-', 'b');
    EXPECT("\xe9", "%c", 0xe9);
    EXPECT("x=%", "%c=%%", 'x');
}

static void test_pointer(void **state)
{
    (void)state;
    EXPECT("0x1234", "%p", (void *)0x1234);
    EXPECT("0x80200000", "%p", (void *)0x80200000UL);
    EXPECT("0xffffffffffffffff", "%p", (void *)~0UL);
    EXPECT("0x0", "%p", (void *)0);
}

static void test_width_and_padding(void **state)
{
    (void)state;
    EXPECT("   42", "%5d", 42);
    EXPECT("42   |", "%-5d|", 42);
    EXPECT("00042", "%05d", 42);
    EXPECT("  -42", "%5d", -42);
    EXPECT("-0042", "%05d", -42);
    EXPECT("-42  |", "%-5d|", -42);
    EXPECT("-42", "%03d", -42);
    EXPECT("-42", "%02d", -42);
    EXPECT("12345", "%3d", 12345);
    EXPECT("000000ff", "%08x", 0xffU);
    EXPECT("0000000080200000", "%016lx", 0x80200000UL);
    EXPECT("   ab", "%5s", "ab");
    EXPECT("ab   |", "%-5s|", "ab");
    EXPECT("abcdef", "%3s", "abcdef");
    EXPECT("    x", "%5c", 'x');
    EXPECT("x    |", "%-5c|", 'x');
    EXPECT("vm0 : ok", "%-4s: %s", "vm0", "ok");
    /* Flags in any order; '-' beats '0'. */
    char buf[16];
    assert_int_equal(raw(buf, sizeof(buf), "%-05d|", 7), 6);
    assert_string_equal(buf, "7    |");
    assert_int_equal(raw(buf, sizeof(buf), "%0-5d|", 7), 6);
    assert_string_equal(buf, "7    |");
    assert_int_equal(raw(buf, sizeof(buf), "%-05d|", -7), 6);
    assert_string_equal(buf, "-7   |");
    /* A width of 0 changes nothing. */
    EXPECT("7", "%0d", 7);
}

static void test_agrees_with_libc(void **state)
{
    static const long values[] = {0,
                                  1,
                                  -1,
                                  9,
                                  10,
                                  -10,
                                  255,
                                  4096,
                                  INT_MAX,
                                  INT_MIN,
                                  LONG_MAX,
                                  LONG_MIN,
                                  0x7fffffffffffL};

    (void)state;
    for (unsigned i = 0; i < ARRAY_SIZE(values); i++) {
        long v = values[i];
        int iv = (int)v;
        unsigned uv = (unsigned)v;

        SAME_AS_LIBC("%d|%5d|%-5d|%05d|%1d", iv, iv, iv, iv, iv);
        SAME_AS_LIBC("%ld|%22ld|%-22ld|%022ld", v, v, v, v);
        SAME_AS_LIBC("%u|%12u|%012u|%-12u", uv, uv, uv, uv);
        SAME_AS_LIBC("%x|%X|%8x|%08X|%-8x", uv, uv, uv, uv, uv);
        SAME_AS_LIBC("%lx|%lX|%020lx|%-20lx|%lu", (unsigned long)v,
                     (unsigned long)v, (unsigned long)v, (unsigned long)v,
                     (unsigned long)v);
    }
    SAME_AS_LIBC("%s|%10s|%-10s|%c|%3c|%-3c|%%", "str", "str", "str", 'c', 'c',
                 'c');
    SAME_AS_LIBC("%p %p", (void *)0x1000, (void *)0xdeadbeefcafeUL);
}

static void test_truncation(void **state)
{
    char buf[16];
    int n;

    (void)state;
    memset(buf, GUARD, sizeof(buf));
    /* Returns the full length; writes size - 1 characters and a NUL. */
    n = snprintf(buf, 5, "hello %s", "world");
    assert_int_equal(n, 11);
    assert_string_equal(buf, "hell");
    for (unsigned i = 5; i < sizeof(buf); i++)
        assert_int_equal(buf[i], GUARD);

    /* Cut inside a number and inside padding. */
    memset(buf, GUARD, sizeof(buf));
    n = snprintf(buf, 4, "%d", -123456);
    assert_int_equal(n, 7);
    assert_string_equal(buf, "-12");
    assert_int_equal(buf[4], GUARD);
    n = snprintf(buf, 4, "%8x", 0xabU);
    assert_int_equal(n, 8);
    assert_string_equal(buf, "   ");

    /* Exactly fitting, and one short. */
    n = snprintf(buf, 6, "%s", "12345");
    assert_int_equal(n, 5);
    assert_string_equal(buf, "12345");
    n = snprintf(buf, 5, "%s", "12345");
    assert_int_equal(n, 5);
    assert_string_equal(buf, "1234");

    /* Size 1: only the terminator. */
    memset(buf, GUARD, sizeof(buf));
    n = snprintf(buf, 1, "%lx", 0x123UL);
    assert_int_equal(n, 3);
    assert_int_equal(buf[0], '\0');
    assert_int_equal(buf[1], GUARD);
}

static void test_size_zero(void **state)
{
    char buf[4] = {GUARD, GUARD, GUARD, GUARD};

    (void)state;
    /* Nothing is written, not even a NUL; the length is still counted. */
    assert_int_equal(snprintf(buf, 0, "abc %d", 12), 6);
    for (unsigned i = 0; i < sizeof(buf); i++)
        assert_int_equal(buf[i], GUARD);
    /* So a NULL buffer is fine for measuring. */
    assert_int_equal(snprintf(NULL, 0, "%s=%08lx", "x", 1UL), 10);
}

static void test_odd_formats(void **state)
{
    char buf[32];
    int n;

    (void)state;
    /* Unknown conversions are printed as written. */
    n = raw(buf, sizeof(buf), "a%qb");
    assert_string_equal(buf, "a%qb");
    assert_int_equal(n, 4);
    /* A lone '%' at the end, even after flags, stops cleanly. */
    n = raw(buf, sizeof(buf), "abc%");
    assert_string_equal(buf, "abc");
    assert_int_equal(n, 3);
    n = raw(buf, sizeof(buf), "abc%-0");
    assert_string_equal(buf, "abc");
    assert_int_equal(n, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text),
        cmocka_unit_test(test_signed),
        cmocka_unit_test(test_unsigned_and_hex),
        cmocka_unit_test(test_strings_and_chars),
        cmocka_unit_test(test_pointer),
        cmocka_unit_test(test_width_and_padding),
        cmocka_unit_test(test_agrees_with_libc),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_size_zero),
        cmocka_unit_test(test_odd_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
