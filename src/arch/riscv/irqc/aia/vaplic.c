/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The virtual APLIC's registers (see aia/vaplic.h). Each access is
 * decoded to one register of AIA 4.5's map and handled by that register's
 * function; the pending-bit rules of AIA 4.7 live in one place each (set,
 * clear, claim, input), by source mode and delivery mode.
 */
#include <aia/vaplic.h>
#include <lib/bitmap.h>

#define MAX_MODELLED (VAPLIC_MAX_SOURCES - 1)
#define MAX_SOURCE (APLIC_MAX_SOURCES - 1) /* AIA 4.5: sources 1..1023 */
#define MAX_IPRIO_BITS 8                   /* AIA 4.5.16: IPRIOLEN is 1..8 */
#define MAX_EIID_BITS 11 /* AIA 4.5.16: EIID is at most 11 bits */

static unsigned clamp(unsigned v, unsigned lo, unsigned hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void vaplic_init(struct vaplic *a, unsigned num_sources, unsigned num_vcpus,
                 bool msi, unsigned iprio_bits, unsigned eiid_bits)
{
    *a = (struct vaplic){
        .num_sources = clamp(num_sources, 0, MAX_MODELLED),
        .num_vcpus = clamp(num_vcpus, 0, VAPLIC_MAX_VCPUS),
        .msi = msi,
        .iprio_bits = clamp(iprio_bits, 1, MAX_IPRIO_BITS),
        .eiid_bits = clamp(eiid_bits, 1, MAX_EIID_BITS),
    };
}

/* ---- Sources ------------------------------------------------------------*/

void vaplic_assign(struct vaplic *a, unsigned id)
{
    if (vaplic_exists(a, id))
        bitmap_set(a->assigned, id);
}

static uint32_t iprio_mask(const struct vaplic *a)
{
    return (1u << a->iprio_bits) - 1;
}

static bool is_edge(unsigned sm)
{
    return sm == APLIC_SM_EDGE1 || sm == APLIC_SM_EDGE0;
}

/* AIA 4.5.2: the wire XOR "inverted"; zero when inactive or detached.
 * `sm` is the source's mode. */
static bool rectified_in(const struct vaplic *a, unsigned id, unsigned sm)
{
    if (!is_edge(sm) && !aplic_sm_is_level(sm))
        return false;
    return bitmap_test(a->wire, id) != aplic_sm_is_inverted(sm);
}

static bool rectified(const struct vaplic *a, unsigned id)
{
    return rectified_in(a, id, vaplic_source_mode(a, id));
}

static bool set_pending_bit(struct vaplic *a, unsigned id, bool on)
{
    bool was = bitmap_test(a->pending, id);

    if (on)
        bitmap_set(a->pending, id);
    else
        bitmap_clear(a->pending, id);
    return was != on;
}

/* ---- The pending-bit rules of AIA 4.7 -----------------------------------*/

/* A write to setip, setipnum or setipnum_le. */
static bool pending_by_setip(struct vaplic *a, unsigned id)
{
    unsigned sm = vaplic_source_mode(a, id);

    if (sm == APLIC_SM_INACTIVE)
        return false;
    /* Direct mode: a level source's pending bit is its input, nothing else.
     * MSI mode: set only while the input is asserted. */
    if (aplic_sm_is_level(sm) && (!a->msi || !rectified(a, id)))
        return false;
    return set_pending_bit(a, id, true);
}

/* A write to in_clrip or clripnum. */
static bool pending_by_clrip(struct vaplic *a, unsigned id)
{
    unsigned sm = vaplic_source_mode(a, id);

    if (sm == APLIC_SM_INACTIVE || (aplic_sm_is_level(sm) && !a->msi))
        return false;
    return set_pending_bit(a, id, false);
}

/* A claim at an IDC (direct mode): a level source stays pending. */
static void pending_by_claim(struct vaplic *a, unsigned id)
{
    if (!aplic_sm_is_level(vaplic_source_mode(a, id)))
        set_pending_bit(a, id, false);
}

bool vaplic_set_input(struct vaplic *a, unsigned id, bool high)
{
    unsigned sm = vaplic_source_mode(a, id);
    bool before, after;

    if (!vaplic_is_assigned(a, id))
        return false;
    before = rectified_in(a, id, sm);
    if (high)
        bitmap_set(a->wire, id);
    else
        bitmap_clear(a->wire, id);
    after = rectified_in(a, id, sm);
    if (is_edge(sm))
        return !before && after && set_pending_bit(a, id, true);
    if (!aplic_sm_is_level(sm))
        return false;
    if (!a->msi)
        return set_pending_bit(a, id, after);
    if (!after)
        return set_pending_bit(a, id, false);
    return !before && set_pending_bit(a, id, true);
}

/* vaplic_pulse, inline in the MSI notification path too. */
static inline bool pulse(struct vaplic *a, unsigned id)
{
    unsigned sm = vaplic_source_mode(a, id);

    if (!vaplic_is_assigned(a, id))
        return false;
    bitmap_clear(a->wire, id);
    /* Either polarity of edge sees a rising rectified edge on the way. A
     * level source's pending bit ends with its rectified input: low for
     * Level1; for Level0 high, having just risen (which pends it in MSI
     * mode too). */
    if (is_edge(sm))
        return set_pending_bit(a, id, true);
    if (aplic_sm_is_level(sm))
        return set_pending_bit(a, id, aplic_sm_is_inverted(sm));
    return false;
}

bool vaplic_pulse(struct vaplic *a, unsigned id)
{
    return pulse(a, id);
}

void vaplic_follow_wire(struct vaplic *a, unsigned id, bool high)
{
    if (!vaplic_is_assigned(a, id))
        return;
    if (high)
        bitmap_set(a->wire, id);
    else
        bitmap_clear(a->wire, id);
    /* A level source's pending bit is cleared whenever its rectified input
     * is low (AIA 4.7); set, it stays as it was. */
    if (aplic_sm_is_level(vaplic_source_mode(a, id)) && !rectified(a, id))
        set_pending_bit(a, id, false);
}

void vaplic_drop_pending(struct vaplic *a, unsigned id)
{
    if (vaplic_is_assigned(a, id))
        set_pending_bit(a, id, false);
}

/* ---- Delivery -----------------------------------------------------------*/

/* The lowest-numbered source pending and enabled, from `from` on; 0 if
 * none. */
static unsigned next_ready(const struct vaplic *a, unsigned from)
{
    for (unsigned w = from / 32; w < VAPLIC_WORDS; w++) {
        uint32_t ready = a->pending[w] & a->enable[w] & a->assigned[w];

        if (w == from / 32)
            ready &= ~0u << (from % 32);
        while (ready) {
            unsigned b = bitmap_word_lowest(ready);
            unsigned id = w * 32 + b;

            if (vaplic_is_active(a, id))
                return id;
            ready &= ready - 1;
        }
    }
    return 0;
}

/* Whether priority `prio` gets past IDC v's threshold: with
 * threshold P, priorities P and above are out (AIA 4.8.1.3). */
static bool above_threshold(const struct vaplic *a, unsigned v, uint32_t prio)
{
    uint32_t threshold = a->idc[v].ithreshold;

    return !threshold || prio < threshold;
}

uint32_t vaplic_topi(const struct vaplic *a, unsigned v)
{
    unsigned best = 0;
    uint32_t best_prio = 0;

    if (a->msi || v >= a->num_vcpus)
        return 0;
    for (unsigned id = next_ready(a, 1); id; id = next_ready(a, id + 1)) {
        uint32_t prio = a->target[id] & iprio_mask(a);

        if (vaplic_target_vcpu(a, id) != v || !above_threshold(a, v, prio))
            continue;
        /* Smaller numbers first; ties go to the lower source number. */
        if (!best || prio < best_prio) {
            best = id;
            best_prio = prio;
        }
    }
    return best ? (uint32_t)best << APLIC_TOPI_ID_SHIFT | best_prio : 0;
}

uint32_t vaplic_lines(const struct vaplic *a)
{
    uint32_t open = 0, up = 0;

    if (a->msi || !a->ie)
        return 0;
    for (unsigned v = 0; v < a->num_vcpus; v++) {
        if (!a->idc[v].idelivery)
            continue;
        open |= 1u << v;
        if (a->idc[v].iforce)
            up |= 1u << v;
    }
    /* One pass over what is ready: a vCPU's line is up when any of its
     * sources would show in its topi. */
    for (unsigned w = 0; w < VAPLIC_WORDS && (open & ~up); w++) {
        uint32_t ready = a->pending[w] & a->enable[w] & a->assigned[w];

        for (; ready; ready &= ready - 1) {
            unsigned id = w * 32 + bitmap_word_lowest(ready);
            unsigned v = vaplic_target_vcpu(a, id);

            if (v < a->num_vcpus && (open >> v & 1) &&
                vaplic_is_active(a, id) &&
                above_threshold(a, v, a->target[id] & iprio_mask(a)))
                up |= 1u << v;
        }
    }
    return up;
}

bool vaplic_idc_irq(const struct vaplic *a, unsigned v)
{
    return v < a->num_vcpus && (vaplic_lines(a) >> v & 1);
}

bool vaplic_pulse_msi(struct vaplic *a, unsigned id, unsigned *vcpu,
                      unsigned *eiid)
{
    uint32_t bit = 1u << (id % 32);
    unsigned w = id / 32;

    if (!a->msi || !vaplic_is_assigned(a, id))
        return false;
    pulse(a, id);
    /* Due: pending and enabled while the domain is (AIA 4.9); sent, the
     * pending bit is cleared. Assigned and active, or it would not pend. */
    if (!(a->pending[w] & a->enable[w] & bit) || !a->ie)
        return false;
    a->pending[w] &= ~bit;
    *vcpu = vaplic_target_vcpu(a, id);
    *eiid = vaplic_target_eiid(a, id);
    return true;
}

bool vaplic_take_msi(struct vaplic *a, unsigned *id, unsigned *vcpu,
                     unsigned *eiid)
{
    unsigned src;

    if (!a->msi || !a->ie)
        return false;
    src = next_ready(a, 1);
    if (!src)
        return false;
    set_pending_bit(a, src, false);
    *id = src;
    *vcpu = vaplic_target_vcpu(a, src);
    *eiid = vaplic_target_eiid(a, src);
    return true;
}

/* ---- Registers ----------------------------------------------------------*/

static uint32_t domaincfg(const struct vaplic *a)
{
    return APLIC_DOMAINCFG_RO80 | (a->ie ? APLIC_DOMAINCFG_IE : 0) |
           (a->msi ? APLIC_DOMAINCFG_DM : 0);
}

/* AIA 4.5.2 */
static void write_sourcecfg(struct vaplic *a, unsigned id, uint32_t value,
                            struct vaplic_result *r)
{
    unsigned old = vaplic_source_mode(a, id), sm;

    if (!vaplic_is_assigned(a, id))
        return;
    /* D cannot be set in a leaf domain: the whole register becomes 0. The
     * reserved modes 2 and 3 are not supported (WARL): Inactive. */
    sm = (value & APLIC_SOURCECFG_D) ? APLIC_SM_INACTIVE
                                     : value & APLIC_SOURCECFG_SM_MASK;
    if (sm == 2 || sm == 3)
        sm = APLIC_SM_INACTIVE;
    a->sm[id] = (uint8_t)sm;
    if (sm == APLIC_SM_INACTIVE) {
        bitmap_clear(a->pending, id);
        bitmap_clear(a->enable, id);
        a->target[id] = 0;
    } else if (old == APLIC_SM_INACTIVE) {
        /* Target fields become UNSPECIFIED: make them a legal value. */
        a->target[id] = a->msi ? 0 : 1;
    }
    /* A level source's pending bit is its input under the new mode: in
     * direct mode always; in MSI mode the spec allows it when the input is
     * asserted (so a guest misses no level interrupt) and forbids it when
     * it is not. */
    if (aplic_sm_is_level(sm))
        set_pending_bit(a, id, rectified(a, id));
    r->source_changed = id;
    r->mode_changed = true;
    /* A source made inactive loses its enable. */
    r->enables_changed = true;
    r->enables_word = id / 32;
    r->lines_changed = true;
}

/* AIA 4.5.16: the guest's hart index is its vCPU number. */
static void write_target(struct vaplic *a, unsigned id, uint32_t value,
                         struct vaplic_result *r)
{
    uint32_t hart = (value >> APLIC_TARGET_HART_SHIFT) & APLIC_TARGET_HART_MASK;
    uint32_t low;

    if (!vaplic_is_active(a, id) || hart >= a->num_vcpus)
        return;
    if (a->msi) {
        low = value & vaplic_eiid_mask(a);
    } else {
        low = value & iprio_mask(a);
        if (low == 0)
            low = 1; /* priority 0 is not allowed: it becomes 1 */
    }
    a->target[id] = hart << APLIC_TARGET_HART_SHIFT | low;
    r->source_changed = id;
    r->lines_changed = true;
}

static void write_genmsi(struct vaplic *a, uint32_t value,
                         struct vaplic_result *r)
{
    uint32_t hart = (value >> APLIC_TARGET_HART_SHIFT) & APLIC_TARGET_HART_MASK;

    if (!a->msi || hart >= a->num_vcpus)
        return;
    a->genmsi = hart << APLIC_TARGET_HART_SHIFT | (value & vaplic_eiid_mask(a));
    if ((value & vaplic_eiid_mask(a)) != 0) {
        r->genmsi = true;
        r->genmsi_vcpu = hart;
        r->genmsi_eiid = value & vaplic_eiid_mask(a);
    }
}

/* Which of a word's sources are active: only they have pending and enable
 * bits (AIA 4.5.2). */
static uint32_t active_mask(const struct vaplic *a, unsigned word)
{
    uint32_t mask = 0;

    for (unsigned b = 0; b < 32; b++) {
        if (vaplic_is_active(a, word * 32 + b))
            mask |= 1u << b;
    }
    return mask;
}

/* A write to setip[k], in_clrip[k], setie[k] or clrie[k]. */
static void write_bits(struct vaplic *a, unsigned base, unsigned word,
                       uint32_t value, struct vaplic_result *r)
{
    if (word >= VAPLIC_WORDS)
        return; /* no source there is modelled: all inactive */
    value &= active_mask(a, word);
    for (unsigned b = 0; b < 32; b++) {
        unsigned id = word * 32 + b;

        if (!(value & (1u << b)))
            continue;
        if (base == APLIC_SETIP_BASE)
            pending_by_setip(a, id);
        else if (base == APLIC_IN_CLRIP_BASE)
            pending_by_clrip(a, id);
        else if (base == APLIC_SETIE_BASE)
            bitmap_set(a->enable, id);
        else
            bitmap_clear(a->enable, id);
    }
    if (base == APLIC_SETIE_BASE || base == APLIC_CLRIE_BASE) {
        r->enables_changed = true;
        r->enables_word = word;
    }
    r->lines_changed = true;
}

static uint32_t read_bits(const struct vaplic *a, unsigned base, unsigned word)
{
    uint32_t bits = 0;

    if (word >= VAPLIC_WORDS)
        return 0;
    if (base == APLIC_SETIP_BASE)
        return a->pending[word] & active_mask(a, word);
    if (base == APLIC_SETIE_BASE)
        return a->enable[word] & active_mask(a, word);
    if (base == APLIC_IN_CLRIP_BASE) {
        for (unsigned b = 0; b < 32; b++) {
            if (rectified(a, word * 32 + b))
                bits |= 1u << b;
        }
    }
    return bits; /* clrie reads 0 */
}

/* The bit array a by-number port acts on: setipnum(_le), clripnum,
 * setienum, clrienum; 0 for any other offset. */
static unsigned num_port_base(uint64_t offset)
{
    switch (offset) {
    case APLIC_SETIPNUM:
    case APLIC_SETIPNUM_LE:
        return APLIC_SETIP_BASE;
    case APLIC_CLRIPNUM:
        return APLIC_IN_CLRIP_BASE;
    case APLIC_SETIENUM:
        return APLIC_SETIE_BASE;
    case APLIC_CLRIENUM:
        return APLIC_CLRIE_BASE;
    default:
        return 0;
    }
}

/* AIA 4.8.1: vCPU v's IDC; only in direct mode. */
static uint32_t read_idc(struct vaplic *a, unsigned v, unsigned reg,
                         struct vaplic_result *r)
{
    struct vaplic_idc *idc = &a->idc[v];
    uint32_t topi;

    switch (reg) {
    case APLIC_IDC_IDELIVERY:
        return idc->idelivery;
    case APLIC_IDC_IFORCE:
        return idc->iforce;
    case APLIC_IDC_ITHRESHOLD:
        return idc->ithreshold;
    case APLIC_IDC_TOPI:
        return vaplic_topi(a, v);
    case APLIC_IDC_CLAIMI:
        topi = vaplic_topi(a, v);
        if (topi)
            pending_by_claim(a, topi >> APLIC_TOPI_ID_SHIFT);
        else
            idc->iforce = false;
        r->lines_changed = true;
        return topi;
    default:
        return 0;
    }
}

static void write_idc(struct vaplic *a, unsigned v, unsigned reg,
                      uint32_t value, struct vaplic_result *r)
{
    struct vaplic_idc *idc = &a->idc[v];

    switch (reg) {
    case APLIC_IDC_IDELIVERY:
        idc->idelivery = value & 1; /* WARL: 0 or 1 */
        break;
    case APLIC_IDC_IFORCE:
        idc->iforce = value & 1;
        break;
    case APLIC_IDC_ITHRESHOLD:
        idc->ithreshold = value & iprio_mask(a); /* IPRIOLEN bits */
        break;
    default:
        return; /* topi and claimi ignore writes */
    }
    r->lines_changed = true;
}

/* The IDC an offset falls in, or -1 (MSI mode has none). */
static int idc_of(const struct vaplic *a, uint64_t offset)
{
    uint64_t v;

    if (a->msi || offset < APLIC_IDC_BASE)
        return -1;
    v = (offset - APLIC_IDC_BASE) / APLIC_IDC_SIZE;
    return v < a->num_vcpus ? (int)v : -1;
}

/* The bit-array register an offset falls in: its base, and the word. */
static unsigned bits_base(uint64_t offset, unsigned *word)
{
    static const unsigned bases[] = {APLIC_SETIP_BASE, APLIC_IN_CLRIP_BASE,
                                     APLIC_SETIE_BASE, APLIC_CLRIE_BASE};

    for (unsigned i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
        if (offset >= bases[i] &&
            offset < bases[i] + APLIC_BITS_WORDS * APLIC_REG_SIZE) {
            *word = (unsigned)(offset - bases[i]) / APLIC_REG_SIZE;
            return bases[i];
        }
    }
    return 0;
}

static bool valid_access(uint64_t offset, unsigned width)
{
    return width == APLIC_REG_SIZE && offset % APLIC_REG_SIZE == 0 &&
           offset < VAPLIC_SIZE;
}

/* The source a sourcecfg or target offset names, or 0. */
static unsigned source_at(uint64_t offset, unsigned base)
{
    if (offset < base || offset >= base + MAX_SOURCE * APLIC_REG_SIZE)
        return 0;
    return (unsigned)(offset - base) / APLIC_REG_SIZE + 1;
}

struct vaplic_result vaplic_read(struct vaplic *a, uint64_t offset,
                                 unsigned width)
{
    struct vaplic_result r = {.ok = valid_access(offset, width)};
    unsigned id, word, base;
    int v;

    if (!r.ok)
        return r;
    if (offset == APLIC_DOMAINCFG) {
        r.value = domaincfg(a);
    } else if ((id = source_at(offset, APLIC_SOURCECFG_BASE)) != 0) {
        r.value = vaplic_source_mode(a, id);
    } else if ((base = bits_base(offset, &word)) != 0) {
        r.value = read_bits(a, base, word);
    } else if (offset == APLIC_GENMSI) {
        r.value = a->msi ? a->genmsi : 0; /* never Busy: sent at once */
    } else if ((id = source_at(offset, APLIC_TARGET_BASE)) != 0) {
        r.value = vaplic_is_active(a, id) ? a->target[id] : 0;
    } else if ((v = idc_of(a, offset)) >= 0) {
        r.value = read_idc(a, (unsigned)v, offset % APLIC_IDC_SIZE, &r);
    }
    /* Everything else (the *msiaddrcfg* of a supervisor domain, the
     * by-number ports, reserved words) reads 0. */
    return r;
}

struct vaplic_result vaplic_write(struct vaplic *a, uint64_t offset,
                                  unsigned width, uint32_t value)
{
    struct vaplic_result r = {.ok = valid_access(offset, width)};
    unsigned id, word, base;
    int v;

    if (!r.ok)
        return r;
    if (offset == APLIC_DOMAINCFG) {
        /* DM is fixed by the VM's configuration and BE is 0 (WARL). */
        bool ie = value & APLIC_DOMAINCFG_IE;

        r.ie_changed = ie != a->ie;
        a->ie = ie;
        r.lines_changed = true;
    } else if ((id = source_at(offset, APLIC_SOURCECFG_BASE)) != 0) {
        write_sourcecfg(a, id, value, &r);
    } else if ((base = bits_base(offset, &word)) != 0) {
        write_bits(a, base, word, value, &r);
    } else if ((base = num_port_base(offset)) != 0) {
        /* A number that is no active source of the domain is ignored. */
        if (vaplic_is_active(a, value))
            write_bits(a, base, value / 32, 1u << (value % 32), &r);
    } else if (offset == APLIC_GENMSI) {
        write_genmsi(a, value, &r);
    } else if ((id = source_at(offset, APLIC_TARGET_BASE)) != 0) {
        write_target(a, id, value, &r);
    } else if ((v = idc_of(a, offset)) >= 0) {
        write_idc(a, (unsigned)v, offset % APLIC_IDC_SIZE, value, &r);
    }
    /* setipnum_be: little-endian only, so not implemented (AIA 4.5.14). */
    return r;
}
