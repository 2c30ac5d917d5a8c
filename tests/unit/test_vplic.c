/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the virtual PLIC (src/arch/riscv/vplic.c), driven through
 * its MMIO interface at the offsets of the PLIC specification's memory map,
 * written out here as literals so a wrong constant in the header shows up.
 *
 * Every test starts from a VM with 2 vCPUs (contexts 0-3: 0 and 2 M-mode,
 * 1 and 3 S-mode) on a PLIC with 96 sources, owning sources 1, 2, 3, 5, 33,
 * 40 and 95; 4 and 34 exist but belong to someone else.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <lib/util.h>
#include <plic/vplic.h>

/* The spec's memory map (riscv-plic-spec chapter 3). */
#define PRIO(id) (0x0UL + 4UL * (id))
#define PENDING(word) (0x1000UL + 4UL * (word))
#define ENABLE(ctx, word) (0x2000UL + 0x80UL * (ctx) + 4UL * (word))
#define THRESHOLD(ctx) (0x200000UL + 0x1000UL * (ctx))
#define CLAIM(ctx) (0x200004UL + 0x1000UL * (ctx))

#define NUM_SOURCES 96
#define NUM_VCPUS 2
#define CTX_M0 0 /* vCPU 0's M-mode context */
#define CTX_S0 1 /* vCPU 0's S-mode context */
#define CTX_S1 3 /* vCPU 1's S-mode context */
#define CTX_NONE 4

static const unsigned owned[] = {1, 2, 3, 5, 33, 40, 95};

static struct vplic plic;

static int setup(void **state)
{
    (void)state;
    vplic_init(&plic, NUM_SOURCES, NUM_VCPUS);
    for (size_t i = 0; i < ARRAY_SIZE(owned); i++)
        vplic_assign(&plic, owned[i]);
    return 0;
}

/* ---- Helpers: valid accesses --------------------------------------------*/

static uint32_t rd(uint64_t offset)
{
    struct vplic_result res = vplic_read(&plic, offset, 4);

    assert_true(res.ok);
    assert_int_equal(res.completed_id, 0);
    return res.value;
}

static struct vplic_result wr(uint64_t offset, uint32_t value)
{
    struct vplic_result res = vplic_write(&plic, offset, 4, value);

    assert_true(res.ok);
    return res;
}

static unsigned claim(unsigned ctx)
{
    return rd(CLAIM(ctx));
}

static struct vplic_result complete(unsigned ctx, uint32_t id)
{
    return wr(CLAIM(ctx), id);
}

/* Give a source a priority, enable it for ctx and raise it. */
static void arm(unsigned id, uint32_t priority, unsigned ctx)
{
    wr(PRIO(id), priority);
    wr(ENABLE(ctx, id / 32), rd(ENABLE(ctx, id / 32)) | 1U << (id % 32));
    vplic_raise(&plic, id);
}

/* ---- Reset and assignment -----------------------------------------------*/

static void test_init_resets_everything(void **state)
{
    (void)state;
    assert_int_equal(plic.num_sources, NUM_SOURCES);
    assert_int_equal(plic.num_contexts, 2 * NUM_VCPUS);
    for (unsigned id = 0; id < NUM_SOURCES; id++)
        assert_int_equal(rd(PRIO(id)), 0);
    for (unsigned w = 0; w < 4; w++) {
        assert_int_equal(rd(PENDING(w)), 0);
        for (unsigned ctx = 0; ctx < 4; ctx++)
            assert_int_equal(rd(ENABLE(ctx, w)), 0);
    }
    for (unsigned ctx = 0; ctx < 4; ctx++) {
        assert_int_equal(rd(THRESHOLD(ctx)), 0);
        assert_int_equal(claim(ctx), 0);
        assert_false(vplic_context_irq(&plic, ctx));
    }
}

static void test_init_clamps_sources_and_contexts(void **state)
{
    (void)state;
    vplic_init(&plic, 1024, 64);
    assert_int_equal(plic.num_sources, VPLIC_MAX_SOURCES);
    assert_int_equal(plic.num_contexts, VPLIC_MAX_CONTEXTS);
    vplic_init(&plic, 32, 1);
    assert_int_equal(plic.num_sources, 32);
    assert_int_equal(plic.num_contexts, 2);
    /* The re-init dropped every assignment. */
    assert_false(vplic_is_assigned(&plic, 1));
}

static void test_assign_only_existing_sources(void **state)
{
    (void)state;
    assert_true(vplic_is_assigned(&plic, 1));
    assert_true(vplic_is_assigned(&plic, 95));
    assert_false(vplic_is_assigned(&plic, 4));
    vplic_assign(&plic, 0);
    vplic_assign(&plic, NUM_SOURCES);
    vplic_assign(&plic, 127);
    vplic_assign(&plic, 100000);
    assert_false(vplic_is_assigned(&plic, 0));
    assert_false(vplic_is_assigned(&plic, NUM_SOURCES));
    assert_false(vplic_is_assigned(&plic, 127));
    assert_false(vplic_is_assigned(&plic, 100000));
}

/* ---- Priorities (spec 4) ------------------------------------------------*/

static void test_priority_read_write(void **state)
{
    struct vplic_result res;

    (void)state;
    res = wr(PRIO(3), 5);
    assert_true(res.lines_changed);
    assert_false(res.enables_changed);
    assert_int_equal(res.completed_id, 0);
    assert_int_equal(rd(PRIO(3)), 5);
    assert_int_equal(rd(PRIO(2)), 0);
    assert_int_equal(rd(PRIO(5)), 0);
    /* Writing the same value again changes nothing. */
    assert_false(wr(PRIO(3), 5).lines_changed);
}

static void test_priority_is_warl_masked(void **state)
{
    (void)state;
    wr(PRIO(1), 0xffffffff);
    assert_int_equal(rd(PRIO(1)), VPLIC_PRIORITY_MAX);
    wr(PRIO(1), 9);
    assert_int_equal(rd(PRIO(1)), 1);
    wr(PRIO(1), 0x100);
    assert_int_equal(rd(PRIO(1)), 0);
}

static void test_priority_of_source_0_is_hardwired(void **state)
{
    (void)state;
    assert_false(wr(PRIO(0), 7).lines_changed);
    assert_int_equal(rd(PRIO(0)), 0);
}

static void test_priority_of_foreign_sources_is_hardwired(void **state)
{
    /* Exists but unassigned, beyond num_sources, beyond the maximum. */
    const unsigned ids[] = {4, 34, NUM_SOURCES, 127, 128, 1023};

    (void)state;

    for (size_t i = 0; i < ARRAY_SIZE(ids); i++) {
        assert_false(wr(PRIO(ids[i]), 3).lines_changed);
        assert_int_equal(rd(PRIO(ids[i])), 0);
    }
}

/* ---- Pending bits (spec 5) ----------------------------------------------*/

static void test_pending_word_layout(void **state)
{
    (void)state;
    vplic_raise(&plic, 1);
    vplic_raise(&plic, 33);
    vplic_raise(&plic, 95);
    assert_int_equal(rd(PENDING(0)), 1U << 1);
    assert_int_equal(rd(PENDING(1)), 1U << 1);
    assert_int_equal(rd(PENDING(2)), 1U << 31);
    assert_int_equal(rd(PENDING(3)), 0);
}

static void test_pending_is_read_only(void **state)
{
    struct vplic_result res;

    (void)state;
    vplic_raise(&plic, 2);
    res = wr(PENDING(0), 0xffffffff);
    assert_false(res.lines_changed);
    assert_false(res.enables_changed);
    assert_int_equal(rd(PENDING(0)), 1U << 2);
    wr(PENDING(0), 0);
    assert_int_equal(rd(PENDING(0)), 1U << 2);
    wr(PENDING(1), 0xffffffff);
    assert_int_equal(rd(PENDING(1)), 0);
}

static void test_raise_of_foreign_sources_is_ignored(void **state)
{
    (void)state;
    vplic_raise(&plic, 0);
    vplic_raise(&plic, 4);
    vplic_raise(&plic, 34);
    vplic_raise(&plic, NUM_SOURCES);
    vplic_raise(&plic, 200);
    vplic_raise(&plic, 0xffffffff);
    for (unsigned w = 0; w < 32; w++)
        assert_int_equal(rd(PENDING(w)), 0);
}

static void test_pending_words_beyond_sources_read_zero(void **state)
{
    (void)state;
    vplic_raise(&plic, 1);
    assert_int_equal(rd(PENDING(4)), 0);
    assert_int_equal(rd(PENDING(31)), 0);
}

/* ---- Enables (spec 6) ---------------------------------------------------*/

static void test_enable_word_layout_per_context(void **state)
{
    struct vplic_result res;

    (void)state;
    /* Source 33: word 1, bit 1, of context 1's block at 0x2080. */
    res = wr(0x2084, 1U << 1);
    assert_true(res.enables_changed);
    assert_int_equal(res.enable_ctx, CTX_S0);
    assert_true(res.lines_changed);
    assert_int_equal(rd(ENABLE(CTX_S0, 1)), 1U << 1);
    assert_int_equal(rd(ENABLE(CTX_S0, 0)), 0);
    assert_int_equal(rd(ENABLE(CTX_M0, 1)), 0);
    assert_int_equal(rd(ENABLE(CTX_S1, 1)), 0);

    /* It really enables source 33 for context 1 and no other. */
    wr(PRIO(33), 1);
    vplic_raise(&plic, 33);
    assert_true(vplic_context_irq(&plic, CTX_S0));
    assert_false(vplic_context_irq(&plic, CTX_S1));
    assert_int_equal(claim(CTX_S1), 0);
    assert_int_equal(claim(CTX_S0), 33);

    /* Context 3's block at 0x2180. */
    res = wr(0x2180, 1U << 5);
    assert_int_equal(res.enable_ctx, CTX_S1);
    assert_int_equal(rd(ENABLE(CTX_S1, 0)), 1U << 5);
}

static void test_enable_bits_of_foreign_sources_stay_zero(void **state)
{
    (void)state;
    wr(ENABLE(CTX_S0, 0), 0xffffffff);
    /* Owned 1, 2, 3 and 5; not 0 (no source) nor 4 (someone else's). */
    assert_int_equal(rd(ENABLE(CTX_S0, 0)), 0x2e);
    wr(ENABLE(CTX_S0, 1), 0xffffffff);
    assert_int_equal(rd(ENABLE(CTX_S0, 1)), 1U << 1 | 1U << 8);
    wr(ENABLE(CTX_S0, 2), 0xffffffff);
    assert_int_equal(rd(ENABLE(CTX_S0, 2)), 1U << 31);
    /* Beyond the implemented sources. */
    assert_false(wr(ENABLE(CTX_S0, 4), 0xffffffff).enables_changed);
    assert_int_equal(rd(ENABLE(CTX_S0, 4)), 0);
    wr(ENABLE(CTX_S0, 31), 0xffffffff);
    assert_int_equal(rd(ENABLE(CTX_S0, 31)), 0);
}

static void test_enable_rewrite_reports_no_change(void **state)
{
    struct vplic_result res;

    (void)state;
    assert_true(wr(ENABLE(CTX_S0, 0), 1U << 2).enables_changed);
    res = wr(ENABLE(CTX_S0, 0), 1U << 2);
    assert_false(res.enables_changed);
    assert_false(res.lines_changed);
    /* Only a foreign bit differs: still no change. */
    assert_false(wr(ENABLE(CTX_S0, 0), 1U << 2 | 1U << 4).enables_changed);
    res = wr(ENABLE(CTX_S0, 0), 0);
    assert_true(res.enables_changed);
    assert_int_equal(res.enable_ctx, CTX_S0);
}

/* ---- Thresholds (spec 7) ------------------------------------------------*/

static void test_threshold_is_warl_masked(void **state)
{
    (void)state;
    assert_true(wr(THRESHOLD(CTX_S0), 3).lines_changed);
    assert_int_equal(rd(THRESHOLD(CTX_S0)), 3);
    wr(THRESHOLD(CTX_S0), 0xffffffff);
    assert_int_equal(rd(THRESHOLD(CTX_S0)), VPLIC_PRIORITY_MAX);
    wr(THRESHOLD(CTX_S0), 10);
    assert_int_equal(rd(THRESHOLD(CTX_S0)), 2);
    assert_false(wr(THRESHOLD(CTX_S0), 2).lines_changed);
    assert_int_equal(rd(THRESHOLD(CTX_S1)), 0);
}

/* ---- Claim (spec 8) -----------------------------------------------------*/

static void test_claim_by_priority(void **state)
{
    (void)state;
    arm(1, 2, CTX_S0);
    arm(2, 6, CTX_S0);
    arm(40, 4, CTX_S0);
    assert_int_equal(claim(CTX_S0), 2);
    assert_int_equal(claim(CTX_S0), 40);
    assert_int_equal(claim(CTX_S0), 1);
    assert_int_equal(claim(CTX_S0), 0);
}

static void test_claim_ties_go_to_lowest_id(void **state)
{
    (void)state;
    arm(33, 3, CTX_S0);
    arm(5, 3, CTX_S0);
    arm(3, 3, CTX_S0);
    arm(95, 3, CTX_S0);
    assert_int_equal(claim(CTX_S0), 3);
    assert_int_equal(claim(CTX_S0), 5);
    assert_int_equal(claim(CTX_S0), 33);
    assert_int_equal(claim(CTX_S0), 95);
    assert_int_equal(claim(CTX_S0), 0);
}

static void test_claim_clears_pending_and_reports_lines(void **state)
{
    struct vplic_result res;

    (void)state;
    arm(33, 1, CTX_S0);
    assert_int_equal(rd(PENDING(1)), 1U << 1);
    res = vplic_read(&plic, CLAIM(CTX_S0), 4);
    assert_true(res.ok);
    assert_int_equal(res.value, 33);
    assert_true(res.lines_changed);
    assert_int_equal(rd(PENDING(1)), 0);
    /* An empty claim changes nothing. */
    res = vplic_read(&plic, CLAIM(CTX_S0), 4);
    assert_int_equal(res.value, 0);
    assert_false(res.lines_changed);
}

static void test_in_flight_source_is_not_raised_again(void **state)
{
    (void)state;
    arm(2, 1, CTX_S0);
    assert_int_equal(claim(CTX_S0), 2);
    vplic_raise(&plic, 2);
    assert_int_equal(rd(PENDING(0)), 0);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    assert_int_equal(claim(CTX_S0), 0);

    assert_int_equal(complete(CTX_S0, 2).completed_id, 2);
    vplic_raise(&plic, 2);
    assert_int_equal(rd(PENDING(0)), 1U << 2);
    assert_int_equal(claim(CTX_S0), 2);
}

static void test_raise_while_pending_is_one_request(void **state)
{
    (void)state;
    arm(5, 1, CTX_S0);
    vplic_raise(&plic, 5);
    vplic_raise(&plic, 5);
    assert_int_equal(claim(CTX_S0), 5);
    assert_int_equal(claim(CTX_S0), 0);
}

/* Emulated level sources: raise and lower report whether pending changed,
 * a lowered request is not claimed, and one in flight is not withdrawn. */
static void test_lower_withdraws_an_unclaimed_request(void **state)
{
    (void)state;
    arm(5, 1, CTX_S0); /* raises it */
    assert_false(vplic_raise(&plic, 5));
    assert_true(vplic_lower(&plic, 5));
    assert_false(vplic_lower(&plic, 5));
    assert_false(vplic_context_irq(&plic, CTX_S0));
    assert_int_equal(claim(CTX_S0), 0);
    assert_true(vplic_raise(&plic, 5));
    assert_int_equal(claim(CTX_S0), 5);
    assert_false(vplic_lower(&plic, 5));
    assert_false(vplic_raise(&plic, 5)); /* in flight: the gateway holds */
    assert_false(vplic_lower(&plic, 4)); /* not the VM's */
}

static void test_claim_skips_disabled_and_priority_zero(void **state)
{
    (void)state;
    arm(1, 0, CTX_S0);     /* priority 0: never */
    arm(2, 5, CTX_S1);     /* enabled for the other vCPU only */
    vplic_raise(&plic, 3); /* enabled nowhere */
    wr(PRIO(3), 7);
    assert_int_equal(claim(CTX_S0), 0);
    assert_int_equal(rd(PENDING(0)), 1U << 1 | 1U << 2 | 1U << 3);
    assert_int_equal(claim(CTX_S1), 2);
}

static void test_claim_ignores_threshold(void **state)
{
    (void)state;
    /* spec 8: a context may mask its line and poll by claiming. */
    arm(40, 2, CTX_S0);
    wr(THRESHOLD(CTX_S0), VPLIC_PRIORITY_MAX);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    assert_int_equal(claim(CTX_S0), 40);
}

static void test_claim_by_any_enabled_context(void **state)
{
    (void)state;
    /* Multicast: enabled for both vCPUs, the first claim wins. */
    arm(3, 2, CTX_S0);
    arm(3, 2, CTX_S1);
    assert_true(vplic_context_irq(&plic, CTX_S0));
    assert_true(vplic_context_irq(&plic, CTX_S1));
    assert_int_equal(claim(CTX_S1), 3);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    assert_int_equal(claim(CTX_S0), 0);
}

/* ---- Completion (spec 9) ------------------------------------------------*/

static void test_complete_reports_completed_id(void **state)
{
    struct vplic_result res;

    (void)state;
    arm(95, 1, CTX_S0);
    assert_int_equal(claim(CTX_S0), 95);
    res = complete(CTX_S0, 95);
    assert_int_equal(res.completed_id, 95);
    assert_false(res.enables_changed);
    /* A second completion of the same id is ignored. */
    assert_int_equal(complete(CTX_S0, 95).completed_id, 0);
}

static void test_enable_and_flight_accessors(void **state)
{
    (void)state;
    assert_false(vplic_is_enabled(&plic, CTX_S0, 95));
    arm(95, 1, CTX_S0);
    assert_true(vplic_is_enabled(&plic, CTX_S0, 95));
    assert_false(vplic_is_enabled(&plic, CTX_S1, 95));
    /* Out of range asks are answered, not read past the arrays. */
    assert_false(vplic_is_enabled(&plic, VPLIC_MAX_CONTEXTS, 95));
    assert_false(vplic_is_enabled(&plic, CTX_S0, VPLIC_MAX_SOURCES));
    assert_false(vplic_is_in_flight(&plic, 95));
    assert_int_equal(claim(CTX_S0), 95);
    assert_true(vplic_is_in_flight(&plic, 95));
    complete(CTX_S0, 95);
    assert_false(vplic_is_in_flight(&plic, 95));
    assert_false(vplic_is_in_flight(&plic, VPLIC_MAX_SOURCES));
}

static void test_complete_from_context_not_enabling_is_ignored(void **state)
{
    (void)state;
    arm(33, 1, CTX_S0);
    assert_int_equal(claim(CTX_S0), 33);
    assert_int_equal(complete(CTX_S1, 33).completed_id, 0);
    assert_int_equal(complete(CTX_M0, 33).completed_id, 0);
    /* Still in flight: a new request is held. */
    vplic_raise(&plic, 33);
    assert_int_equal(rd(PENDING(1)), 0);
    /* Once enabled there, the other context may complete it (spec 9). */
    wr(ENABLE(CTX_S1, 1), 1U << 1);
    assert_int_equal(complete(CTX_S1, 33).completed_id, 33);
}

static void test_complete_after_disable_is_ignored(void **state)
{
    (void)state;
    arm(1, 1, CTX_S0);
    assert_int_equal(claim(CTX_S0), 1);
    wr(ENABLE(CTX_S0, 0), 0);
    assert_int_equal(complete(CTX_S0, 1).completed_id, 0);
    wr(ENABLE(CTX_S0, 0), 1U << 1);
    assert_int_equal(complete(CTX_S0, 1).completed_id, 1);
}

static void test_complete_of_unclaimed_or_bogus_id_is_ignored(void **state)
{
    const uint32_t ids[] = {0, 2, 3, 4, NUM_SOURCES, 127, 1023, 0xffffffff};

    (void)state;
    arm(2, 1, CTX_S0); /* pending, enabled, not claimed */
    wr(ENABLE(CTX_S0, 0), 0xffffffff);

    for (size_t i = 0; i < ARRAY_SIZE(ids); i++)
        assert_int_equal(complete(CTX_S0, ids[i]).completed_id, 0);
    /* Nothing left flight or pending. */
    assert_int_equal(rd(PENDING(0)), 1U << 2);
    assert_int_equal(claim(CTX_S0), 2);
}

/* ---- Context lines (spec 1 notifications, spec 7) -----------------------*/

static void test_line_follows_pending_and_enable(void **state)
{
    (void)state;
    wr(PRIO(5), 1);
    vplic_raise(&plic, 5);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    wr(ENABLE(CTX_S0, 0), 1U << 5);
    assert_true(vplic_context_irq(&plic, CTX_S0));
    wr(ENABLE(CTX_S0, 0), 0);
    assert_false(vplic_context_irq(&plic, CTX_S0));
}

static void test_line_follows_threshold(void **state)
{
    (void)state;
    arm(2, 3, CTX_S0);
    wr(THRESHOLD(CTX_S0), 2);
    assert_true(vplic_context_irq(&plic, CTX_S0));
    /* Masked when priority <= threshold. */
    wr(THRESHOLD(CTX_S0), 3);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    wr(THRESHOLD(CTX_S0), 0);
    assert_true(vplic_context_irq(&plic, CTX_S0));
}

static void test_line_follows_priority(void **state)
{
    (void)state;
    arm(40, 0, CTX_S0);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    wr(PRIO(40), 1);
    assert_true(vplic_context_irq(&plic, CTX_S0));
    wr(THRESHOLD(CTX_S0), 4);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    wr(PRIO(40), 5);
    assert_true(vplic_context_irq(&plic, CTX_S0));
}

static void test_line_after_claim_shows_the_next_source(void **state)
{
    (void)state;
    arm(1, 5, CTX_S0);
    arm(2, 2, CTX_S0);
    wr(THRESHOLD(CTX_S0), 1);
    assert_int_equal(claim(CTX_S0), 1);
    assert_true(vplic_context_irq(&plic, CTX_S0));
    wr(THRESHOLD(CTX_S0), 2);
    assert_false(vplic_context_irq(&plic, CTX_S0));
    assert_int_equal(claim(CTX_S0), 2);
    assert_false(vplic_context_irq(&plic, CTX_S0));
}

/* ---- M-mode contexts ----------------------------------------------------*/

static void test_m_context_registers_are_separate(void **state)
{
    struct vplic_result res;

    (void)state;
    res = wr(ENABLE(CTX_M0, 0), 1U << 3);
    assert_true(res.enables_changed);
    assert_int_equal(res.enable_ctx, CTX_M0);
    wr(THRESHOLD(CTX_M0), 6);
    assert_int_equal(rd(ENABLE(CTX_M0, 0)), 1U << 3);
    assert_int_equal(rd(THRESHOLD(CTX_M0)), 6);
    assert_int_equal(rd(ENABLE(CTX_S0, 0)), 0);
    assert_int_equal(rd(THRESHOLD(CTX_S0)), 0);

    /* Source 3 is enabled for the M context only. */
    wr(PRIO(3), 7);
    vplic_raise(&plic, 3);
    assert_true(vplic_context_irq(&plic, CTX_M0));
    assert_false(vplic_context_irq(&plic, CTX_S0));
    assert_int_equal(claim(CTX_S0), 0);
    assert_int_equal(claim(CTX_M0), 3);
    assert_int_equal(complete(CTX_M0, 3).completed_id, 3);
}

/* ---- Invalid accesses and unimplemented registers -----------------------*/

static void test_misaligned_access_faults(void **state)
{
    const uint64_t offsets[] = {0x2, 0x5, 0x1001, 0x2082, 0x200001, 0x200006};

    (void)state;
    arm(1, 1, CTX_S0);
    for (size_t i = 0; i < ARRAY_SIZE(offsets); i++) {
        assert_false(vplic_read(&plic, offsets[i], 4).ok);
        assert_false(vplic_write(&plic, offsets[i], 4, 7).ok);
    }
    assert_int_equal(rd(PRIO(1)), 1);
    assert_int_equal(claim(CTX_S0), 1);
}

static void test_wrong_width_faults_without_side_effects(void **state)
{
    const unsigned widths[] = {0, 1, 2, 3, 8, 16};

    (void)state;
    arm(2, 1, CTX_S0);
    for (size_t i = 0; i < ARRAY_SIZE(widths); i++) {
        struct vplic_result res = vplic_read(&plic, CLAIM(CTX_S0), widths[i]);

        assert_false(res.ok);
        assert_int_equal(res.value, 0);
        assert_false(res.lines_changed);
        assert_false(vplic_write(&plic, PRIO(2), widths[i], 7).ok);
        assert_false(vplic_write(&plic, CLAIM(CTX_S0), widths[i], 2).ok);
    }
    /* The wide claims did not claim, the priority did not change. */
    assert_int_equal(rd(PRIO(2)), 1);
    assert_int_equal(claim(CTX_S0), 2);
}

static void test_access_beyond_the_window_faults(void **state)
{
    const uint64_t offsets[] = {0x4000000,  0x4000004,  0x4001004,
                                1ULL << 32, 1ULL << 40, UINT64_MAX - 3};

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(offsets); i++) {
        assert_false(vplic_read(&plic, offsets[i], 4).ok);
        assert_false(vplic_write(&plic, offsets[i], 4, 1).ok);
    }
    /* The last word of the window is a valid (reserved) register. */
    assert_int_equal(rd(VPLIC_SIZE - 4), 0);
}

static void test_reserved_offsets_read_zero_ignore_writes(void **state)
{
    const uint64_t offsets[] = {0x1080,   0x1ffc,   0x1f2000, 0x1ffffc,
                                0x200008, 0x200ffc, 0x201008, 0x3fffffc};

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(offsets); i++) {
        struct vplic_result res = wr(offsets[i], 0xffffffff);

        assert_false(res.lines_changed);
        assert_false(res.enables_changed);
        assert_int_equal(res.completed_id, 0);
        assert_int_equal(rd(offsets[i]), 0);
    }
}

static void test_contexts_beyond_num_contexts_are_unimplemented(void **state)
{
    const unsigned ctxs[] = {CTX_NONE, 15, 16, 100, 15871};

    (void)state;
    arm(1, 3, CTX_S0);
    for (size_t i = 0; i < ARRAY_SIZE(ctxs); i++) {
        unsigned ctx = ctxs[i];

        assert_false(wr(ENABLE(ctx, 0), 0xffffffff).enables_changed);
        assert_int_equal(rd(ENABLE(ctx, 0)), 0);
        assert_false(wr(THRESHOLD(ctx), 5).lines_changed);
        assert_int_equal(rd(THRESHOLD(ctx)), 0);
        assert_int_equal(claim(ctx), 0);
        assert_int_equal(complete(ctx, 1).completed_id, 0);
        assert_false(vplic_context_irq(&plic, ctx));
    }
    /* Context 15871's registers are the last ones of the map. */
    assert_int_equal(rd(0x1f1f80), 0);
    assert_int_equal(rd(0x3fff004), 0);
    /* Nothing was claimed from the unimplemented contexts. */
    assert_int_equal(claim(CTX_S0), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_init_resets_everything, setup),
        cmocka_unit_test_setup(test_enable_and_flight_accessors, setup),
        cmocka_unit_test_setup(test_init_clamps_sources_and_contexts, setup),
        cmocka_unit_test_setup(test_assign_only_existing_sources, setup),
        cmocka_unit_test_setup(test_priority_read_write, setup),
        cmocka_unit_test_setup(test_priority_is_warl_masked, setup),
        cmocka_unit_test_setup(test_priority_of_source_0_is_hardwired, setup),
        cmocka_unit_test_setup(test_priority_of_foreign_sources_is_hardwired,
                               setup),
        cmocka_unit_test_setup(test_pending_word_layout, setup),
        cmocka_unit_test_setup(test_pending_is_read_only, setup),
        cmocka_unit_test_setup(test_raise_of_foreign_sources_is_ignored, setup),
        cmocka_unit_test_setup(test_pending_words_beyond_sources_read_zero,
                               setup),
        cmocka_unit_test_setup(test_enable_word_layout_per_context, setup),
        cmocka_unit_test_setup(test_enable_bits_of_foreign_sources_stay_zero,
                               setup),
        cmocka_unit_test_setup(test_enable_rewrite_reports_no_change, setup),
        cmocka_unit_test_setup(test_threshold_is_warl_masked, setup),
        cmocka_unit_test_setup(test_claim_by_priority, setup),
        cmocka_unit_test_setup(test_claim_ties_go_to_lowest_id, setup),
        cmocka_unit_test_setup(test_claim_clears_pending_and_reports_lines,
                               setup),
        cmocka_unit_test_setup(test_in_flight_source_is_not_raised_again,
                               setup),
        cmocka_unit_test_setup(test_raise_while_pending_is_one_request, setup),
        cmocka_unit_test_setup(test_lower_withdraws_an_unclaimed_request,
                               setup),
        cmocka_unit_test_setup(test_claim_skips_disabled_and_priority_zero,
                               setup),
        cmocka_unit_test_setup(test_claim_ignores_threshold, setup),
        cmocka_unit_test_setup(test_claim_by_any_enabled_context, setup),
        cmocka_unit_test_setup(test_complete_reports_completed_id, setup),
        cmocka_unit_test_setup(
            test_complete_from_context_not_enabling_is_ignored, setup),
        cmocka_unit_test_setup(test_complete_after_disable_is_ignored, setup),
        cmocka_unit_test_setup(
            test_complete_of_unclaimed_or_bogus_id_is_ignored, setup),
        cmocka_unit_test_setup(test_line_follows_pending_and_enable, setup),
        cmocka_unit_test_setup(test_line_follows_threshold, setup),
        cmocka_unit_test_setup(test_line_follows_priority, setup),
        cmocka_unit_test_setup(test_line_after_claim_shows_the_next_source,
                               setup),
        cmocka_unit_test_setup(test_m_context_registers_are_separate, setup),
        cmocka_unit_test_setup(test_misaligned_access_faults, setup),
        cmocka_unit_test_setup(test_wrong_width_faults_without_side_effects,
                               setup),
        cmocka_unit_test_setup(test_access_beyond_the_window_faults, setup),
        cmocka_unit_test_setup(test_reserved_offsets_read_zero_ignore_writes,
                               setup),
        cmocka_unit_test_setup(
            test_contexts_beyond_num_contexts_are_unimplemented, setup),
    };
    return cmocka_run_group_tests_name("vplic", tests, NULL, NULL);
}
