/* SPDX-License-Identifier: Apache-2.0 */
#include "ramcheck.h"

#include <lib/fdt.h>

#include "console.h"
#include "dtb.h"

#define WORD 8
#define MAX_SPANS 3

/* Linker script and start.S symbols: the image and its .bss. */
extern char _start[], __bss_end[];

struct span {
    uint64_t *from, *to;
};

static uint64_t *word_up(uint64_t addr)
{
    return (uint64_t *)((addr + WORD - 1) & ~(uint64_t)(WORD - 1));
}

static uint64_t *word_down(uint64_t addr)
{
    return (uint64_t *)(addr & ~(uint64_t)(WORD - 1));
}

static unsigned add_span(struct span *s, unsigned n, uint64_t from, uint64_t to)
{
    if (to > from) {
        s[n].from = word_up(from);
        s[n].to = word_down(to);
        n++;
    }
    return n;
}

/*
 * RAM in address order minus [_start, __bss_end) and the device tree
 * (which sits above the image, as Baobab places it); 0 spans if the tree
 * has no memory.
 */
static unsigned free_spans(unsigned long dtb, struct span s[MAX_SPANS])
{
    uint64_t base, size, image = (uint64_t)(uintptr_t)_start;
    uint64_t bss_end = (uint64_t)(uintptr_t)__bss_end;
    uint64_t dtb_end;
    unsigned n = 0;

    if (!dtb_memory(dtb, &base, &size) || dtb < bss_end)
        return 0;
    dtb_end = dtb + fdt_totalsize((const void *)dtb);
    n = add_span(s, n, base, image);
    n = add_span(s, n, bss_end, dtb);
    return add_span(s, n, dtb_end, base + size);
}

bool ramcheck_zero(unsigned long dtb)
{
    struct span s[MAX_SPANS];
    unsigned n = free_spans(dtb, s);
    uint64_t bytes = 0;

    if (n == 0) {
        console_printf("ramcheck: no memory in the device tree\n");
        return false;
    }
    for (unsigned i = 0; i < n; i++) {
        for (volatile uint64_t *p = s[i].from; p < s[i].to; p++) {
            if (*p) {
                console_printf("ramcheck: 0x%lx holds 0x%lx, not zero\n",
                               (unsigned long)(uintptr_t)p, (unsigned long)*p);
                return false;
            }
        }
        bytes += (uint64_t)(s[i].to - s[i].from) * WORD;
    }
    console_printf("ramcheck: %lu bytes zero\n", (unsigned long)bytes);
    return true;
}

void ramcheck_fill(unsigned long dtb, uint64_t pattern)
{
    struct span s[MAX_SPANS];
    unsigned n = free_spans(dtb, s);

    for (unsigned i = 0; i < n; i++) {
        for (volatile uint64_t *p = s[i].from; p < s[i].to; p++)
            *p = pattern;
    }
}
