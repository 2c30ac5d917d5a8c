/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The generic platform learns the board from its device tree
 * (src/core/platform_dt.c, src/arch/riscv/irqc_probe.c): QEMU virt's three
 * interrupt setups, and the device trees of the boards Baobab has ports
 * for, fed to it as a board's firmware would. What it learns must be what
 * the board's own description says (src/platform/<board>/platform.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dtb_fixture.h"
#include "fakes.h"

#include <core/machine_fit.h>
#include <core/platform.h>
#include <core/platform_dt.h>
#include <lib/fdt.h>

#define MIB (1024UL * 1024)

/* The generic platform as built: what VMs are shown, nothing else. */
struct platform platform;
static const struct platform generic = {
    .name = "generic",
    .generic = true,
    .arch = {.vm = {.plic_size = 0x600000, .plic_sources = 128}},
};

static const char *data_dir;
static void *dtb;
static struct machine_fit_error err;

static int setup(void **state)
{
    (void)state;
    fake_reset();
    platform = generic;
    memset(&err, 0, sizeof(err));
    dtb = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(dtb);
    return 0;
}

static int learn(const char *fixture)
{
    dtb = dtb_fixture(data_dir, fixture, NULL);
    return platform_from_dt(dtb, &platform, &err);
}

static void qemu_virt_plic(void **state)
{
    (void)state;
    assert_int_equal(learn("qemu-virt.dtb"), 0);
    assert_int_equal(platform.arch.irqc, ARCH_IRQC_PLIC);
    assert_int_equal(platform.arch.plic.base, 0xc000000);
    assert_int_equal(platform.arch.plic.size, 0x600000);
    assert_int_equal(platform.arch.plic.num_sources, 97); /* ndev 96 */
    assert_int_equal(platform.arch.plic.contexts_per_hart, 2);
    assert_int_equal(platform.arch.plic.s_context, 1);
    assert_int_equal(platform.console_uart.base, 0x10000000);
    assert_int_equal(platform.console_uart.irq, 10);
    assert_int_equal(platform.console_uart.reg_shift, 0);
    assert_int_equal(platform.timebase_hz, 10000000);
    assert_int_equal(platform.llc.size, 0); /* QEMU describes no cache */
    /* What VMs are shown stays as built. */
    assert_int_equal(platform.arch.vm.plic_size, 0x600000);
}

static void qemu_virt_aia_msi(void **state)
{
    (void)state;
    assert_int_equal(learn("qemu-virt-aia.dtb"), 0);
    assert_int_equal(platform.arch.irqc, ARCH_IRQC_AIA);
    assert_int_equal(platform.arch.aia.aplic.base, 0xd000000);
    assert_int_equal(platform.arch.aia.aplic.num_sources, 96);
    assert_int_equal(platform.arch.aia.imsic.base, 0x28000000);
    assert_int_equal(platform.arch.aia.imsic.num_ids, 255);
    assert_int_equal(platform.arch.aia.imsic.guest_index_bits,
                     2); /* 3 guests */
}

static void qemu_virt_aia_direct(void **state)
{
    (void)state;
    assert_int_equal(learn("qemu-virt-aplic.dtb"), 0);
    assert_int_equal(platform.arch.irqc, ARCH_IRQC_AIA);
    assert_int_equal(platform.arch.aia.aplic.base, 0xd000000);
    assert_int_equal(platform.arch.aia.imsic.base, 0);
}

/* The HiFive Premier P550 / Milk-V Megrez tree: as
 * src/platform/eswin-eic7700x/ describes the board. */
static void eic7700x(void **state)
{
    (void)state;
    assert_int_equal(learn("board-eic7700x.dtb"), 0);
    assert_int_equal(platform.arch.irqc, ARCH_IRQC_PLIC);
    assert_int_equal(platform.arch.plic.base, 0xc000000);
    assert_int_equal(platform.arch.plic.size, 0x4000000);
    assert_int_equal(platform.arch.plic.num_sources, 521);
    assert_int_equal(platform.arch.plic.contexts_per_hart, 2);
    assert_int_equal(platform.arch.plic.s_context, 1);
    /* serial0 through /aliases, its options after the ':' ignored. */
    assert_int_equal(platform.console_uart.base, 0x50900000);
    assert_int_equal(platform.console_uart.size, 0x10000);
    assert_int_equal(platform.console_uart.irq, 100);
    assert_int_equal(platform.console_uart.reg_shift, 2);
    assert_int_equal(platform.console_uart.reg_width, 4);
    assert_int_equal(platform.timebase_hz, 1000000);
    /* The end of the harts' next-level-cache chain: the shared L3. */
    assert_int_equal(platform.llc.size, 4 * MIB);
    assert_int_equal(platform.llc.ways, 16);
}

/* The SpacemiT K3 tree: APLIC in MSI mode, XScale UART, 24 MHz. */
static void spacemit_k3(void **state)
{
    (void)state;
    assert_int_equal(learn("board-spacemit-k3.dtb"), 0);
    assert_int_equal(platform.arch.irqc, ARCH_IRQC_AIA);
    assert_int_equal(platform.arch.aia.aplic.base, 0xe0804000);
    assert_int_equal(platform.arch.aia.aplic.size, 0x4000);
    assert_int_equal(platform.arch.aia.aplic.num_sources, 512);
    assert_int_equal(platform.arch.aia.imsic.base, 0xe0400000);
    assert_int_equal(platform.arch.aia.imsic.num_ids, 511);
    assert_int_equal(platform.arch.aia.imsic.guest_index_bits, 6);
    assert_int_equal(platform.console_uart.base, 0xd4017000);
    assert_int_equal(platform.console_uart.irq, 42);
    assert_int_equal(platform.console_uart.reg_shift, 2);
    assert_int_equal(platform.console_uart.reg_width, 4);
    assert_int_equal(platform.timebase_hz, 24000000);
    assert_int_equal(platform.llc.size, 4 * MIB);
    assert_int_equal(platform.llc.ways, 16);
}

/* One hart with an S-mode context, its id not 0 (a monitor core before
 * it): its context is taken as it is. */
static void a_plic_with_one_supervisor_context(void **state)
{
    (void)state;
    assert_int_equal(learn("plic-one-hart.dtb"), 0);
    assert_int_equal(platform.arch.irqc, ARCH_IRQC_PLIC);
    assert_int_equal(platform.arch.plic.num_sources, 54);
    /* Hart 1's S context, 2, as the driver computes it. */
    assert_int_equal(1 * platform.arch.plic.contexts_per_hart +
                         platform.arch.plic.s_context,
                     2);
    assert_int_equal(platform.console_uart.base, 0); /* no stdout-path */
}

/* stdout-path naming no UART the driver drives: no console UART (the
 * firmware's console), not a guess. */
static void a_console_it_cannot_drive_is_not_taken(void **state)
{
    int chosen;

    (void)state;
    dtb = dtb_fixture(data_dir, "qemu-virt.dtb", NULL);
    chosen = fdt_path(dtb, "/chosen");
    assert_true(chosen >= 0);
    /* The same length as "/soc/serial@10000000": the RTC's path. */
    memcpy((char *)fdt_prop(dtb, chosen, "stdout-path", NULL),
           "/soc/rtc@101000\0\0\0\0\0", 21);
    assert_int_equal(platform_from_dt(dtb, &platform, &err), 0);
    assert_int_equal(platform.console_uart.base, 0);
}

static void a_tree_without_a_controller_is_refused(void **state)
{
    (void)state;
    assert_int_equal(learn("tiny.dtb"), -1);
    assert_non_null(strstr(err.msg, "platform generic"));
}

static void no_tree_is_refused(void **state)
{
    (void)state;
    assert_int_equal(platform_from_dt(NULL, &platform, &err), -1);
    assert_non_null(strstr(err.msg, "needs the host device tree"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        T(qemu_virt_plic),
        T(qemu_virt_aia_msi),
        T(qemu_virt_aia_direct),
        T(eic7700x),
        T(spacemit_k3),
        T(a_plic_with_one_supervisor_context),
        T(a_console_it_cannot_drive_is_not_taken),
        T(a_tree_without_a_controller_is_refused),
        T(no_tree_is_refused),
    };

    data_dir = dtb_fixture_dir(argc, argv);
    if (!data_dir)
        return 2;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
