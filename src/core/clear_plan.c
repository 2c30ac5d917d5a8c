/* SPDX-License-Identifier: Apache-2.0 */
#include <core/clear_plan.h>
#include <lib/util.h>
#include <stdbool.h>

static bool in_keep(const struct gpa_range *k, uint64_t gpa)
{
    return k->size && gpa >= k->base && gpa - k->base < k->size;
}

/*
 * The first run of [from, end) outside every keep range: [*base, *stop).
 * False when nothing of it is left to clear.
 */
static bool next_run(const struct clear_plan *p, uint64_t from, uint64_t end,
                     uint64_t *base, uint64_t *stop)
{
    bool moved = true;

    /* Keep ranges may overlap or touch: skip until none covers `from`. */
    while (moved && from < end) {
        moved = false;
        for (size_t k = 0; k < p->keep_num; k++) {
            if (in_keep(&p->keep[k], from)) {
                from = p->keep[k].base + p->keep[k].size;
                moved = true;
            }
        }
    }
    if (from >= end)
        return false;
    *base = from;
    *stop = end;
    for (size_t k = 0; k < p->keep_num; k++) {
        const struct gpa_range *r = &p->keep[k];

        if (r->size && r->base > from && r->base < *stop)
            *stop = r->base;
    }
    return true;
}

/*
 * Walk the runs to clear in order; `pos` counts the bytes to clear before
 * each run. Calls fn for the part of each run within [lo, hi) of that
 * count; without fn, only counts.
 */
static uint64_t walk(const struct clear_plan *p, uint64_t lo, uint64_t hi,
                     clear_fn fn, void *ctx)
{
    uint64_t pos = 0;

    for (size_t i = 0; i < p->ram_num; i++) {
        uint64_t from = p->ram[i].base, end = from + p->ram[i].size;
        uint64_t base, stop;

        for (; next_run(p, from, end, &base, &stop); from = stop) {
            uint64_t s = MAX(pos, lo), e = MIN(pos + (stop - base), hi);

            if (fn && s < e)
                fn(ctx, base + (s - pos), e - s);
            pos += stop - base;
        }
    }
    return pos;
}

uint64_t clear_plan_total(const struct clear_plan *plan)
{
    return walk(plan, 0, 0, NULL, NULL);
}

/* Where share k of n starts, in bytes to clear: a granule boundary, or the
 * total for k = n. (A VM's RAM times MAX_CPUS stays far below 2^64.) */
static uint64_t share_start(uint64_t total, unsigned k, unsigned n)
{
    if (k >= n)
        return total;
    return ALIGN_DOWN(total * k / n, CLEAR_SHARE_GRANULE);
}

void clear_plan_share(const struct clear_plan *plan, unsigned share,
                      unsigned shares, clear_fn fn, void *ctx)
{
    uint64_t total = clear_plan_total(plan);

    if (share >= shares)
        return;
    walk(plan, share_start(total, share, shares),
         share_start(total, share + 1, shares), fn, ctx);
}
