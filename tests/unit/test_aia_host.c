/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for what the boot reads of the host's supervisor-level AIA
 * (src/arch/riscv/irqc/aia/aia_host.c), on the .dtb fixtures of
 * tests/unit/data: QEMU 10's virt with aia=aplic-imsic (qemu-virt-aia)
 * and aia=aplic (qemu-virt-aplic), the PLIC machine (qemu-virt), and
 * copies of the AIA one broken in memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dtb_fixture.h"
#include <aia/aia_host.h>
#include <lib/fdt.h>

static const char *data_dir;

static void *load(const char *name)
{
    return dtb_fixture(data_dir, name, NULL);
}

static void msi_mode_host_with_guest_files(void **state)
{
    void *dtb = load("qemu-virt-aia.dtb");
    struct aia_host h;

    (void)state;
    assert_int_equal(aia_host_probe(dtb, &h), 0);
    /* The supervisor domain, not the (disabled) machine-level root. */
    assert_int_equal(h.aplic.base, 0xd000000);
    assert_int_equal(h.aplic.size, 0x8000);
    assert_int_equal(h.aplic.num_sources, 96);
    assert_true(h.aplic.msi);
    assert_int_equal(h.imsic.base, 0x28000000);
    assert_int_equal(h.imsic.num_ids, 255);
    assert_int_equal(h.imsic.guest_index_bits, 2);
    /* Hart indices follow the IMSIC's interrupts-extended: hart 1 first. */
    assert_int_equal(h.num_harts, 2);
    assert_int_equal(h.hartid[0], 1);
    assert_int_equal(h.hartid[1], 0);
    assert_int_equal(aia_hart_index(&h, 0), 1);
    assert_int_equal(aia_hart_index(&h, 1), 0);
    assert_int_equal(aia_hart_index(&h, 2), -1);
    free(dtb);
}

static void interrupt_files_by_hart_index_and_guest(void **state)
{
    void *dtb = load("qemu-virt-aia.dtb");
    struct aia_host h;

    (void)state;
    assert_int_equal(aia_host_probe(dtb, &h), 0);
    /* 2^2 pages per hart: the S file, then guest files 1..3. */
    assert_int_equal(aia_imsic_file(&h, 0, 0), 0x28000000);
    assert_int_equal(aia_imsic_file(&h, 0, 1), 0x28001000);
    assert_int_equal(aia_imsic_file(&h, 0, 3), 0x28003000);
    assert_int_equal(aia_imsic_file(&h, 1, 0), 0x28004000);
    assert_int_equal(aia_imsic_file(&h, 1, 1), 0x28005000);
    /* No guest file 4, no hart index 2. */
    assert_int_equal(aia_imsic_file(&h, 0, 4), 0);
    assert_int_equal(aia_imsic_file(&h, 2, 0), 0);
    free(dtb);
}

static void direct_mode_host_has_no_files(void **state)
{
    void *dtb = load("qemu-virt-aplic.dtb");
    struct aia_host h;

    (void)state;
    assert_int_equal(aia_host_probe(dtb, &h), 0);
    assert_int_equal(h.aplic.base, 0xd000000);
    assert_false(h.aplic.msi);
    /* The IDCs' harts, in the APLIC's interrupts-extended order. */
    assert_int_equal(h.num_harts, 2);
    assert_int_equal(h.hartid[0], 0);
    assert_int_equal(h.hartid[1], 1);
    assert_int_equal(aia_imsic_file(&h, 0, 0), 0);
    free(dtb);
}

static void a_plic_machine_has_no_aia(void **state)
{
    void *dtb = load("qemu-virt.dtb");
    struct aia_host h;

    (void)state;
    assert_int_equal(aia_host_probe(dtb, &h), -1);
    free(dtb);
}

/* Overwrite the first `from` in the blob's strings or structure with `to`
 * (same length), to break one fact of the tree. */
static void patch(void *dtb, const char *from, const char *to)
{
    size_t size = fdt_totalsize(dtb), len = strlen(from);
    char *p = dtb;

    assert_int_equal(strlen(to), len);
    for (size_t i = 0; i + len <= size; i++) {
        if (!memcmp(p + i, from, len)) {
            memcpy(p + i, to, len);
            return;
        }
    }
    fail_msg("'%s' not in the tree", from);
}

static void an_inconsistent_tree_is_refused(void **state)
{
    static const struct {
        const char *from, *to;
    } breaks[] = {
        /* The msi-parent is no IMSIC. */
        {"riscv,imsics", "riscv,imsicX"},
        /* No identities. */
        {"riscv,num-ids", "riscv,num-idX"},
        /* The harts are no CPU interrupt controllers. */
        {"riscv,cpu-intc", "riscv,cpu-intX"},
        /* No supervisor APLIC at all. */
        {"riscv,num-sources", "riscv,num-sourceX"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(breaks) / sizeof(breaks[0]); i++) {
        void *dtb = load("qemu-virt-aia.dtb");
        struct aia_host h;

        patch(dtb, breaks[i].from, breaks[i].to);
        assert_int_equal(aia_host_probe(dtb, &h), -1);
        free(dtb);
    }
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(msi_mode_host_with_guest_files),
        cmocka_unit_test(interrupt_files_by_hart_index_and_guest),
        cmocka_unit_test(direct_mode_host_has_no_files),
        cmocka_unit_test(a_plic_machine_has_no_aia),
        cmocka_unit_test(an_inconsistent_tree_is_refused),
    };

    data_dir = dtb_fixture_dir(argc, argv);
    if (!data_dir)
        return 2;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
