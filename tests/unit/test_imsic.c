/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the hypervisor's supervisor interrupt file driver
 * (src/arch/riscv/irqc/aia/imsic.c) against a model of the file behind
 * siselect/sireg/stopei (AIA 3.8, 3.9), written here from the spec with its
 * register numbers as literals: eidelivery 0x70, eithreshold 0x72, eip
 * 0x80.., eie 0xc0.. (even numbers only on RV64).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fakes.h"
#include <aia/imsic.h>
#include <arch/csr.h>

#define NUM_IDS 255

/* The file: its indirect registers by siselect number, and the window. */
static unsigned long file[0x100];
static bool touched[0x100];
static unsigned long siselect;
/* The guest file hstatus.VGEIN selects, behind vsiselect/vsireg, and the
 * hart's GEILEN (hgeie bits GEILEN:1 writable). */
static unsigned long guest[0x100];
static bool guest_touched[0x100];
static unsigned long vsiselect, hgeie;
static unsigned geilen;

/* AIA 3.9: the highest-priority (lowest) identity pending and enabled,
 * as stopei reports it (identity in 26:16 and 10:0). */
static unsigned top(void)
{
    if (file[0x70] != 1)
        return 0;
    for (unsigned id = 1; id <= NUM_IDS; id++) {
        unsigned reg = id / 64 * 2;

        if ((file[0x80 + reg] & file[0xc0 + reg]) >> (id % 64) & 1)
            return id;
    }
    return 0;
}

static bool model_read(unsigned csr, unsigned long *val)
{
    switch (csr) {
    case 0x150:
        *val = siselect;
        return true;
    case 0x151:
        /* RV64: odd eip/eie numbers do not exist. */
        assert_true(siselect < 0x80 || siselect % 2 == 0);
        *val = file[siselect];
        return true;
    case 0x15c:
        *val = (unsigned long)top() << 16 | top();
        return true;
    case 0x607:
        *val = hgeie;
        return true;
    default:
        return false;
    }
}

static bool model_write(unsigned csr, unsigned long val)
{
    unsigned id;

    switch (csr) {
    case 0x150:
        siselect = val;
        return true;
    case 0x151:
        assert_true(siselect < 0x80 || siselect % 2 == 0);
        file[siselect] = val;
        touched[siselect] = true;
        return true;
    case 0x250:
        vsiselect = val;
        return true;
    case 0x251:
        assert_true(vsiselect < 0x80 || vsiselect % 2 == 0);
        guest[vsiselect] = val;
        guest_touched[vsiselect] = true;
        return true;
    case 0x607:
        hgeie = val & (((1UL << geilen) - 1) << 1);
        return true;
    case 0x15c:
        /* Any write claims the top identity: its pending bit clears. */
        id = top();
        if (id)
            file[0x80 + id / 64 * 2] &= ~(1UL << (id % 64));
        return true;
    default:
        return false;
    }
}

static const struct fake_csr_model model = {model_read, model_write};

static int setup(void **state)
{
    (void)state;
    memset(file, 0, sizeof(file));
    memset(touched, 0, sizeof(touched));
    siselect = 0;
    memset(guest, 0, sizeof(guest));
    memset(guest_touched, 0, sizeof(guest_touched));
    vsiselect = hgeie = 0;
    fake_csr_model = &model;
    return 0;
}

static void init_clears_every_implemented_bit_and_turns_delivery_on(void **s)
{
    (void)s;
    for (unsigned r = 0x80; r < 0x100; r++)
        file[r] = ~0UL;
    file[0x72] = 5;
    imsic_init_hart(NUM_IDS);
    assert_int_equal(file[0x70], 1);
    assert_int_equal(file[0x72], 0);
    /* Identities 0..255: eip0, eip2, eip4, eip6 and the eie the same. */
    for (unsigned r = 0; r < 8; r += 2) {
        assert_int_equal(file[0x80 + r], 0);
        assert_int_equal(file[0xc0 + r], 0);
    }
    /* Nothing beyond the implemented identities is touched. */
    assert_false(touched[0x88] || touched[0xc8]);
}

static void enable_sets_the_identity_bit_in_its_even_register(void **s)
{
    (void)s;
    imsic_init_hart(NUM_IDS);
    imsic_enable(10, true);
    imsic_enable(70, true);
    imsic_enable(255, true);
    assert_int_equal(file[0xc0], 1UL << 10);
    assert_int_equal(file[0xc2], 1UL << 6);
    assert_int_equal(file[0xc6], 1UL << 63);
    imsic_enable(70, false);
    assert_int_equal(file[0xc2], 0);
    assert_int_equal(file[0xc0], 1UL << 10);
}

static void claim_takes_the_top_identity_once(void **s)
{
    (void)s;
    imsic_init_hart(NUM_IDS);
    assert_int_equal(imsic_claim(), 0);
    imsic_enable(10, true);
    imsic_enable(96, true);
    file[0x80] |= 1UL << 10;
    file[0x82] |= 1UL << 32; /* 96 */
    file[0x80] |= 1UL << 11; /* pending but not enabled */
    assert_int_equal(imsic_claim(), 10);
    assert_int_equal(imsic_claim(), 96);
    assert_int_equal(imsic_claim(), 0);
    assert_int_equal(file[0x80], 1UL << 11);
}

/* A guest file as at reset, through vsiselect: the hypervisor's own file
 * is not touched, nor anything beyond the implemented identities. */
static void a_guest_file_is_cleared_with_delivery_off(void **s)
{
    (void)s;
    for (unsigned r = 0x70; r < 0x100; r++)
        guest[r] = ~0UL;
    imsic_guest_file_clear(NUM_IDS);
    assert_int_equal(guest[0x70], 0);
    assert_int_equal(guest[0x72], 0);
    for (unsigned r = 0; r < 8; r += 2) {
        assert_int_equal(guest[0x80 + r], 0);
        assert_int_equal(guest[0xc0 + r], 0);
    }
    assert_false(guest_touched[0x88] || guest_touched[0xc8]);
    for (unsigned r = 0; r < 0x100; r++)
        assert_false(touched[r]);
}

static void the_guest_files_are_what_hgeie_keeps(void **s)
{
    (void)s;
    for (geilen = 0; geilen <= 7; geilen++) {
        assert_int_equal(imsic_guest_files(), geilen);
        assert_int_equal(hgeie, 0); /* left off */
    }
}

static void a_sent_identity_is_a_32_bit_store(void **s)
{
    uint32_t page[4] = {0, 0xdead, 0, 0};

    (void)s;
    imsic_send(page, 37);
    assert_int_equal(page[0], 37);
    assert_int_equal(page[1], 0xdead);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(
            init_clears_every_implemented_bit_and_turns_delivery_on, setup),
        cmocka_unit_test_setup(
            enable_sets_the_identity_bit_in_its_even_register, setup),
        cmocka_unit_test_setup(claim_takes_the_top_identity_once, setup),
        cmocka_unit_test_setup(a_guest_file_is_cleared_with_delivery_off,
                               setup),
        cmocka_unit_test_setup(the_guest_files_are_what_hgeie_keeps, setup),
        cmocka_unit_test_setup(a_sent_identity_is_a_32_bit_store, setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
