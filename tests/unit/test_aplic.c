/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the physical supervisor APLIC driver
 * (src/arch/riscv/irqc/aia/aplic.c) on a register array standing in for
 * the domain, at the offsets of AIA 4.5 written out as literals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <aia/aplic.h>
#include <core/platform.h>

static uint32_t regs[0x8000 / 4];

#define R(off) regs[(off) / 4]

/* The driver reads the domain's address from the description. */
struct platform platform = {
    .arch = {.irqc = ARCH_IRQC_AIA,
             .aia = {.aplic = {.base = (uintptr_t)regs,
                               .size = 0x8000,
                               .num_sources = 96}}},
};

static int setup(void **state)
{
    (void)state;
    memset(regs, 0xa5, sizeof(regs));
    return 0;
}

static void init_makes_every_source_inactive_and_the_domain_msi(void **s)
{
    (void)s;
    aplic_init(true);
    for (unsigned id = 1; id <= 96; id++)
        assert_int_equal(R(0x0000 + 4 * id), 0);
    /* Beyond the sources: untouched. */
    assert_int_equal(R(0x0000 + 4 * 97), 0xa5a5a5a5);
    /* domaincfg: IE (bit 8) and DM (bit 2, MSI delivery). */
    assert_int_equal(R(0x0000), 0x104);
}

static void a_source_is_configured_disabled_with_its_target(void **s)
{
    (void)s;
    aplic_configure(10, 6, 2, 0, 10);
    assert_int_equal(R(0x1fdc), 10);                     /* clrienum */
    assert_int_equal(R(0x0000 + 4 * 10), 6);             /* Level1 */
    assert_int_equal(R(0x3000 + 4 * 10), 2u << 18 | 10); /* hart 2, EIID */
    /* A guest file: Guest Index in bits 17:12. */
    aplic_configure(96, 4, 7, 1, 33);
    assert_int_equal(R(0x3000 + 4 * 96), 7u << 18 | 1u << 12 | 33);
}

/* A machine without IMSICs: direct delivery, to the harts' IDCs. */
static void a_direct_domain_targets_idcs_and_claims_there(void **s)
{
    (void)s;
    aplic_init(false);
    assert_int_equal(R(0x0000), 0x100); /* domaincfg: IE, DM 0 */
    assert_int_equal(R(0x0000 + 4 * 96), 0);
    /* Hart index 2 at priority 1; the file and identity mean nothing. */
    aplic_configure(10, 6, 2, 1, 10);
    assert_int_equal(R(0x3000 + 4 * 10), 2u << 18 | 1);
    /* IDC 3 (0x4000 + 3 * 32): iforce 0, ithreshold 0, idelivery 1. */
    aplic_idc_init(3);
    assert_int_equal(R(0x4060 + 0x04), 0);
    assert_int_equal(R(0x4060 + 0x08), 0);
    assert_int_equal(R(0x4060 + 0x00), 1);
    assert_int_equal(R(0x4040), 0xa5a5a5a5); /* IDC 2 untouched */
    /* claimi: identity in bits 25:16, priority in 7:0. */
    R(0x4060 + 0x1c) = 10u << 16 | 1;
    assert_int_equal(aplic_claim(3), 10);
    R(0x4060 + 0x1c) = 0;
    assert_int_equal(aplic_claim(3), 0);
    aplic_init(true);
}

static void enable_input_and_resend(void **s)
{
    (void)s;
    aplic_enable(40, true);
    assert_int_equal(R(0x1edc), 40); /* setienum */
    aplic_enable(41, false);
    assert_int_equal(R(0x1fdc), 41); /* clrienum */
    R(0x1d00 + 4) = 1u << 8;         /* in_clrip[1]: source 40 */
    assert_true(aplic_asserted(40));
    assert_false(aplic_asserted(41));
    aplic_resend(40);
    assert_int_equal(R(0x2000), 40); /* setipnum_le */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(
            init_makes_every_source_inactive_and_the_domain_msi, setup),
        cmocka_unit_test_setup(a_source_is_configured_disabled_with_its_target,
                               setup),
        cmocka_unit_test_setup(a_direct_domain_targets_idcs_and_claims_there,
                               setup),
        cmocka_unit_test_setup(enable_input_and_resend, setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
