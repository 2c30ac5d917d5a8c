/* SPDX-License-Identifier: Apache-2.0 */
#include "dtb.h"

#include <lib/fdt.h>
#include <lib/string.h>
#include <stdint.h>

#include "console.h"

/* Longest bootargs printed; the rest is cut and marked with "...". */
#define BOOTARGS_MAX 96

const void *dtb_open(unsigned long addr, int *err)
{
    const void *blob = (const void *)addr;
    int e = fdt_check(blob, DTB_MAX_SIZE);

    if (err)
        *err = e;
    return e == 0 ? blob : NULL;
}

/* True if the node's name is base, or base followed by '@' and a unit
 * address. */
static bool name_is(const void *blob, int node, const char *base)
{
    const char *name = fdt_node_name(blob, node);
    size_t n = strlen(base);

    return name && strncmp(name, base, n) == 0 &&
           (name[n] == '\0' || name[n] == '@');
}

/* True if the property is a string list holding the string s. */
static bool prop_has_string(const void *blob, int node, const char *name,
                            const char *s)
{
    int len;
    const char *list = fdt_prop(blob, node, name, &len);

    return list && fdt_stringlist_contains(list, len, s);
}

/*
 * The children of parent (>= 0) in tree order: walk with
 *   int depth = 0;
 *   for (int c = first_child(blob, parent, &depth); c >= 0;
 *        c = next_child(blob, c, &depth))
 */
static int next_child(const void *blob, int node, int *depth)
{
    do
        node = fdt_next_node(blob, node, depth);
    while (node >= 0 && *depth > 1);
    return node;
}

static int first_child(const void *blob, int parent, int *depth)
{
    *depth = 0;
    return next_child(blob, parent, depth);
}

/* CPU nodes (cpu or cpu@<id> with device_type "cpu") and the timebase. */
static void report_cpus(const void *blob, int root)
{
    int cpus = fdt_subnode(blob, root, "cpus");
    unsigned int n = 0;
    uint64_t timebase = 0; /* 0: not given */

    if (cpus >= 0) {
        int depth;
        for (int c = first_child(blob, cpus, &depth); c >= 0;
             c = next_child(blob, c, &depth))
            if (name_is(blob, c, "cpu") &&
                prop_has_string(blob, c, "device_type", "cpu"))
                n++;
        if (!fdt_prop_u64(blob, cpus, "timebase-frequency", &timebase))
            timebase = 0;
    }
    console_printf("dtb: cpus %u timebase %lu\n", n, (unsigned long)timebase);
}

/* #address-cells / #size-cells of node, with the spec's defaults (2, 1). */
static uint32_t cells(const void *blob, int node, const char *name,
                      uint32_t dflt)
{
    uint64_t v;

    return fdt_prop_u64(blob, node, name, &v) ? (uint32_t)v : dflt;
}

/* 1- or 2-cell number at p. */
static uint64_t read_cells(const uint8_t *p, uint32_t n)
{
    return n == 2 ? fdt_be64(p) : fdt_be32(p);
}

/* Every (base, size) pair of every memory node at the root. */
static void report_memory(const void *blob, int root)
{
    uint32_t ac = cells(blob, root, "#address-cells", 2);
    uint32_t sc = cells(blob, root, "#size-cells", 1);
    int depth;

    if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
        console_printf("dtb: memory cells %u+%u unsupported\n", ac, sc);
        return;
    }
    for (int m = first_child(blob, root, &depth); m >= 0;
         m = next_child(blob, m, &depth)) {
        int len;
        const uint8_t *reg;
        if (!name_is(blob, m, "memory") ||
            !(reg = fdt_prop(blob, m, "reg", &len)))
            continue;
        uint32_t entry = 4 * (ac + sc);
        for (uint32_t off = 0; (uint32_t)len - off >= entry; off += entry)
            console_printf("dtb: memory 0x%lx 0x%lx\n",
                           (unsigned long)read_cells(reg + off, ac),
                           (unsigned long)read_cells(reg + off + 4 * ac, sc));
    }
}

bool dtb_memory(unsigned long addr, uint64_t *base, uint64_t *size)
{
    const void *blob = dtb_open(addr, NULL);
    int root = blob ? fdt_next_node(blob, -1, NULL) : -1;
    uint32_t ac, sc;
    int depth;

    if (root < 0)
        return false;
    ac = cells(blob, root, "#address-cells", 2);
    sc = cells(blob, root, "#size-cells", 1);
    if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
        return false;
    for (int m = first_child(blob, root, &depth); m >= 0;
         m = next_child(blob, m, &depth)) {
        int len;
        const uint8_t *reg;
        if (!name_is(blob, m, "memory") ||
            !(reg = fdt_prop(blob, m, "reg", &len)) ||
            (uint32_t)len < 4 * (ac + sc))
            continue;
        *base = read_cells(reg, ac);
        *size = read_cells(reg + 4 * ac, sc);
        return true;
    }
    return false;
}

/* Devices under /soc with an interrupts property, and the PLIC. */
static void report_soc(const void *blob, int root)
{
    int soc = fdt_subnode(blob, root, "soc");
    int depth;

    if (soc < 0)
        return;
    for (int d = first_child(blob, soc, &depth); d >= 0;
         d = next_child(blob, d, &depth)) {
        int len;
        const uint8_t *irqs = fdt_prop(blob, d, "interrupts", &len);
        if (irqs && len >= 4)
            console_printf("dtb: device %s irq %u\n", fdt_node_name(blob, d),
                           (unsigned int)fdt_be32(irqs));
        if (fdt_node_is_compatible(blob, d, "riscv,plic0"))
            console_printf("dtb: plic %s\n", fdt_node_name(blob, d));
    }
}

static void report_bootargs(const void *blob, int root)
{
    int chosen = fdt_subnode(blob, root, "chosen");
    int len;
    const char *args =
        chosen >= 0 ? fdt_prop(blob, chosen, "bootargs", &len) : NULL;
    char text[BOOTARGS_MAX + 4];
    int n = 0;

    if (!args)
        return;
    /* The value should be NUL-terminated; never read past len anyway. */
    while (n < len && n < BOOTARGS_MAX && args[n] != '\0') {
        text[n] = args[n];
        n++;
    }
    if (n == BOOTARGS_MAX && n < len && args[n] != '\0') {
        text[n++] = '.';
        text[n++] = '.';
        text[n++] = '.';
    }
    text[n] = '\0';
    console_printf("dtb: bootargs \"%s\"\n", text);
}

void dtb_report(unsigned long addr)
{
    int err;
    const void *blob = dtb_open(addr, &err);

    if (err == FDT_ERR_BADMAGIC) {
        console_printf("dtb: none\n");
        return;
    }
    console_printf("dtb: 0x%lx\n", addr);
    int root = blob ? fdt_next_node(blob, -1, NULL) : -1;
    if (root < 0) {
        console_printf("dtb: malformed\n");
        return;
    }
    report_cpus(blob, root);
    report_memory(blob, root);
    report_soc(blob, root);
    report_bootargs(blob, root);
}
