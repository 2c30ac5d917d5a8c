/* SPDX-License-Identifier: Apache-2.0 */
/* Reading riscv,isa strings: single letters and multi-letter extensions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arch/isa.h>

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
    };
    return cmocka_run_group_tests_name("isa", tests, NULL, NULL);
}
