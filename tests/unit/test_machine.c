/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the boot hart learns of the machine (src/core/machine.c) from the
 * host device tree, with the real FDT reader: RAM, reserved ranges, harts,
 * timebase and ISA; and the platform's defaults when there is no tree. The
 * .dtb fixtures come from tests/unit/data/, in the directory given as the
 * first argument (tests/unit/unit.mk passes it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtb_fixture.h"
#include "fakes.h"

#include <core/platform.h>

#define GIB (1024UL * 1024 * 1024)

/* A build for three harts: QEMU virt's fourth is one too many. */
struct platform platform = {
    .name = "test-board",
    .max_harts = 3,
    .ram = {.base = 0x80000000, .size = 0x8000000},
    .timebase_hz = 1000000,
    .guest_isa = "rv64imafdc",
};

static const char *data_dir;
static void *dtb;

static void *load_dtb(const char *name)
{
    return dtb_fixture(data_dir, name, NULL);
}

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(&machine, 0, sizeof(machine)); /* .bss at boot */
    dtb = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(dtb);
    return 0;
}

static void probe(const char *fixture)
{
    dtb = load_dtb(fixture);
    machine_probe(dtb);
}

static void without_a_tree_the_platform_says(void **state)
{
    static const char garbage[64] = "not a device tree";

    (void)state;
    machine_probe(garbage);
    assert_non_null(strstr(fake.printk_last, "[baobab] warning: no usable "
                                             "host device tree at "));
    assert_non_null(strstr(fake.printk_last, ": using the test-board "
                                             "defaults\n"));
    assert_int_equal(machine.ram_num, 1);
    assert_int_equal(machine.ram[0].base, 0x80000000);
    assert_int_equal(machine.ram[0].size, 0x8000000);
    assert_int_equal(machine.reserved_num, 0);
    assert_int_equal(machine.hart_mask, 0x7);
    assert_int_equal(machine.timebase_hz, 1000000);
    assert_true(machine.arch.has_h);
    assert_true(machine.arch.has_sstc);
    /* Every hart has what guests are offered: F and D, no V. */
    assert_int_equal(machine.arch.fpu_f_mask, 0x7);
    assert_int_equal(machine.arch.fpu_d_mask, 0x7);
    assert_int_equal(machine.arch.vector_mask, 0);
}

static void qemu_virt(void **state)
{
    (void)state;
    probe("qemu-virt.dtb");
    assert_int_equal(fake.printk_n, 1);
    assert_string_equal(fake.printk_last, "[baobab] warning: hart 3 is beyond "
                                          "the 3 harts this build manages\n");
    assert_int_equal(machine.ram_num, 1);
    assert_int_equal(machine.ram[0].base, 0x80000000);
    assert_int_equal(machine.ram[0].size, 4 * GIB);
    assert_int_equal(machine.hart_mask, 0x7);
    assert_int_equal(machine.timebase_hz, 10000000);
    assert_true(machine.arch.has_h);
    assert_true(machine.arch.has_sstc);
    assert_int_equal(machine.arch.fpu_f_mask, 0x7);
    assert_int_equal(machine.arch.fpu_d_mask, 0x7);
    assert_int_equal(machine.arch.vector_mask, 0);
    assert_int_equal(machine.iommu.size, 0); /* QEMU without iommu-sys */
    assert_true(machine.arch.has_envcfg);
}

/* A P550's harts (privileged 1.11 with H): the probe finds no envcfg CSRs,
 * and the boot says so once. */
static void harts_without_envcfg(void **state)
{
    (void)state;
    fake_has_envcfg = false;
    probe("qemu-virt.dtb");
    fake_has_envcfg = true;
    assert_false(machine.arch.has_envcfg);
    assert_true(machine.arch.has_h);
    assert_non_null(strstr(fake.printk_all,
                           "[baobab] the harts have no henvcfg/senvcfg "
                           "(privileged spec 1.11): Sstc is not used, nor "
                           "written\n"));
}

/* Trees that give a hart's ISA as riscv,isa-base and riscv,isa-extensions
 * (the SpacemiT K3's), with no riscv,isa: read as the same ISA. */
static void harts_with_isa_extensions(void **state)
{
    (void)state;
    probe("board-spacemit-k3.dtb");
    assert_true(machine.arch.has_h);
    assert_true(machine.arch.has_sstc);
    assert_int_equal(machine.arch.fpu_d_mask, 0x7);
    assert_int_equal(machine.arch.vector_mask, 0x7);
    assert_int_equal(machine.timebase_hz, 24000000);
}

/* QEMU 10.0's -M virt,iommu-sys=on: the IOMMU's registers, and its first
 * wire, whatever the form of its interrupt cells. */
static void qemu_virt_with_an_iommu(void **state)
{
    (void)state;
    probe("qemu-virt-iommu.dtb");
    assert_int_equal(machine.iommu.base, 0x3010000);
    assert_int_equal(machine.iommu.size, 0x1000);
    assert_int_equal(machine.arch.iommu_irq, 36);
}

/*
 * Harts 0, 1, 2 and 7 (4 is disabled); hart 2 has no H, so the machine
 * has none; hart 7 is beyond the build's three.
 */
static void a_tree_with_odd_harts(void **state)
{
    (void)state;
    probe("test-tree.dtb");
    assert_int_equal(fake.printk_n, 1);
    assert_string_equal(fake.printk_last, "[baobab] warning: hart 7 is beyond "
                                          "the 3 harts this build manages\n");
    assert_int_equal(machine.hart_mask, 0x7);
    assert_false(machine.arch.has_h);
    assert_true(machine.arch.has_sstc);
    assert_int_equal(machine.arch.fpu_f_mask, 0x7);
    assert_int_equal(machine.arch.fpu_d_mask, 0x7);
    /* Three RAM ranges (the empty and disabled ones skipped) ... */
    assert_int_equal(machine.ram_num, 3);
    assert_int_equal(machine.ram[0].base, 0x80000000);
    assert_int_equal(machine.ram[0].size, 2 * GIB);
    assert_int_equal(machine.ram[1].base, 0x100000000);
    assert_int_equal(machine.ram[1].size, 0x10000000);
    assert_int_equal(machine.ram[2].base, 0x300000000);
    assert_int_equal(machine.ram[2].size, 4 * GIB);
    /* ... and the firmware's two reserved ones. */
    assert_int_equal(machine.reserved_num, 2);
    assert_int_equal(machine.reserved[0].base, 0x80000000);
    assert_int_equal(machine.reserved[0].size, 0x40000);
    assert_int_equal(machine.reserved[1].base, 0x80040000);
    assert_int_equal(machine.reserved[1].size, 0x20000);
    assert_int_equal(machine.timebase_hz, 10000000);
}

/* No memory node, harts with no ISA, the timebase on a cpu node. */
static void a_sparse_tree_falls_back_where_it_must(void **state)
{
    (void)state;
    probe("timebase-cpu.dtb");
    assert_int_equal(machine.ram_num, 1);
    assert_int_equal(machine.ram[0].base, platform.ram.base);
    assert_int_equal(machine.hart_mask, 0x2);
    assert_int_equal(machine.timebase_hz, 1000000);
    /* Without an ISA string: no Sstc, no FPU assumed. */
    assert_false(machine.arch.has_sstc);
    assert_int_equal(machine.arch.fpu_f_mask | machine.arch.fpu_d_mask, 0);
}

/* No harts at all in the tree: hart 0 (the boot hart) still runs. */
static void a_tree_without_harts(void **state)
{
    (void)state;
    probe("tiny.dtb");
    assert_int_equal(machine.hart_mask, 0x1);
    assert_int_equal(machine.timebase_hz, platform.timebase_hz);
    assert_int_equal(machine.ram_num, 1);
    assert_int_equal(machine.reserved_num, 2);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        T(without_a_tree_the_platform_says),
        T(qemu_virt),
        T(harts_without_envcfg),
        T(harts_with_isa_extensions),
        T(qemu_virt_with_an_iommu),
        T(a_tree_with_odd_harts),
        T(a_sparse_tree_falls_back_where_it_must),
        T(a_tree_without_harts),
    };

    data_dir = dtb_fixture_dir(argc, argv);
    if (!data_dir)
        return 2;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
