/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the machine fit checks (src/core/machine_fit.c): one test
 * per kind of mismatch between what the host device tree shows and what
 * the build expects, each checking the whole line the hypervisor prints,
 * and that QEMU virt's own tree fits. The .dtb fixtures come from
 * tests/unit/data/ (qemu-virt.dts and fit-*.dts), in the directory given
 * as the first argument (tests/unit/unit.mk passes it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "dtb_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <core/arch_hooks.h>
#include <core/machine_fit.h>

static const char *data_dir;

/* What the checks read of the platform: its name and two addresses. */
static const struct platform test_platform = {
    .name = "qemu-riscv64-virt",
    .console_uart = {.base = 0x10000000UL, .size = 0x1000, .irq = 10},
    .arch = {.plic = {.base = 0xc000000UL, .size = 0x600000}},
};

static void *load_dtb(const char *name)
{
    return dtb_fixture(data_dir, name, NULL);
}

/* ---- Interrupt controller and console UART ------------------------------ */

static void test_qemu_virt_fits(void **state)
{
    struct machine_fit_error err;
    void *dtb = load_dtb("qemu-virt.dtb");

    (void)state;
    assert_int_equal(arch_machine_fit_irqc(dtb, &test_platform, &err), 0);
    assert_int_equal(machine_fit_console(dtb, &test_platform, &err), 0);
    free(dtb);
}

static void test_no_tree_nothing_to_compare(void **state)
{
    struct machine_fit_error err;
    static const char garbage[64] = "not a device tree";

    (void)state;
    assert_false(machine_dtb_usable(NULL));
    assert_int_equal(arch_machine_fit_irqc(NULL, &test_platform, &err), 0);
    assert_int_equal(machine_fit_console(garbage, &test_platform, &err), 0);
}

static void test_aplic_in_msi_mode_instead_of_plic(void **state)
{
    struct machine_fit_error err;
    void *dtb = load_dtb("fit-aplic-imsic.dtb");

    (void)state;
    assert_int_equal(arch_machine_fit_irqc(dtb, &test_platform, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has an APLIC at 0xd000000 (MSI mode, "
                        "IMSICs at 0x28000000) and no PLIC; the build expects "
                        "a PLIC at 0xc000000 (platform qemu-riscv64-virt)");
    assert_int_equal(machine_fit_console(dtb, &test_platform, &err), 0);
    free(dtb);
}

static void test_direct_aplic_instead_of_plic(void **state)
{
    struct machine_fit_error err;
    void *dtb = load_dtb("fit-aplic.dtb");

    (void)state;
    assert_int_equal(arch_machine_fit_irqc(dtb, &test_platform, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has an APLIC at 0xd000000 and no PLIC; "
                        "the build expects a PLIC at 0xc000000 (platform "
                        "qemu-riscv64-virt)");
    free(dtb);
}

static void test_plic_elsewhere(void **state)
{
    struct machine_fit_error err;
    void *dtb = load_dtb("fit-moved.dtb");

    (void)state;
    assert_int_equal(arch_machine_fit_irqc(dtb, &test_platform, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has a PLIC at 0xe000000; the build "
                        "expects a PLIC at 0xc000000 (platform "
                        "qemu-riscv64-virt)");
    free(dtb);
}

static void test_no_interrupt_controller(void **state)
{
    struct machine_fit_error err;
    void *dtb = load_dtb("fit-bare.dtb");

    (void)state;
    assert_int_equal(arch_machine_fit_irqc(dtb, &test_platform, &err), -1);
    assert_string_equal(err.msg,
                        "this machine's device tree shows no PLIC and no "
                        "APLIC; the build expects a PLIC at 0xc000000 "
                        "(platform qemu-riscv64-virt)");
    free(dtb);
}

static void test_uart_elsewhere(void **state)
{
    struct machine_fit_error err;
    void *dtb = load_dtb("fit-moved.dtb");

    (void)state;
    assert_int_equal(machine_fit_console(dtb, &test_platform, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has its NS16550-family UART at "
                        "0x10010000; the build expects its console UART at "
                        "0x10000000 (platform qemu-riscv64-virt)");
    free(dtb);
}

static void test_no_ns16550_uart(void **state)
{
    struct machine_fit_error err;
    void *dtb = load_dtb("fit-bare.dtb");

    (void)state;
    assert_int_equal(machine_fit_console(dtb, &test_platform, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has no NS16550-family UART; the build "
                        "expects its console UART at 0x10000000 (platform "
                        "qemu-riscv64-virt)");
    free(dtb);
}

/* ---- Harts and RAM -------------------------------------------------------*/

/* VM 0: 3 vCPUs anywhere; VM 1: 1 vCPU on hart 3, 32 MiB placed at
 * 0x90000000; shmem 0 placed at 0x98000000. */
static struct vm_mem_region regions[2][1];
static struct vm_config vms[2];
static struct shmem shmems[1];
static struct config cfg;
static struct mem_range ram_2g[1] = {{0x80000000UL, 0x80000000UL}};

static int setup_config(void **state)
{
    (void)state;
    memset(regions, 0, sizeof(regions));
    memset(vms, 0, sizeof(vms));
    memset(shmems, 0, sizeof(shmems));
    regions[0][0] =
        (struct vm_mem_region){.base = 0x80000000, .size = 0x4000000};
    regions[1][0] = (struct vm_mem_region){.base = 0x80000000,
                                           .size = 0x2000000,
                                           .place_phys = true,
                                           .phys = 0x90000000};
    for (int i = 0; i < 2; i++) {
        vms[i].platform.region_num = 1;
        vms[i].platform.regions = regions[i];
    }
    vms[0].platform.cpu_num = 3;
    vms[1].platform.cpu_num = 1;
    vms[1].cpu_affinity = 0x8;
    shmems[0] =
        (struct shmem){.size = 0x10000, .place_phys = true, .phys = 0x98000000};
    cfg = (struct config){.vmlist_size = 2,
                          .vmlist = vms,
                          .shmemlist_size = 1,
                          .shmemlist = shmems};
    return 0;
}

static void test_harts_fit(void **state)
{
    struct machine_fit_error err;

    (void)state;
    assert_int_equal(machine_fit_harts(&cfg, "two", 0xf, &err), 0);
    assert_int_equal(machine_fit_harts(&cfg, "two", 0xff, &err), 0);
}

static void test_fewer_harts_than_vcpus(void **state)
{
    struct machine_fit_error err;

    (void)state;
    vms[1].cpu_affinity = 0;
    assert_int_equal(machine_fit_harts(&cfg, "two", 0x3, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has 2 harts (0,1); the build expects 4, "
                        "one per vCPU (config two: VM 0: 3, VM 1: 1 vCPUs)");
}

static void test_affinity_names_missing_harts(void **state)
{
    struct machine_fit_error err;

    (void)state;
    vms[1].cpu_affinity = 0x30;
    assert_int_equal(machine_fit_harts(&cfg, "two", 0x1f, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has harts 0,1,2,3,4; the build expects "
                        "harts 5 too, for VM 1's cpu_affinity 0x30 (config "
                        "two)");
}

static void test_ram_fits(void **state)
{
    struct machine_fit_error err;

    (void)state;
    assert_int_equal(machine_fit_ram(&cfg, "two", ram_2g, 1, &err), 0);
}

static void test_placed_region_beyond_ram(void **state)
{
    struct machine_fit_error err;
    struct mem_range ram_256m = {0x80000000UL, 0x10000000UL};

    (void)state;
    assert_int_equal(machine_fit_ram(&cfg, "two", &ram_256m, 1, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has RAM at 0x80000000-0x8fffffff; the "
                        "build expects RAM at 0x90000000-0x91ffffff for VM 1 "
                        "regions[0] (config two)");
}

static void test_placed_region_across_a_ram_end(void **state)
{
    struct machine_fit_error err;
    struct mem_range ram[2] = {{0x80000000UL, 0x11000000UL},
                               {0x100000000UL, 0x10000000UL}};

    (void)state;
    assert_int_equal(machine_fit_ram(&cfg, "two", ram, 2, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has RAM at 0x80000000-0x90ffffff, "
                        "0x100000000-0x10fffffff; the build expects RAM at "
                        "0x90000000-0x91ffffff for VM 1 regions[0] (config "
                        "two)");
}

static void test_placed_shmem_beyond_ram(void **state)
{
    struct machine_fit_error err;
    struct mem_range ram_384m = {0x80000000UL, 0x18000000UL};

    (void)state;
    assert_int_equal(machine_fit_ram(&cfg, "two", &ram_384m, 1, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has RAM at 0x80000000-0x97ffffff; the "
                        "build expects RAM at 0x98000000-0x9800ffff for "
                        "shmemlist[0] (config two)");
}

static void test_loaded_image_beyond_ram(void **state)
{
    struct machine_fit_error err;

    (void)state;
    vms[0].image.separately_loaded = true;
    vms[0].image.load_addr = 0x100000000UL;
    vms[0].image.size = 0x1000;
    assert_int_equal(machine_fit_ram(&cfg, "two", ram_2g, 1, &err), -1);
    assert_string_equal(err.msg,
                        "this machine has RAM at 0x80000000-0xffffffff; the "
                        "build expects RAM at 0x100000000-0x100000fff for VM "
                        "0's loaded image (config two)");
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qemu_virt_fits),
        cmocka_unit_test(test_no_tree_nothing_to_compare),
        cmocka_unit_test(test_aplic_in_msi_mode_instead_of_plic),
        cmocka_unit_test(test_direct_aplic_instead_of_plic),
        cmocka_unit_test(test_plic_elsewhere),
        cmocka_unit_test(test_no_interrupt_controller),
        cmocka_unit_test(test_uart_elsewhere),
        cmocka_unit_test(test_no_ns16550_uart),
        cmocka_unit_test_setup(test_harts_fit, setup_config),
        cmocka_unit_test_setup(test_fewer_harts_than_vcpus, setup_config),
        cmocka_unit_test_setup(test_affinity_names_missing_harts, setup_config),
        cmocka_unit_test_setup(test_ram_fits, setup_config),
        cmocka_unit_test_setup(test_placed_region_beyond_ram, setup_config),
        cmocka_unit_test_setup(test_placed_region_across_a_ram_end,
                               setup_config),
        cmocka_unit_test_setup(test_placed_shmem_beyond_ram, setup_config),
        cmocka_unit_test_setup(test_loaded_image_beyond_ram, setup_config),
    };

    data_dir = dtb_fixture_dir(argc, argv);
    if (!data_dir)
        return 2;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
