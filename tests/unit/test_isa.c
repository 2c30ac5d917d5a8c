/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading riscv,isa strings (single letters and multi-letter extensions),
 * and writing them in canonical form.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arch/isa.h>
#include <stdio.h>
#include <string.h>

#define QEMU_ISA "rv64imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc"

static void test_single_letters(void **state)
{
    (void)state;
    assert_true(isa_has_letter(QEMU_ISA, 'h'));
    assert_true(isa_has_letter(QEMU_ISA, 'i'));
    assert_true(isa_has_letter(QEMU_ISA, 'c'));
    assert_false(isa_has_letter(QEMU_ISA, 'v'));
    assert_true(isa_has_letter("RV64IMACH", 'h'));
    assert_false(isa_has_letter("rv64imac", 'h'));
}

static void test_letters_stop_at_multi_letter_names(void **state)
{
    (void)state;
    /* The 'h' in "zihintpause" or "sstc" is not the H extension. */
    assert_false(isa_has_letter("rv64imac_zihintpause", 'h'));
    assert_false(isa_has_letter("rv64imacsstc", 's'));
    assert_false(isa_has_letter("rv64imaczicsr", 'z'));
}

static void test_letters_need_a_base(void **state)
{
    (void)state;
    assert_false(isa_has_letter("imafdch", 'h'));
    assert_false(isa_has_letter("", 'h'));
    assert_false(isa_has_letter("rv6", 'h'));
}

static void test_multi_letter_extensions(void **state)
{
    (void)state;
    assert_true(isa_has_extension(QEMU_ISA, "sstc"));
    assert_true(isa_has_extension(QEMU_ISA, "zicsr"));
    assert_true(isa_has_extension(QEMU_ISA, "zihintpause"));
    assert_true(isa_has_extension("rv64imafdch_SSTC", "sstc"));
    assert_false(isa_has_extension("rv64imafdch_zicsr", "sstc"));
}

static void test_extension_names_match_whole(void **state)
{
    (void)state;
    /* Prefixes and longer names do not count. */
    assert_false(isa_has_extension("rv64imac_sstcx", "sstc"));
    assert_false(isa_has_extension("rv64imac_sst", "sstc"));
    assert_false(isa_has_extension("rv64imac_zicsr_zifencei", "zi"));
    /* Nor does the base string itself. */
    assert_false(isa_has_extension("rv64sstc", "sstc"));
}

static void test_g_stands_for_imafd(void **state)
{
    (void)state;
    assert_true(isa_has_letter("rv64gc", 'f'));
    assert_true(isa_has_letter("rv64gc", 'd'));
    assert_true(isa_has_letter("rv64gch", 'i'));
    assert_true(isa_has_letter("rv64gch", 'h'));
    assert_false(isa_has_letter("rv64gc", 'v'));
    assert_false(isa_has_letter("rv64gc", 'h'));
}

static void test_state_units(void **state)
{
    (void)state;
    assert_int_equal(isa_state_units(QEMU_ISA), ISA_UNIT_F | ISA_UNIT_D);
    assert_int_equal(isa_state_units("rv64imafdcvh_zicsr"),
                     ISA_UNIT_F | ISA_UNIT_D | ISA_UNIT_V);
    assert_int_equal(isa_state_units("rv64gc"), ISA_UNIT_F | ISA_UNIT_D);
    assert_int_equal(isa_state_units("rv64imafch"), ISA_UNIT_F);
    assert_int_equal(isa_state_units("rv64imach"), 0);
    assert_int_equal(isa_state_units("rv64imacvh"), ISA_UNIT_V);
    /* No F, so no FP registers, whatever 'd' says. */
    assert_int_equal(isa_state_units("rv64imadch"), 0);
    /* Letters of multi-letter names are not units. */
    assert_int_equal(isa_state_units("rv64imach_zfh_zve32x_svadu"), 0);
    assert_int_equal(isa_state_units("imafdv"), 0);
}

static void test_base_and_letters(void **state)
{
    size_t n = 0;
    const char *p;

    (void)state;
    assert_int_equal(isa_xlen("rv64imac"), 64);
    assert_int_equal(isa_xlen("RV32IMAC"), 32);
    assert_int_equal(isa_xlen("rv16i"), 0);
    assert_int_equal(isa_xlen("rv6"), 0);
    p = isa_letters("rv64imac_zicsr", &n);
    assert_non_null(p);
    assert_int_equal(n, 4);
    assert_memory_equal(p, "imac", 4);
    /* A multi-letter name ends the letters even without an underscore. */
    isa_letters("rv64imaczicsr", &n);
    assert_int_equal(n, 4);
    assert_null(isa_letters("imac", &n));
}

static void test_next_extension(void **state)
{
    const char *s = "__zicsr_zba", *p;
    size_t n = 0;

    (void)state;
    p = isa_next_extension(s, &n);
    assert_ptr_equal(p, s + 2);
    assert_int_equal(n, 5);
    p = isa_next_extension(p + n, &n);
    assert_ptr_equal(p, s + 8);
    assert_int_equal(n, 3);
    assert_null(isa_next_extension(p + n, &n));
    assert_null(isa_next_extension("___", &n));
}

/* isa_parse then isa_format: `want`, or the parse fails. */
static void assert_canonical(const char *s, const char *want)
{
    struct isa_parts isa;
    char buf[ISA_STRING_MAX];

    if (isa_parse(s, &isa, NULL) != ISA_PARSE_OK)
        fail_msg("\"%s\" not parsed", s);
    assert_true(isa_format(&isa, buf, sizeof(buf)));
    assert_string_equal(buf, want);
}

static void test_canonical_form(void **state)
{
    (void)state;
    assert_canonical(QEMU_ISA, QEMU_ISA);
    /* Lowercase; letters in canonical order; repeats dropped. */
    assert_canonical("RV64CVHAFDMI_ZBA", "rv64imafdcvh_zba");
    assert_canonical("rv64iimac_zba_zba", "rv64imac_zba");
    /* "g" is its letters, and zicsr and zifencei ahead of the rest. */
    assert_canonical("rv64gc_zba_zicsr", "rv64imafdc_zicsr_zifencei_zba");
    /* Multi-letter names keep their order, underscore or not. */
    assert_canonical("rv32imaczba__svpbmt_zbb", "rv32imac_zba_svpbmt_zbb");
    assert_canonical("rv32e", "rv32e");
}

static void test_canonical_edits(void **state)
{
    struct isa_parts isa;
    char buf[ISA_STRING_MAX];

    (void)state;
    assert_int_equal(isa_parse("rv64imach_zicsr_zba_svpbmt_xfoo", &isa, NULL),
                     ISA_PARSE_OK);
    isa_remove_letter(&isa, 'h');
    isa_remove_letter(&isa, 'v'); /* not there */
    /* An added name goes among its class, sorted. */
    assert_int_equal(isa_add_extension(&isa, "sstc"), ISA_PARSE_OK);
    assert_int_equal(isa_add_extension(&isa, "zihintpause"), ISA_PARSE_OK);
    assert_int_equal(isa_add_extension(&isa, "zba"), ISA_PARSE_OK);
    assert_true(isa_format(&isa, buf, sizeof(buf)));
    assert_string_equal(buf, "rv64imac_zicsr_zba_zihintpause_sstc_svpbmt_xfoo");
    isa_remove_extension(&isa, "sstc");
    isa_remove_extension(&isa, "sstc");
    assert_true(isa_format(&isa, buf, sizeof(buf)));
    assert_string_equal(buf, "rv64imac_zicsr_zba_zihintpause_svpbmt_xfoo");
    /* Exactly the room the string and its NUL take, and one less. */
    assert_true(isa_format(&isa, buf, strlen(buf) + 1));
    assert_false(isa_format(&isa, buf, strlen(buf)));
}

static void test_parse_errors(void **state)
{
    struct isa_parts isa;
    char long_isa[ISA_STRING_MAX + 8], bad = 0;
    size_t n = 0;

    (void)state;
    assert_int_equal(isa_parse("imac", &isa, NULL), ISA_PARSE_NO_BASE);
    assert_int_equal(isa_parse("rv64im1c", &isa, &bad), ISA_PARSE_BAD_LETTER);
    assert_int_equal(bad, '1');
    assert_int_equal(isa_parse("rv64mac_zicsr", &isa, NULL),
                     ISA_PARSE_NO_INTEGER);
    memset(long_isa, 'a', sizeof(long_isa) - 1);
    long_isa[sizeof(long_isa) - 1] = '\0';
    memcpy(long_isa, "rv64i_", 6);
    assert_int_equal(isa_parse(long_isa, &isa, NULL), ISA_PARSE_TOO_LONG);
    /* A name of ISA_NAME_MAX characters, then one extension too many. */
    assert_int_equal(
        isa_parse("rv64i_zabcdefghijklmnopqrstuvwxyzabcde", &isa, NULL),
        ISA_PARSE_TOO_MANY);
    n = (size_t)snprintf(long_isa, sizeof(long_isa), "rv64i");
    for (int i = 0; i <= ISA_MAX_EXTENSIONS; i++)
        n += (size_t)snprintf(long_isa + n, sizeof(long_isa) - n, "_x%d", i);
    assert_int_equal(isa_parse(long_isa, &isa, NULL), ISA_PARSE_TOO_MANY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_letters),
        cmocka_unit_test(test_letters_stop_at_multi_letter_names),
        cmocka_unit_test(test_letters_need_a_base),
        cmocka_unit_test(test_multi_letter_extensions),
        cmocka_unit_test(test_extension_names_match_whole),
        cmocka_unit_test(test_g_stands_for_imafd),
        cmocka_unit_test(test_state_units),
        cmocka_unit_test(test_base_and_letters),
        cmocka_unit_test(test_next_extension),
        cmocka_unit_test(test_canonical_form),
        cmocka_unit_test(test_canonical_edits),
        cmocka_unit_test(test_parse_errors),
    };
    return cmocka_run_group_tests_name("isa", tests, NULL, NULL);
}
