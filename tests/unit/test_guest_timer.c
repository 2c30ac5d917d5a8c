/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The guest timer's choice between Sstc and an emulated timer
 * (src/arch/riscv/guest_timer.c), its CSRs an array (-DCSR_FAKE) with
 * henvcfg.STCE read-only zero unless the "firmware" enabled it. The choice
 * is the machine's, made once on the boot hart: which device tree every VM
 * gets depends on it, so no later hart may change it, not even for a moment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <arch/csr.h>
#include <arch/firmware.h>
#include <arch/guest_timer.h>
#include <core/arch_hooks.h>
#include <core/platform.h>

#define NEVER (~0UL)

static bool stce_enabled;    /* menvcfg.STCE as the firmware set it */
static bool watch;           /* check the choice on every CSR access */
static bool chosen;          /* what it must stay while watched */
static unsigned accesses;    /* CSR accesses seen while watched */
static unsigned set_timer_n; /* fw_set_timer calls */
static uint64_t set_timer_deadline;

void fw_set_timer(uint64_t deadline)
{
    set_timer_n++;
    set_timer_deadline = deadline;
}

static void observe(void)
{
    if (!watch)
        return;
    accesses++;
    assert_int_equal(arch_guest_timer_is_direct(), chosen);
}

/* Accesses of a CSR a privileged-1.11 hart lacks: each would trap. */
static unsigned envcfg_accesses;

static bool model_read(unsigned csr, unsigned long *val)
{
    (void)val;
    observe();
    envcfg_accesses += csr == CSR_HENVCFG || csr == CSR_SENVCFG;
    return false;
}

static bool model_write(unsigned csr, unsigned long val)
{
    observe();
    envcfg_accesses += csr == CSR_HENVCFG || csr == CSR_SENVCFG;
    if (csr != CSR_HENVCFG)
        return false;
    fake_csrs[CSR_HENVCFG] = stce_enabled ? val : val & ~HENVCFG_STCE;
    return true;
}

static const struct fake_csr_model model = {model_read, model_write};

static int setup(void **state)
{
    (void)state;
    memset(fake_csrs, 0, sizeof(fake_csrs));
    fake_csr_model = &model;
    machine.arch.has_sstc = true;
    machine.arch.has_envcfg = true;
    envcfg_accesses = 0;
    stce_enabled = true;
    watch = false;
    accesses = 0;
    set_timer_n = 0;
    fake_reset();
    return 0;
}

static void
sstc_where_every_hart_has_it_and_the_firmware_enabled_it(void **state)
{
    (void)state;
    guest_timer_choose();
    assert_true(arch_guest_timer_is_direct());
    assert_string_equal(arch_guest_timer_name(), "direct (Sstc)");
    fake_csrs[CSR_STIMECMP] = 123;
    fake_csrs[CSR_SIE] = MIP_STIP;
    assert_int_equal(guest_timer_init_hart(0), 0);
    assert_true(fake_csrs[CSR_HENVCFG] & HENVCFG_STCE);
    assert_int_equal(fake_csrs[CSR_VSTIMECMP], NEVER);
    /* The held request: the unused S timer expired and masked. */
    assert_int_equal(fake_csrs[CSR_STIMECMP], 0);
    assert_false(fake_csrs[CSR_SIE] & MIP_STIP);
    assert_int_equal(set_timer_n, 0);
}

static void emulated_when_the_device_tree_lacks_sstc(void **state)
{
    (void)state;
    machine.arch.has_sstc = false;
    fake_csrs[CSR_HENVCFG] = HENVCFG_STCE; /* left set by the firmware */
    guest_timer_choose();
    assert_false(arch_guest_timer_is_direct());
    assert_string_equal(arch_guest_timer_name(), "emulated");
    assert_int_equal(guest_timer_init_hart(0), 0);
    /* The guest's stimecmp accesses trap; the hypervisor's timer is on. */
    assert_false(fake_csrs[CSR_HENVCFG] & HENVCFG_STCE);
    assert_true(fake_csrs[CSR_SIE] & MIP_STIP);
    assert_int_equal(set_timer_n, 1);
    assert_int_equal(set_timer_deadline, NEVER);
}

static void emulated_when_the_firmware_did_not_enable_sstc(void **state)
{
    (void)state;
    stce_enabled = false;
    guest_timer_choose();
    assert_false(arch_guest_timer_is_direct());
    assert_int_equal(guest_timer_init_hart(0), 0);
    assert_int_equal(set_timer_n, 1);
}

/* A P550 (privileged 1.11 with H): no henvcfg, so no Sstc, and neither
 * the choice nor a hart's setup touches it (each access would trap). */
static void emulated_and_untouched_without_envcfg(void **state)
{
    (void)state;
    machine.arch.has_envcfg = false;
    guest_timer_choose();
    assert_false(arch_guest_timer_is_direct());
    assert_int_equal(guest_timer_init_hart(0), 0);
    assert_int_equal(guest_timer_init_hart(1), 0);
    assert_int_equal(envcfg_accesses, 0);
    assert_int_equal(set_timer_n, 2);
}

/* The other harts set themselves up while the boot hart's VM is cleared
 * and started: the choice reads the same throughout. */
static void a_later_hart_never_changes_the_choice(void **state)
{
    (void)state;
    guest_timer_choose();
    assert_int_equal(guest_timer_init_hart(0), 0);
    chosen = true;
    watch = true;
    assert_int_equal(guest_timer_init_hart(2), 0);
    assert_true(accesses > 0);
    watch = false;
    assert_true(arch_guest_timer_is_direct());
}

/* A hart without STCE cannot follow the machine's choice: it says so, and
 * the choice stays what the other harts run on. */
static void a_hart_without_the_firmware_s_sstc_is_refused(void **state)
{
    (void)state;
    guest_timer_choose();
    stce_enabled = false;
    chosen = true;
    watch = true;
    assert_int_equal(guest_timer_init_hart(3), -1);
    watch = false;
    assert_string_equal(fake.printk_last,
                        "[baobab] error: hart 3: the firmware did not enable "
                        "Sstc here (henvcfg.STCE stays 0), as it did on the "
                        "boot hart\n");
    assert_true(arch_guest_timer_is_direct());
}

/* Without Sstc the choice stays emulated on a hart that has it. */
static void an_emulated_choice_holds_on_every_hart(void **state)
{
    (void)state;
    stce_enabled = false;
    guest_timer_choose();
    stce_enabled = true;
    chosen = false;
    watch = true;
    assert_int_equal(guest_timer_init_hart(1), 0);
    watch = false;
    assert_false(fake_csrs[CSR_HENVCFG] & HENVCFG_STCE);
    assert_false(arch_guest_timer_is_direct());
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(sstc_where_every_hart_has_it_and_the_firmware_enabled_it),
        T(emulated_when_the_device_tree_lacks_sstc),
        T(emulated_when_the_firmware_did_not_enable_sstc),
        T(emulated_and_untouched_without_envcfg),
        T(a_later_hart_never_changes_the_choice),
        T(a_hart_without_the_firmware_s_sstc_is_refused),
        T(an_emulated_choice_holds_on_every_hart),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
