/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The virtual PLIC's registers (see arch/vplic.h). Every access is decoded
 * into one register of spec 3's map, then read or written by the handler of
 * that register block. State outside what the VM owns (unassigned sources,
 * contexts beyond its vCPUs, reserved words) is hardwired to 0.
 */
#include <lib/bitmap.h>
#include <plic/vplic.h>

/* The register an offset names; index is a source id, word or context. */
enum vplic_reg_kind {
    VPLIC_REG_RESERVED,
    VPLIC_REG_PRIORITY,  /* index: source id */
    VPLIC_REG_PENDING,   /* index: word */
    VPLIC_REG_ENABLE,    /* index: word, ctx: context */
    VPLIC_REG_THRESHOLD, /* ctx: context */
    VPLIC_REG_CLAIM,     /* ctx: context */
};

struct vplic_reg {
    enum vplic_reg_kind kind;
    unsigned index;
    unsigned ctx;
};

/* ---- State --------------------------------------------------------------*/

void vplic_init(struct vplic *p, unsigned num_sources, unsigned num_vcpus)
{
    unsigned contexts = VPLIC_MAX_CONTEXTS;

    if (num_vcpus < VPLIC_MAX_CONTEXTS / VPLIC_CONTEXTS_PER_VCPU)
        contexts = num_vcpus * VPLIC_CONTEXTS_PER_VCPU;
    p->num_sources =
        num_sources < VPLIC_MAX_SOURCES ? num_sources : VPLIC_MAX_SOURCES;
    p->num_contexts = contexts;
    bitmap_zero(p->assigned, VPLIC_WORDS);
    bitmap_zero(p->priority, VPLIC_MAX_SOURCES);
    bitmap_zero(p->pending, VPLIC_WORDS);
    bitmap_zero(p->in_flight, VPLIC_WORDS);
    for (unsigned c = 0; c < VPLIC_MAX_CONTEXTS; c++) {
        bitmap_zero(p->enable[c], VPLIC_WORDS);
        p->threshold[c] = 0;
    }
}

/* spec 1 (interrupt IDs): 0 is "no interrupt" and never a source. */
static bool source_exists(const struct vplic *p, unsigned id)
{
    return id != 0 && id < p->num_sources;
}

void vplic_assign(struct vplic *p, unsigned id)
{
    if (source_exists(p, id))
        bitmap_set(p->assigned, id);
}

bool vplic_is_assigned(const struct vplic *p, unsigned id)
{
    return source_exists(p, id) && bitmap_test(p->assigned, id);
}

/* spec 1 (gateways): at most one request per source in the core at a time. */
bool vplic_is_enabled(const struct vplic *p, unsigned ctx, unsigned id)
{
    return ctx < p->num_contexts && source_exists(p, id) &&
           bitmap_test(p->enable[ctx], id);
}

bool vplic_is_in_flight(const struct vplic *p, unsigned id)
{
    return source_exists(p, id) && bitmap_test(p->in_flight, id);
}

bool vplic_is_pending(const struct vplic *p, unsigned id)
{
    return source_exists(p, id) && bitmap_test(p->pending, id);
}

bool vplic_raise(struct vplic *p, unsigned id)
{
    if (!vplic_is_assigned(p, id) || bitmap_test(p->in_flight, id) ||
        bitmap_test(p->pending, id))
        return false;
    bitmap_set(p->pending, id);
    return true;
}

bool vplic_lower(struct vplic *p, unsigned id)
{
    if (!vplic_is_assigned(p, id) || !bitmap_test(p->pending, id))
        return false;
    bitmap_clear(p->pending, id);
    return true;
}

/*
 * The highest-priority source pending and enabled for ctx whose priority is
 * above floor; ties go to the lowest id (spec 4). 0 if none.
 */
static unsigned best_source(const struct vplic *p, unsigned ctx, uint32_t floor)
{
    unsigned best = 0;
    uint32_t best_priority = floor;

    /* A word at a time: this runs on every interrupt and line update. */
    for (unsigned w = 0; w < VPLIC_WORDS; w++) {
        uint32_t bits = p->pending[w] & p->enable[ctx][w] & p->assigned[w];

        for (unsigned id = w * 32; bits; id++, bits >>= 1) {
            if ((bits & 1) && id != 0 && id < p->num_sources &&
                p->priority[id] > best_priority) {
                best = id;
                best_priority = p->priority[id];
            }
        }
    }
    return best;
}

/* spec 7: only priorities above the threshold notify the context. */
bool vplic_context_irq(const struct vplic *p, unsigned ctx)
{
    if (ctx >= p->num_contexts)
        return false;
    return best_source(p, ctx, p->threshold[ctx]) != 0;
}

/* ---- Decoding (spec 3) --------------------------------------------------*/

static bool access_valid(uint64_t offset, unsigned width)
{
    return width == PLIC_REG_SIZE && offset % PLIC_REG_SIZE == 0 &&
           offset < VPLIC_SIZE;
}

static struct vplic_reg decode(uint64_t offset)
{
    struct vplic_reg reg = {.kind = VPLIC_REG_RESERVED};
    unsigned off = (unsigned)offset; /* below VPLIC_SIZE */

    if (off < PLIC_PRIORITY_END) {
        reg.kind = VPLIC_REG_PRIORITY;
        reg.index = (off - PLIC_PRIORITY_BASE) / PLIC_REG_SIZE;
    } else if (off >= PLIC_PENDING_BASE && off < PLIC_PENDING_END) {
        reg.kind = VPLIC_REG_PENDING;
        reg.index = (off - PLIC_PENDING_BASE) / PLIC_REG_SIZE;
    } else if (off >= PLIC_ENABLE_BASE && off < PLIC_ENABLE_END) {
        reg.kind = VPLIC_REG_ENABLE;
        reg.ctx = (off - PLIC_ENABLE_BASE) / PLIC_ENABLE_STRIDE;
        reg.index =
            (off - PLIC_ENABLE_BASE) % PLIC_ENABLE_STRIDE / PLIC_REG_SIZE;
    } else if (off >= PLIC_CONTEXT_BASE) {
        unsigned in_page = (off - PLIC_CONTEXT_BASE) % PLIC_CONTEXT_STRIDE;

        reg.ctx = (off - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE;
        if (in_page == PLIC_THRESHOLD)
            reg.kind = VPLIC_REG_THRESHOLD;
        else if (in_page == PLIC_CLAIM)
            reg.kind = VPLIC_REG_CLAIM;
    }
    return reg;
}

/* ---- Register blocks ----------------------------------------------------*/

/* spec 4: source 0 and sources the VM does not own are hardwired to 0. */
static uint32_t priority_read(const struct vplic *p, unsigned id)
{
    return vplic_is_assigned(p, id) ? p->priority[id] : 0;
}

/* spec 4: WARL, the low bits implemented. */
static void priority_write(struct vplic *p, unsigned id, uint32_t value,
                           struct vplic_result *res)
{
    uint32_t priority = value & VPLIC_PRIORITY_MAX;

    if (!vplic_is_assigned(p, id) || p->priority[id] == priority)
        return;
    p->priority[id] = priority;
    res->lines_changed = true;
}

/* spec 5: read-only; bit 0 of word 0 (source 0) is never set. */
static uint32_t pending_read(const struct vplic *p, unsigned word)
{
    if (word >= VPLIC_WORDS)
        return 0;
    return p->pending[word] & p->assigned[word];
}

static bool enable_exists(const struct vplic *p, unsigned ctx, unsigned word)
{
    return ctx < p->num_contexts && word < VPLIC_WORDS;
}

static uint32_t enable_read(const struct vplic *p, unsigned ctx, unsigned word)
{
    return enable_exists(p, ctx, word) ? p->enable[ctx][word] : 0;
}

/* spec 6: only the bits of sources the VM owns are writable. */
static void enable_write(struct vplic *p, unsigned ctx, unsigned word,
                         uint32_t value, struct vplic_result *res)
{
    uint32_t enable;

    if (!enable_exists(p, ctx, word))
        return;
    enable = value & p->assigned[word];
    if (p->enable[ctx][word] == enable)
        return;
    p->enable[ctx][word] = enable;
    res->enables_changed = true;
    res->enable_ctx = ctx;
    res->lines_changed = true;
}

static uint32_t threshold_read(const struct vplic *p, unsigned ctx)
{
    return ctx < p->num_contexts ? p->threshold[ctx] : 0;
}

/* spec 7: WARL, as wide as the priorities. */
static void threshold_write(struct vplic *p, unsigned ctx, uint32_t value,
                            struct vplic_result *res)
{
    uint32_t threshold = value & VPLIC_PRIORITY_MAX;

    if (ctx >= p->num_contexts || p->threshold[ctx] == threshold)
        return;
    p->threshold[ctx] = threshold;
    res->lines_changed = true;
}

/*
 * spec 8: the claim is not affected by the threshold (a context may poll
 * with its threshold at the maximum), but priority 0 never interrupts.
 */
static uint32_t claim(struct vplic *p, unsigned ctx, struct vplic_result *res)
{
    unsigned id;

    if (ctx >= p->num_contexts)
        return 0;
    id = best_source(p, ctx, 0);
    if (id == 0)
        return 0;
    bitmap_clear(p->pending, id);
    bitmap_set(p->in_flight, id);
    res->lines_changed = true;
    return id;
}

/*
 * spec 9: an id not enabled for the context is silently ignored; so is one
 * not in flight, whose physical source the hypervisor does not hold.
 */
static void complete(struct vplic *p, unsigned ctx, uint32_t id,
                     struct vplic_result *res)
{
    if (ctx >= p->num_contexts || !vplic_is_assigned(p, id) ||
        !bitmap_test(p->in_flight, id) || !bitmap_test(p->enable[ctx], id))
        return;
    bitmap_clear(p->in_flight, id);
    res->completed_id = id;
}

/* ---- MMIO ---------------------------------------------------------------*/

struct vplic_result vplic_read(struct vplic *p, uint64_t offset, unsigned width)
{
    struct vplic_result res = {.ok = false};
    struct vplic_reg reg;

    if (!access_valid(offset, width))
        return res;
    res.ok = true;
    reg = decode(offset);
    switch (reg.kind) {
    case VPLIC_REG_PRIORITY:
        res.value = priority_read(p, reg.index);
        break;
    case VPLIC_REG_PENDING:
        res.value = pending_read(p, reg.index);
        break;
    case VPLIC_REG_ENABLE:
        res.value = enable_read(p, reg.ctx, reg.index);
        break;
    case VPLIC_REG_THRESHOLD:
        res.value = threshold_read(p, reg.ctx);
        break;
    case VPLIC_REG_CLAIM:
        res.value = claim(p, reg.ctx, &res);
        break;
    case VPLIC_REG_RESERVED:
        break;
    }
    return res;
}

struct vplic_result vplic_write(struct vplic *p, uint64_t offset,
                                unsigned width, uint32_t value)
{
    struct vplic_result res = {.ok = false};
    struct vplic_reg reg;

    if (!access_valid(offset, width))
        return res;
    res.ok = true;
    reg = decode(offset);
    switch (reg.kind) {
    case VPLIC_REG_PRIORITY:
        priority_write(p, reg.index, value, &res);
        break;
    case VPLIC_REG_ENABLE:
        enable_write(p, reg.ctx, reg.index, value, &res);
        break;
    case VPLIC_REG_THRESHOLD:
        threshold_write(p, reg.ctx, value, &res);
        break;
    case VPLIC_REG_CLAIM:
        complete(p, reg.ctx, value, &res);
        break;
    case VPLIC_REG_PENDING:  /* spec 5: read-only */
    case VPLIC_REG_RESERVED: /* spec 3: reserved */
        break;
    }
    return res;
}
