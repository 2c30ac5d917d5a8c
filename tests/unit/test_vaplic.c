/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the virtual APLIC (src/arch/riscv/irqc/aia/vaplic.c),
 * driven through its MMIO interface at the offsets of the AIA
 * specification's memory map (chapter 4.5), written out here as literals
 * so a wrong constant in the header shows up.
 *
 * Every test starts from a VM with 2 vCPUs on an APLIC with 96 sources and
 * IPRIOLEN 3, owning sources 1, 2, 3, 5, 33, 40 and 96; 4 and 34 exist
 * but belong to someone else. `direct` and `msi` are the same VM in the
 * two delivery modes (EIIDs of 8 bits, as QEMU's 255 identities).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <aia/vaplic.h>
#include <lib/util.h>

/* AIA 4.5's map. */
#define DOMAINCFG 0x0000UL
#define SOURCECFG(i) (0x0000UL + 4UL * (i))
#define MMSIADDRCFG 0x1bc0UL
#define SMSIADDRCFGH 0x1bccUL
#define SETIP(k) (0x1c00UL + 4UL * (k))
#define SETIPNUM 0x1cdcUL
#define IN_CLRIP(k) (0x1d00UL + 4UL * (k))
#define CLRIPNUM 0x1ddcUL
#define SETIE(k) (0x1e00UL + 4UL * (k))
#define SETIENUM 0x1edcUL
#define CLRIE(k) (0x1f00UL + 4UL * (k))
#define CLRIENUM 0x1fdcUL
#define SETIPNUM_LE 0x2000UL
#define SETIPNUM_BE 0x2004UL
#define GENMSI 0x3000UL
#define TARGET(i) (0x3000UL + 4UL * (i))
/* AIA 4.8.1: the IDC of hart index v. */
#define IDELIVERY(v) (0x4000UL + 32UL * (v))
#define IFORCE(v) (0x4004UL + 32UL * (v))
#define ITHRESHOLD(v) (0x4008UL + 32UL * (v))
#define TOPI(v) (0x4018UL + 32UL * (v))
#define CLAIMI(v) (0x401cUL + 32UL * (v))

#define SM_INACTIVE 0
#define SM_DETACHED 1
#define SM_EDGE1 4
#define SM_EDGE0 5
#define SM_LEVEL1 6
#define SM_LEVEL0 7
#define IE (1u << 8)
#define HART(v) ((uint32_t)(v) << 18)

static const unsigned owned[] = {1, 2, 3, 5, 33, 40, 96};

static struct vaplic direct, msi;
static struct vaplic *a; /* the one a test drives */

static void make(struct vaplic *p, bool is_msi)
{
    vaplic_init(p, 96, 2, is_msi, 3, 8);
    for (size_t i = 0; i < ARRAY_SIZE(owned); i++)
        vaplic_assign(p, owned[i]);
}

static int setup_direct(void **state)
{
    (void)state;
    make(&direct, false);
    a = &direct;
    return 0;
}

static int setup_msi(void **state)
{
    (void)state;
    make(&msi, true);
    a = &msi;
    return 0;
}

/* ---- Helpers ------------------------------------------------------------*/

static uint32_t rd(uint64_t offset)
{
    struct vaplic_result r = vaplic_read(a, offset, 4);

    assert_true(r.ok);
    return r.value;
}

static struct vaplic_result wr(uint64_t offset, uint32_t value)
{
    struct vaplic_result r = vaplic_write(a, offset, 4, value);

    assert_true(r.ok);
    return r;
}

static bool pending(unsigned id)
{
    return (rd(SETIP(id / 32)) >> (id % 32)) & 1;
}

static bool enabled(unsigned id)
{
    return (rd(SETIE(id / 32)) >> (id % 32)) & 1;
}

/* Direct mode: source id active in mode sm, at vCPU v with priority prio,
 * enabled; the domain and vCPU v's delivery on. */
static void arm_direct(unsigned id, uint32_t sm, unsigned v, uint32_t prio)
{
    wr(SOURCECFG(id), sm);
    wr(TARGET(id), HART(v) | prio);
    wr(SETIENUM, id);
    wr(DOMAINCFG, IE);
    wr(IDELIVERY(v), 1);
}

static void arm_msi(unsigned id, uint32_t sm, unsigned v, uint32_t eiid)
{
    wr(SOURCECFG(id), sm);
    wr(TARGET(id), HART(v) | eiid);
    wr(SETIENUM, id);
    wr(DOMAINCFG, IE);
}

/* ---- Accesses -----------------------------------------------------------*/

static void only_aligned_words_inside_the_window_are_accepted(void **state)
{
    (void)state;
    assert_false(vaplic_read(a, DOMAINCFG, 1).ok);
    assert_false(vaplic_read(a, DOMAINCFG, 8).ok);
    assert_false(vaplic_write(a, SOURCECFG(1) + 2, 4, SM_EDGE1).ok);
    assert_false(vaplic_read(a, 0x8000, 4).ok);
    assert_int_equal(vaplic_source_mode(a, 1), SM_INACTIVE);
    /* Reserved words inside read 0 and ignore writes. */
    assert_int_equal(rd(0x1000), 0);
    wr(0x1000, ~0u);
    assert_int_equal(rd(0x1000), 0);
    assert_int_equal(rd(0x7ffc), 0);
}

/* ---- domaincfg (AIA 4.5.1) ----------------------------------------------*/

static void domaincfg_reads_0x80_ie_and_the_fixed_mode(void **state)
{
    (void)state;
    assert_int_equal(rd(DOMAINCFG), 0x80000000);
    /* IE is writable; DM and BE are not (the mode is the VM's; little
     * endian only); bit 7 and the rest read 0. */
    wr(DOMAINCFG, 0xffffffff);
    assert_int_equal(rd(DOMAINCFG), 0x80000100);
    wr(DOMAINCFG, 0);
    assert_int_equal(rd(DOMAINCFG), 0x80000000);

    a = &msi;
    make(&msi, true);
    assert_int_equal(rd(DOMAINCFG), 0x80000004);
    /* IE's changes are reported (the hardware's delivery follows). */
    assert_true(wr(DOMAINCFG, IE).ie_changed);
    assert_int_equal(rd(DOMAINCFG), 0x80000104);
    assert_false(wr(DOMAINCFG, IE).ie_changed);
    assert_true(wr(DOMAINCFG, 0).ie_changed);
}

static void msi_address_configuration_reads_zero(void **state)
{
    (void)state;
    for (uint64_t off = MMSIADDRCFG; off <= SMSIADDRCFGH; off += 4) {
        wr(off, ~0u);
        assert_int_equal(rd(off), 0);
    }
}

/* ---- sourcecfg (AIA 4.5.2) ----------------------------------------------*/

static void every_source_mode_is_kept(void **state)
{
    static const uint32_t modes[] = {SM_DETACHED, SM_EDGE1,  SM_EDGE0,
                                     SM_LEVEL1,   SM_LEVEL0, SM_INACTIVE};
    struct vaplic_result r;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
        r = wr(SOURCECFG(5), modes[i]);
        assert_int_equal(rd(SOURCECFG(5)), modes[i]);
        assert_int_equal(r.source_changed, 5);
        assert_true(r.mode_changed);
        assert_true(r.enables_changed);
        assert_int_equal(r.enables_word, 0);
    }
    r = wr(SOURCECFG(33), SM_EDGE1);
    assert_int_equal(r.source_changed, 33);
    assert_int_equal(r.enables_word, 1);
}

static void delegation_and_reserved_modes_make_the_source_inactive(void **s)
{
    (void)s;
    /* A leaf domain: D = 1 sets the whole register to 0. */
    wr(SOURCECFG(2), SM_EDGE1);
    wr(SOURCECFG(2), (1u << 10) | SM_EDGE1);
    assert_int_equal(rd(SOURCECFG(2)), 0);
    /* Modes 2 and 3 are reserved: not supported (WARL). */
    for (uint32_t sm = 2; sm <= 3; sm++) {
        wr(SOURCECFG(2), SM_LEVEL1);
        wr(SOURCECFG(2), sm);
        assert_int_equal(rd(SOURCECFG(2)), SM_INACTIVE);
    }
    /* Bits other than D and SM read 0. */
    wr(SOURCECFG(2), 0xf8 | SM_EDGE0);
    assert_int_equal(rd(SOURCECFG(2)), SM_EDGE0);
}

static void foreign_and_missing_sources_are_read_only_zero(void **state)
{
    struct vaplic_result r;

    (void)state;
    /* 4 and 34 exist but are another VM's; 97 and up do not exist. */
    static const unsigned ids[] = {4, 34, 97, 1023};

    for (size_t i = 0; i < ARRAY_SIZE(ids); i++) {
        r = wr(SOURCECFG(ids[i]), SM_EDGE1);
        assert_int_equal(r.source_changed, 0);
        assert_false(r.enables_changed);
        assert_int_equal(rd(SOURCECFG(ids[i])), 0);
        wr(TARGET(ids[i]), HART(0) | 3);
        assert_int_equal(rd(TARGET(ids[i])), 0);
        wr(SETIENUM, ids[i]);
        wr(SETIPNUM, ids[i]);
        assert_false(vaplic_set_input(a, ids[i], true));
    }
    wr(SETIE(0), ~0u);
    wr(SETIP(0), ~0u);
    assert_int_equal(rd(SETIE(0)), 0);
    assert_int_equal(rd(SETIP(0)), 0);
    /* The last words of the arrays (sources up to 1023) read 0. */
    for (unsigned k = 4; k < 32; k++) {
        wr(SETIE(k), ~0u);
        wr(IN_CLRIP(k), ~0u);
        assert_int_equal(rd(SETIP(k)) | rd(SETIE(k)) | rd(IN_CLRIP(k)), 0);
    }
    assert_false(vaplic_is_assigned(a, 0));
    assert_false(vaplic_is_assigned(a, 97));
}

static void an_inactive_source_has_no_pending_enable_or_target(void **s)
{
    (void)s;
    arm_direct(3, SM_EDGE1, 1, 5);
    wr(SETIPNUM, 3);
    assert_true(pending(3) && enabled(3));
    assert_int_equal(rd(TARGET(3)), HART(1) | 5);
    wr(SOURCECFG(3), SM_INACTIVE);
    assert_false(pending(3) || enabled(3));
    assert_int_equal(rd(TARGET(3)), 0);
    /* Active again: pending and enable stay 0, the target is legal. */
    wr(SOURCECFG(3), SM_EDGE1);
    assert_false(pending(3) || enabled(3));
    assert_int_equal(rd(TARGET(3)), HART(0) | 1);
}

/* ---- target (AIA 4.5.16) ------------------------------------------------*/

static void direct_target_holds_a_vcpu_and_a_nonzero_priority(void **s)
{
    (void)s;
    wr(SOURCECFG(1), SM_EDGE1);
    wr(TARGET(1), HART(1) | 6);
    assert_int_equal(rd(TARGET(1)), HART(1) | 6);
    assert_int_equal(vaplic_target_vcpu(a, 1), 1);
    /* IPRIOLEN 3: the low 3 bits; 0 becomes 1. */
    wr(TARGET(1), HART(0) | 0xfd);
    assert_int_equal(rd(TARGET(1)), HART(0) | 5);
    wr(TARGET(1), HART(1) | 0x8);
    assert_int_equal(rd(TARGET(1)), HART(1) | 1);
    /* Guest Index and EIID bits are not fields in direct mode. */
    wr(TARGET(1), HART(0) | (5u << 12) | 0x700 | 2);
    assert_int_equal(rd(TARGET(1)), HART(0) | 2);
}

static void a_hart_index_naming_no_vcpu_leaves_the_target(void **state)
{
    struct vaplic_result r;

    (void)state;
    wr(SOURCECFG(1), SM_EDGE1);
    wr(TARGET(1), HART(1) | 3);
    r = wr(TARGET(1), HART(2) | 4);
    assert_int_equal(r.source_changed, 0);
    assert_int_equal(rd(TARGET(1)), HART(1) | 3);
    wr(TARGET(1), HART(0x3fff) | 4);
    assert_int_equal(rd(TARGET(1)), HART(1) | 3);
}

static void msi_target_holds_a_vcpu_and_its_eiid(void **state)
{
    struct vaplic_result r;

    (void)state;
    wr(SOURCECFG(5), SM_LEVEL1);
    r = wr(TARGET(5), HART(1) | 0x42);
    assert_int_equal(r.source_changed, 5);
    assert_false(r.mode_changed);
    assert_false(r.enables_changed);
    assert_int_equal(rd(TARGET(5)), HART(1) | 0x42);
    assert_int_equal(vaplic_target_eiid(a, 5), 0x42);
    /* 8 EIID bits; the Guest Index reads 0 (the guest's harts have no H);
     * bit 11 is reserved. */
    wr(TARGET(5), HART(0) | (7u << 12) | (1u << 11) | 0x3ab);
    assert_int_equal(rd(TARGET(5)), HART(0) | 0xab);
    /* EIID 0 is legal (no interrupt): no priority rule in MSI mode. */
    wr(TARGET(5), HART(1));
    assert_int_equal(rd(TARGET(5)), HART(1));
}

/* ---- Pending and enable bits (AIA 4.5.5-4.5.14, 4.7) --------------------*/

static void enables_set_and_clear_by_word_and_by_number(void **state)
{
    struct vaplic_result r;

    (void)state;
    wr(SOURCECFG(1), SM_EDGE1);
    wr(SOURCECFG(2), SM_EDGE1);
    wr(SOURCECFG(33), SM_LEVEL1);
    r = wr(SETIE(0), ~0u);
    assert_true(r.enables_changed);
    assert_int_equal(r.enables_word, 0);
    assert_int_equal(r.source_changed, 0);
    /* Only active sources have an enable bit. */
    assert_int_equal(rd(SETIE(0)), (1u << 1) | (1u << 2));
    wr(CLRIE(0), 1u << 2);
    assert_int_equal(rd(SETIE(0)), 1u << 1);
    assert_int_equal(rd(CLRIE(0)), 0);
    r = wr(SETIENUM, 33);
    assert_int_equal(r.enables_word, 1);
    assert_int_equal(rd(SETIE(1)), 1u << 1);
    wr(CLRIENUM, 33);
    assert_int_equal(rd(SETIE(1)), 0);
    assert_int_equal(rd(SETIENUM), 0);
    assert_int_equal(rd(CLRIENUM), 0);
    /* A number that is no active source is ignored. */
    wr(SETIENUM, 3);
    wr(SETIENUM, 0);
    assert_int_equal(rd(SETIE(0)), 1u << 1);
    /* Nor did the word write enable inactive 3 for later. */
    wr(SOURCECFG(3), SM_EDGE1);
    assert_false(enabled(3));
}

static void edge_and_detached_pending_by_register_in_both_modes(void **s)
{
    static const uint32_t modes[] = {SM_DETACHED, SM_EDGE1, SM_EDGE0};

    (void)s;
    for (int m = 0; m < 2; m++) {
        a = m ? &msi : &direct;
        make(a, m);
        for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
            wr(SOURCECFG(2), modes[i]);
            wr(SETIPNUM, 2);
            assert_true(pending(2));
            wr(CLRIPNUM, 2);
            assert_false(pending(2));
            wr(SETIP(0), 1u << 2);
            assert_true(pending(2));
            wr(IN_CLRIP(0), 1u << 2);
            assert_false(pending(2));
            wr(SETIPNUM_LE, 2);
            assert_true(pending(2));
            wr(IN_CLRIP(0), 1u << 2);
            /* Big-endian port: not implemented on a little-endian APLIC. */
            wr(SETIPNUM_BE, 2u << 24);
            wr(SETIPNUM_BE, 2);
            assert_false(pending(2));
        }
    }
}

static void edges_pend_on_the_rectified_rising_edge(void **state)
{
    (void)state;
    wr(SOURCECFG(1), SM_EDGE1);
    assert_false(vaplic_set_input(a, 1, false));
    assert_true(vaplic_set_input(a, 1, true));
    assert_true(pending(1));
    wr(CLRIPNUM, 1);
    /* Held high: no new edge. */
    assert_false(vaplic_set_input(a, 1, true));
    assert_false(pending(1));
    assert_false(vaplic_set_input(a, 1, false));
    assert_false(pending(1));
    /* Edge0 is inverted: the falling wire is its rising edge. */
    wr(SOURCECFG(1), SM_EDGE0);
    assert_false(vaplic_set_input(a, 1, true));
    assert_true(vaplic_set_input(a, 1, false));
    assert_true(pending(1));
}

static void detached_sources_ignore_their_wire(void **state)
{
    (void)state;
    wr(SOURCECFG(1), SM_DETACHED);
    assert_false(vaplic_set_input(a, 1, true));
    assert_false(pending(1));
    /* Its rectified input is 0. */
    assert_int_equal(rd(IN_CLRIP(0)), 0);
}

static void in_clrip_reads_the_rectified_inputs(void **state)
{
    (void)state;
    wr(SOURCECFG(1), SM_LEVEL1);
    wr(SOURCECFG(2), SM_LEVEL0);
    wr(SOURCECFG(3), SM_EDGE0);
    vaplic_set_input(a, 1, true);
    vaplic_set_input(a, 2, true);
    vaplic_set_input(a, 3, false);
    /* 1 high; 2 inverted and high: low; 3 inverted and low: high. The
     * foreign source 4's wire does not show. */
    vaplic_set_input(a, 4, true);
    assert_int_equal(rd(IN_CLRIP(0)), (1u << 1) | (1u << 3));
}

static void direct_level_pending_is_the_input_and_nothing_else(void **s)
{
    (void)s;
    arm_direct(5, SM_LEVEL1, 0, 1);
    assert_true(vaplic_set_input(a, 5, true));
    assert_true(pending(5));
    /* Registers cannot clear it... */
    wr(CLRIPNUM, 5);
    wr(IN_CLRIP(0), 1u << 5);
    assert_true(pending(5));
    /* ...nor does a claim... */
    assert_int_equal(rd(CLAIMI(0)), (5u << 16) | 1);
    assert_true(pending(5));
    /* ...only the input going low. */
    assert_true(vaplic_set_input(a, 5, false));
    assert_false(pending(5));
    /* Nor can registers set it. */
    wr(SETIPNUM, 5);
    wr(SETIP(0), 1u << 5);
    assert_false(pending(5));
    /* Level0: asserted when low. */
    wr(SOURCECFG(5), SM_LEVEL0);
    assert_true(pending(5));
    assert_true(vaplic_set_input(a, 5, true));
    assert_false(pending(5));
}

static void msi_level_pends_on_rising_input_and_setip_while_high(void **s)
{
    unsigned id, vcpu, eiid;

    (void)s;
    arm_msi(5, SM_LEVEL1, 1, 9);
    /* Low: setip cannot set it. */
    wr(SETIPNUM, 5);
    assert_false(pending(5));
    /* Rising input: pending, then sent and cleared. */
    assert_true(vaplic_set_input(a, 5, true));
    assert_true(vaplic_take_msi(a, &id, &vcpu, &eiid));
    assert_int_equal(id, 5);
    assert_false(pending(5));
    /* Still high: no new MSI by itself; the guest's setipnum (its EOI
     * rule, AIA 4.9.2) sets it again... */
    assert_false(vaplic_take_msi(a, &id, &vcpu, &eiid));
    wr(SETIPNUM_LE, 5);
    assert_true(pending(5));
    /* ...registers can clear it... */
    wr(CLRIPNUM, 5);
    assert_false(pending(5));
    wr(SETIP(0), 1u << 5);
    assert_true(pending(5));
    /* ...and a low input clears it. */
    assert_true(vaplic_set_input(a, 5, false));
    assert_false(pending(5));
    wr(SETIPNUM, 5);
    assert_false(pending(5));
}

/* A source the hardware delivers straight to the guest's file: the model
 * follows its input for the guest's setip requests, and pends nothing by
 * itself. */
static void a_followed_wire_pends_only_by_the_guests_request(void **s)
{
    unsigned id, vcpu, eiid;

    (void)s;
    arm_msi(5, SM_LEVEL1, 1, 9);
    vaplic_follow_wire(a, 5, true);
    assert_false(pending(5));
    assert_false(vaplic_take_msi(a, &id, &vcpu, &eiid));
    wr(SETIPNUM_LE, 5);
    assert_true(vaplic_take_msi(a, &id, &vcpu, &eiid));
    assert_int_equal(eiid, 9);
    /* Low: the request is refused (AIA 4.7), nothing was pending. */
    vaplic_follow_wire(a, 5, false);
    wr(SETIPNUM_LE, 5);
    assert_false(pending(5));
    /* Pended while the domain is off, then the input drops: a level
     * source's pending bit goes with it (AIA 4.7), nothing stale is sent. */
    wr(DOMAINCFG, 0);
    vaplic_follow_wire(a, 5, true);
    wr(SETIPNUM_LE, 5);
    assert_true(pending(5));
    vaplic_follow_wire(a, 5, false);
    assert_false(pending(5));
    wr(DOMAINCFG, IE);
    assert_false(vaplic_take_msi(a, &id, &vcpu, &eiid));
    /* What the hardware keeps pending, the model drops. */
    vaplic_follow_wire(a, 5, true);
    wr(SETIPNUM_LE, 5);
    vaplic_drop_pending(a, 5);
    assert_false(vaplic_take_msi(a, &id, &vcpu, &eiid));
    /* A source not the VM's keeps no wire. */
    vaplic_follow_wire(a, 60, true);
    assert_false(vaplic_is_pending(a, 60));
}

/*
 * A pulse is the three input changes it stands for (low, high, low): the
 * same state after it, in every mode, from every wire and pending state,
 * and "changed" when the pending bit ends otherwise than it began.
 */
static void a_pulse_is_low_high_low_in_one_step(void **s)
{
    static const uint32_t modes[] = {SM_INACTIVE, SM_DETACHED, SM_EDGE1,
                                     SM_EDGE0,    SM_LEVEL1,   SM_LEVEL0};
    struct vaplic by_steps;

    (void)s;
    for (size_t m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned start = 0; start < 4; start++) {
            bool before, changed;

            wr(SOURCECFG(5), modes[m]);
            wr(TARGET(5), HART(1) | 1);
            vaplic_set_input(a, 5, start & 1);
            if (start & 2)
                wr(SETIPNUM, 5);
            before = vaplic_is_pending(a, 5);
            by_steps = *a;
            vaplic_set_input(&by_steps, 5, false);
            vaplic_set_input(&by_steps, 5, true);
            vaplic_set_input(&by_steps, 5, false);
            changed = vaplic_pulse(a, 5);
            assert_int_equal(changed, before != vaplic_is_pending(a, 5));
            assert_memory_equal(a, &by_steps, sizeof(by_steps));
        }
    }
    /* Not the VM's source: nothing. */
    assert_false(vaplic_pulse(a, 60));
}

/*
 * MSI mode: a pulse and the MSI it makes due, in one step, as a pulse and
 * then vaplic_take_msi would do: over every mode, enable and domain state,
 * from pending or not. Another source pending is left as it was.
 */
static void a_pulse_in_msi_mode_sends_what_became_due(void **s)
{
    static const uint32_t modes[] = {SM_INACTIVE, SM_DETACHED, SM_EDGE1,
                                     SM_EDGE0,    SM_LEVEL1,   SM_LEVEL0};
    struct vaplic ref;

    (void)s;
    /* Another source, pending but disabled: never due, never taken. */
    arm_msi(3, SM_EDGE1, 0, 4);
    wr(SETIPNUM, 3);
    wr(CLRIENUM, 3);
    for (size_t m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned state = 0; state < 16; state++) {
            unsigned vcpu = 9, eiid = 9, rid = 9, rvcpu = 9, reiid = 9;
            bool sent, ref_sent;

            wr(DOMAINCFG, 0);
            wr(SOURCECFG(5), modes[m]);
            wr(TARGET(5), HART(1) | (state & 8 ? 0 : 7));
            wr(state & 1 ? SETIENUM : CLRIENUM, 5);
            vaplic_set_input(a, 5, false);
            if (state & 2) {
                vaplic_set_input(a, 5, true); /* pends where it can */
                vaplic_set_input(a, 5, false);
            }
            if (state & 4)
                wr(DOMAINCFG, IE);
            ref = *a;
            vaplic_pulse(&ref, 5);
            ref_sent = vaplic_is_pending(&ref, 5) &&
                       vaplic_take_msi(&ref, &rid, &rvcpu, &reiid) && rid == 5;
            sent = vaplic_pulse_msi(a, 5, &vcpu, &eiid);
            assert_int_equal(sent, ref_sent);
            if (sent) {
                assert_int_equal(vcpu, rvcpu);
                assert_int_equal(eiid, reiid);
            }
            assert_memory_equal(a, &ref, sizeof(ref));
        }
    }
    assert_true(pending(3));
    /* A source beyond the model (found by the fuzzer: it read past the
     * bitmaps) is nothing. */
    {
        unsigned vcpu, eiid;

        assert_false(vaplic_pulse_msi(a, 1000, &vcpu, &eiid));
    }
}

/* A direct-mode vAPLIC sends no MSI (its caller pulses, vaplic_pulse). */
static void a_direct_mode_pulse_sends_nothing(void **s)
{
    unsigned vcpu, eiid;

    (void)s;
    arm_direct(5, SM_EDGE1, 1, 1);
    assert_false(vaplic_pulse_msi(a, 5, &vcpu, &eiid));
    assert_false(pending(5));
}

static void a_level_source_made_active_while_asserted_is_pending(void **s)
{
    (void)s;
    for (int m = 0; m < 2; m++) {
        a = m ? &msi : &direct;
        make(a, m);
        vaplic_set_input(a, 40, true);
        wr(SOURCECFG(40), SM_LEVEL1);
        assert_true(pending(40));
        wr(SOURCECFG(40), SM_LEVEL0);
        assert_false(pending(40));
        /* Not an edge: made active while high is no rising edge. */
        wr(SOURCECFG(40), SM_EDGE1);
        assert_false(pending(40));
    }
}

/* ---- Direct delivery: IDCs (AIA 4.8) ------------------------------------*/

static void idc_registers_are_warl_and_wlrl(void **state)
{
    (void)state;
    wr(IDELIVERY(1), 0xff);
    assert_int_equal(rd(IDELIVERY(1)), 1);
    wr(IFORCE(1), 0xfe);
    assert_int_equal(rd(IFORCE(1)), 0);
    wr(IFORCE(1), 3);
    assert_int_equal(rd(IFORCE(1)), 1);
    /* ithreshold holds IPRIOLEN (3) bits. */
    wr(ITHRESHOLD(1), 0xff);
    assert_int_equal(rd(ITHRESHOLD(1)), 7);
    /* topi and claimi ignore writes. */
    wr(TOPI(1), 0x50001);
    wr(CLAIMI(1), 0x50001);
    assert_int_equal(rd(TOPI(1)), 0);
    /* No IDC beyond the VM's 2 vCPUs. */
    wr(IDELIVERY(2), 1);
    assert_int_equal(rd(IDELIVERY(2)), 0);
}

static void topi_is_the_best_pending_enabled_source_of_the_vcpu(void **s)
{
    (void)s;
    arm_direct(1, SM_EDGE1, 0, 4);
    arm_direct(2, SM_EDGE1, 0, 2);
    arm_direct(3, SM_EDGE1, 0, 2);
    arm_direct(33, SM_EDGE1, 1, 1);
    assert_int_equal(rd(TOPI(0)), 0);
    wr(SETIPNUM, 1);
    assert_int_equal(rd(TOPI(0)), (1u << 16) | 4);
    /* Smaller priority numbers first; equal ones, the lower source. */
    wr(SETIPNUM, 3);
    assert_int_equal(rd(TOPI(0)), (3u << 16) | 2);
    wr(SETIPNUM, 2);
    assert_int_equal(rd(TOPI(0)), (2u << 16) | 2);
    /* Another vCPU's source is not its. */
    wr(SETIPNUM, 33);
    assert_int_equal(rd(TOPI(0)), (2u << 16) | 2);
    assert_int_equal(rd(TOPI(1)), (33u << 16) | 1);
    /* Not enabled: out. */
    wr(CLRIENUM, 2);
    assert_int_equal(rd(TOPI(0)), (3u << 16) | 2);
}

static void the_threshold_keeps_out_its_priority_and_below(void **s)
{
    (void)s;
    arm_direct(1, SM_EDGE1, 0, 3);
    wr(SETIPNUM, 1);
    wr(ITHRESHOLD(0), 4);
    assert_int_equal(rd(TOPI(0)), (1u << 16) | 3);
    wr(ITHRESHOLD(0), 3);
    assert_int_equal(rd(TOPI(0)), 0);
    assert_false(vaplic_idc_irq(a, 0));
    wr(ITHRESHOLD(0), 0);
    assert_int_equal(rd(TOPI(0)), (1u << 16) | 3);
    assert_true(vaplic_idc_irq(a, 0));
}

/*
 * vaplic_lines, one pass for every vCPU, against each vCPU's topi register
 * and its IDC (AIA 4.8.2: IE, idelivery, and iforce or topi), over many
 * random states of sources, priorities, thresholds and IDCs.
 */
static void the_lines_agree_with_each_vcpus_topi_and_idc(void **s)
{
    static const uint32_t modes[] = {SM_INACTIVE, SM_DETACHED, SM_EDGE1,
                                     SM_EDGE0,    SM_LEVEL1,   SM_LEVEL0};
    uint32_t seed = 12345;

    (void)s;
    for (unsigned round = 0; round < 2000; round++) {
        for (size_t i = 0; i < ARRAY_SIZE(owned); i++) {
            unsigned id = owned[i];

            seed = seed * 1103515245u + 12345u;
            wr(SOURCECFG(id), modes[(seed >> 8) % ARRAY_SIZE(modes)]);
            wr(TARGET(id), HART((seed >> 12) & 1) | ((seed >> 16) & 7));
            wr((seed >> 20) & 1 ? SETIENUM : CLRIENUM, id);
            vaplic_set_input(a, id, (seed >> 21) & 1);
            if ((seed >> 22) & 1)
                wr(SETIPNUM, id);
        }
        for (unsigned v = 0; v < 2; v++) {
            seed = seed * 1103515245u + 12345u;
            wr(IDELIVERY(v), (seed >> 8) & 1);
            wr(IFORCE(v), ((seed >> 9) & 7) == 0);
            wr(ITHRESHOLD(v), (seed >> 12) & 7);
        }
        wr(DOMAINCFG, (seed >> 16) & 3 ? IE : 0);
        for (unsigned v = 0; v < 2; v++) {
            bool ie = rd(DOMAINCFG) & IE;
            bool line =
                ie && rd(IDELIVERY(v)) && (rd(IFORCE(v)) || rd(TOPI(v)) != 0);

            assert_int_equal(vaplic_lines(a) >> v & 1, line);
            assert_int_equal(vaplic_idc_irq(a, v), line);
        }
        assert_int_equal(vaplic_lines(a) >> 2, 0);
    }
}

static void the_line_needs_ie_idelivery_and_topi_or_iforce(void **s)
{
    (void)s;
    arm_direct(1, SM_EDGE1, 1, 3);
    assert_false(vaplic_idc_irq(a, 1));
    wr(SETIPNUM, 1);
    assert_true(vaplic_idc_irq(a, 1));
    assert_false(vaplic_idc_irq(a, 0));
    wr(DOMAINCFG, 0);
    assert_false(vaplic_idc_irq(a, 1));
    wr(DOMAINCFG, IE);
    wr(IDELIVERY(1), 0);
    assert_false(vaplic_idc_irq(a, 1));
    /* iforce asserts it with nothing pending: a spurious interrupt. */
    wr(IDELIVERY(0), 1);
    wr(IFORCE(0), 1);
    assert_true(vaplic_idc_irq(a, 0));
    assert_false(vaplic_idc_irq(a, 2));
}

static void claimi_claims_edges_and_a_zero_claim_clears_iforce(void **s)
{
    struct vaplic_result r;

    (void)s;
    arm_direct(2, SM_EDGE1, 0, 1);
    arm_direct(3, SM_EDGE1, 0, 2);
    wr(SETIPNUM, 2);
    wr(SETIPNUM, 3);
    r = vaplic_read(a, CLAIMI(0), 4);
    assert_int_equal(r.value, (2u << 16) | 1);
    assert_true(r.lines_changed);
    assert_false(pending(2));
    assert_int_equal(rd(CLAIMI(0)), (3u << 16) | 2);
    wr(IFORCE(0), 1);
    assert_int_equal(rd(CLAIMI(0)), 0);
    assert_int_equal(rd(IFORCE(0)), 0);
    assert_false(vaplic_idc_irq(a, 0));
}

static void direct_mode_sends_no_msi_and_has_no_genmsi(void **s)
{
    unsigned id, vcpu, eiid;
    struct vaplic_result r;

    (void)s;
    arm_direct(1, SM_EDGE1, 0, 1);
    wr(SETIPNUM, 1);
    assert_false(vaplic_take_msi(a, &id, &vcpu, &eiid));
    r = wr(GENMSI, HART(1) | 7);
    assert_false(r.genmsi);
    assert_int_equal(rd(GENMSI), 0);
}

/* ---- MSI delivery (AIA 4.9) ---------------------------------------------*/

static void an_msi_goes_out_only_with_ie_and_the_enable(void **s)
{
    unsigned id, vcpu, eiid;

    (void)s;
    arm_msi(33, SM_EDGE1, 1, 0x21);
    arm_msi(2, SM_EDGE1, 0, 0x22);
    wr(DOMAINCFG, 0);
    wr(SETIPNUM, 33);
    wr(SETIPNUM, 2);
    assert_false(vaplic_take_msi(a, &id, &vcpu, &eiid));
    wr(DOMAINCFG, IE);
    wr(CLRIENUM, 2);
    assert_true(vaplic_take_msi(a, &id, &vcpu, &eiid));
    assert_int_equal(id, 33);
    assert_int_equal(vcpu, 1);
    assert_int_equal(eiid, 0x21);
    assert_false(pending(33));
    assert_false(vaplic_take_msi(a, &id, &vcpu, &eiid));
    /* Enabled later: the pending one goes. */
    wr(SETIENUM, 2);
    assert_true(vaplic_take_msi(a, &id, &vcpu, &eiid));
    assert_int_equal(id, 2);
    assert_int_equal(vcpu, 0);
    assert_int_equal(eiid, 0x22);
    /* No IDCs in MSI mode. */
    wr(IDELIVERY(0), 1);
    assert_int_equal(rd(IDELIVERY(0)), 0);
    assert_false(vaplic_idc_irq(a, 0));
}

static void genmsi_asks_for_an_extempore_msi_to_a_vcpu(void **s)
{
    struct vaplic_result r;

    (void)s;
    /* Sent whether or not IE is set; never Busy. */
    r = wr(GENMSI, HART(1) | (1u << 12) | 0x155);
    assert_true(r.genmsi);
    assert_int_equal(r.genmsi_vcpu, 1);
    assert_int_equal(r.genmsi_eiid, 0x55);
    assert_int_equal(rd(GENMSI), HART(1) | 0x55);
    /* No such vCPU: ignored. EIID 0: nothing to send. */
    r = wr(GENMSI, HART(2) | 3);
    assert_false(r.genmsi);
    assert_int_equal(rd(GENMSI), HART(1) | 0x55);
    r = wr(GENMSI, HART(0));
    assert_false(r.genmsi);
}

/* ---- A whole guest sequence ---------------------------------------------*/

/* What Linux's aplic-direct driver does, then one interrupt. */
static void a_linux_like_direct_sequence(void **s)
{
    (void)s;
    wr(DOMAINCFG, 0);
    for (unsigned i = 1; i <= 96; i++) {
        wr(SOURCECFG(i), 0);
        wr(CLRIENUM, i);
    }
    for (unsigned v = 0; v < 2; v++) {
        wr(IDELIVERY(v), 1);
        wr(ITHRESHOLD(v), 0);
    }
    wr(DOMAINCFG, IE);
    wr(SOURCECFG(96), SM_LEVEL1);
    wr(TARGET(96), HART(1) | 1);
    wr(SETIENUM, 96);
    assert_false(vaplic_idc_irq(a, 1));
    assert_true(vaplic_set_input(a, 96, true));
    assert_true(vaplic_idc_irq(a, 1));
    assert_int_equal(rd(CLAIMI(1)), (96u << 16) | 1);
    /* The device is serviced: its line drops, and so does the vCPU's. */
    vaplic_set_input(a, 96, false);
    assert_false(vaplic_idc_irq(a, 1));
    assert_int_equal(rd(CLAIMI(1)), 0);
}

#define D(f) cmocka_unit_test_setup(f, setup_direct)
#define M(f) cmocka_unit_test_setup(f, setup_msi)

int main(void)
{
    const struct CMUnitTest tests[] = {
        D(a_pulse_is_low_high_low_in_one_step),
        M(a_pulse_is_low_high_low_in_one_step),
        M(a_pulse_in_msi_mode_sends_what_became_due),
        D(a_direct_mode_pulse_sends_nothing),
        D(only_aligned_words_inside_the_window_are_accepted),
        M(only_aligned_words_inside_the_window_are_accepted),
        D(domaincfg_reads_0x80_ie_and_the_fixed_mode),
        D(msi_address_configuration_reads_zero),
        M(msi_address_configuration_reads_zero),
        D(every_source_mode_is_kept),
        M(every_source_mode_is_kept),
        D(delegation_and_reserved_modes_make_the_source_inactive),
        D(foreign_and_missing_sources_are_read_only_zero),
        M(foreign_and_missing_sources_are_read_only_zero),
        D(an_inactive_source_has_no_pending_enable_or_target),
        D(direct_target_holds_a_vcpu_and_a_nonzero_priority),
        D(a_hart_index_naming_no_vcpu_leaves_the_target),
        M(a_hart_index_naming_no_vcpu_leaves_the_target),
        M(msi_target_holds_a_vcpu_and_its_eiid),
        D(enables_set_and_clear_by_word_and_by_number),
        M(enables_set_and_clear_by_word_and_by_number),
        D(edge_and_detached_pending_by_register_in_both_modes),
        D(edges_pend_on_the_rectified_rising_edge),
        M(edges_pend_on_the_rectified_rising_edge),
        D(detached_sources_ignore_their_wire),
        D(in_clrip_reads_the_rectified_inputs),
        M(in_clrip_reads_the_rectified_inputs),
        D(direct_level_pending_is_the_input_and_nothing_else),
        M(msi_level_pends_on_rising_input_and_setip_while_high),
        M(a_followed_wire_pends_only_by_the_guests_request),
        D(a_level_source_made_active_while_asserted_is_pending),
        D(idc_registers_are_warl_and_wlrl),
        D(topi_is_the_best_pending_enabled_source_of_the_vcpu),
        D(the_threshold_keeps_out_its_priority_and_below),
        D(the_lines_agree_with_each_vcpus_topi_and_idc),
        D(the_line_needs_ie_idelivery_and_topi_or_iforce),
        D(claimi_claims_edges_and_a_zero_claim_clears_iforce),
        D(direct_mode_sends_no_msi_and_has_no_genmsi),
        M(an_msi_goes_out_only_with_ie_and_the_enable),
        M(genmsi_asks_for_an_extempore_msi_to_a_vcpu),
        D(a_linux_like_direct_sequence),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
