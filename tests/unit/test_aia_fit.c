/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the AIA machine check (src/arch/riscv/irqc/aia/aia_fit.c):
 * an AIA build on the .dtb fixtures of tests/unit/data (QEMU's aia=aplic-imsic
 * and aia=aplic machines, the PLIC one), against a description of
 * qemu-riscv64-virt-aia. Each refusal is one line naming what the machine
 * has and what the build expects.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "dtb_fixture.h"
#include <aia/aia_host.h>
#include <core/arch_hooks.h>
#include <core/machine_fit.h>

static const char *data_dir;
struct machine machine;

static struct platform aia_platform(void)
{
    return (struct platform){
        .name = "test-aia",
        .max_harts = 2,
        .arch = {.irqc = ARCH_IRQC_AIA,
                 .aia = {.aplic = {.base = 0xd000000,
                                   .size = 0x8000,
                                   .num_sources = 96},
                         .imsic = {.base = 0x28000000,
                                   .size = 0x8000,
                                   .num_ids = 255}}},
    };
}

/* The fit of `fixture` with the harts of `mask`: 0, or -1 and the line. */
static int fit(const char *fixture, const struct platform *p, uint64_t mask,
               struct machine_fit_error *err)
{
    void *dtb = fixture ? dtb_fixture(data_dir, fixture, NULL) : NULL;
    int rc;

    machine.hart_mask = mask;
    rc = arch_machine_fit_irqc(dtb, p, err);
    free(dtb);
    return rc;
}

static void the_aia_machine_fits_and_is_kept(void **state)
{
    struct platform p = aia_platform();
    struct machine_fit_error err;

    (void)state;
    assert_int_equal(fit("qemu-virt-aia.dtb", &p, 0x3, &err), 0);
    /* Its harts' order, for targets: hart 1 has index 0 there. */
    assert_int_equal(aia_hart_index(&aia_machine, 1), 0);
    assert_int_equal(aia_machine.imsic.num_ids, 255);
}

static void without_a_tree_the_description_holds(void **state)
{
    struct platform p = aia_platform();
    struct machine_fit_error err;

    (void)state;
    assert_int_equal(fit(NULL, &p, 0x3, &err), 0);
    assert_int_equal(aia_hart_index(&aia_machine, 1), 1);
    assert_true(aia_machine.aplic.msi);
    assert_int_equal(aia_machine.aplic.base, 0xd000000);
}

static void expect_refusal(const char *fixture, const struct platform *p,
                           uint64_t mask, const char *line)
{
    struct machine_fit_error err;

    assert_int_equal(fit(fixture, p, mask, &err), -1);
    assert_string_equal(err.msg, line);
}

static void a_plic_machine_is_named(void **state)
{
    struct platform p = aia_platform();

    (void)state;
    expect_refusal("qemu-virt.dtb", &p, 0x1,
                   "this machine has a PLIC at 0xc000000 and no APLIC; the "
                   "build expects an APLIC at 0xd000000 (platform test-aia)");
}

static void a_direct_mode_aplic_is_named(void **state)
{
    struct platform p = aia_platform();

    (void)state;
    expect_refusal("qemu-virt-aplic.dtb", &p, 0x3,
                   "this machine's APLIC at 0xd000000 delivers directly (no "
                   "IMSIC); the build needs it in MSI mode with IMSICs "
                   "(platform test-aia)");
}

/* A description without IMSICs: the direct-only machine (aia=aplic). */
static struct platform direct_platform(void)
{
    struct platform p = aia_platform();

    p.name = "test-aplic";
    p.arch.aia.imsic = (typeof(p.arch.aia.imsic)){0};
    return p;
}

static void a_direct_build_fits_the_direct_machine(void **state)
{
    struct platform p = direct_platform();
    struct machine_fit_error err;

    (void)state;
    assert_int_equal(fit("qemu-virt-aplic.dtb", &p, 0x3, &err), 0);
    assert_false(aia_machine.aplic.msi);
    assert_int_equal(aia_machine.num_harts, 2);
    assert_int_equal(aia_hart_index(&aia_machine, 1), 1);
    /* Without a tree, the description: direct delivery too. */
    assert_int_equal(fit(NULL, &p, 0x3, &err), 0);
    assert_false(aia_machine.aplic.msi);
}

static void a_direct_build_refuses_an_msi_machine(void **state)
{
    struct platform p = direct_platform();

    (void)state;
    expect_refusal("qemu-virt-aia.dtb", &p, 0x3,
                   "this machine's APLIC at 0xd000000 delivers by MSIs to "
                   "IMSICs at 0x28000000; the build drives it in direct mode "
                   "(platform test-aplic)");
}

static void a_hart_without_an_idc_is_named(void **state)
{
    struct platform p = direct_platform();

    (void)state;
    expect_refusal("qemu-virt-aplic.dtb", &p, 0x7,
                   "hart 2 has no supervisor APLIC interrupt delivery "
                   "control in this machine's device tree");
}

static void moved_controllers_are_named(void **state)
{
    struct platform p = aia_platform();

    (void)state;
    p.arch.aia.aplic.base = 0xe000000;
    expect_refusal("qemu-virt-aia.dtb", &p, 0x3,
                   "this machine has its supervisor APLIC at 0xd000000; the "
                   "build expects it at 0xe000000 (platform test-aia)");
    p = aia_platform();
    p.arch.aia.imsic.base = 0x30000000;
    expect_refusal("qemu-virt-aia.dtb", &p, 0x3,
                   "this machine has its supervisor IMSICs at 0x28000000; "
                   "the build expects them at 0x30000000 (platform "
                   "test-aia)");
}

static void fewer_sources_than_described_are_named(void **state)
{
    struct platform p = aia_platform();

    (void)state;
    p.arch.aia.aplic.num_sources = 128;
    expect_refusal("qemu-virt-aia.dtb", &p, 0x3,
                   "this machine's APLIC has 96 sources; the build expects "
                   "128 (platform test-aia)");
}

static void a_hart_without_a_file_is_named(void **state)
{
    struct platform p = aia_platform();

    (void)state;
    expect_refusal("qemu-virt-aia.dtb", &p, 0x7,
                   "hart 2 has no supervisor interrupt file in this "
                   "machine's device tree");
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_aia_machine_fits_and_is_kept),
        cmocka_unit_test(without_a_tree_the_description_holds),
        cmocka_unit_test(a_plic_machine_is_named),
        cmocka_unit_test(a_direct_mode_aplic_is_named),
        cmocka_unit_test(a_direct_build_fits_the_direct_machine),
        cmocka_unit_test(a_direct_build_refuses_an_msi_machine),
        cmocka_unit_test(a_hart_without_an_idc_is_named),
        cmocka_unit_test(moved_controllers_are_named),
        cmocka_unit_test(fewer_sources_than_described_are_named),
        cmocka_unit_test(a_hart_without_a_file_is_named),
    };

    data_dir = dtb_fixture_dir(argc, argv);
    if (!data_dir)
        return 2;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
