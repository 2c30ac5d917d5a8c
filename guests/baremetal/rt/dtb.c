#include "dtb.h"

#include <stdint.h>

#include "console.h"
#include "fdt.h"

/* Longest bootargs printed; the rest is cut and marked with "...". */
#define BOOTARGS_MAX 96

/* CPU nodes (cpu or cpu@<id> with device_type "cpu") and the timebase. */
static void report_cpus(const struct fdt *fdt, long root)
{
    long cpus = fdt_subnode(fdt, root, "cpus");
    unsigned int n = 0;
    uint64_t timebase = 0; /* 0: not given */

    if (cpus >= 0) {
        for (long c = fdt_first_child(fdt, cpus); c >= 0;
             c = fdt_next_sibling(fdt, c))
            if (fdt_name_is(fdt, c, "cpu") &&
                fdt_prop_has_string(fdt, c, "device_type", "cpu"))
                n++;
        if (!fdt_prop_num(fdt, cpus, "timebase-frequency", &timebase))
            timebase = 0;
    }
    console_printf("dtb: cpus %u timebase %lu\n", n, (unsigned long)timebase);
}

/* #address-cells / #size-cells of node, with the spec's defaults (2, 1). */
static uint32_t cells(const struct fdt *fdt, long node, const char *name,
                      uint32_t dflt)
{
    uint64_t v;

    return fdt_prop_num(fdt, node, name, &v) ? (uint32_t)v : dflt;
}

/* 1- or 2-cell number at p. */
static uint64_t read_cells(const uint8_t *p, uint32_t n)
{
    uint64_t v = fdt_be32(p);

    return n == 2 ? v << 32 | fdt_be32(p + 4) : v;
}

/* Every (base, size) pair of every memory node at the root. */
static void report_memory(const struct fdt *fdt, long root)
{
    uint32_t ac = cells(fdt, root, "#address-cells", 2);
    uint32_t sc = cells(fdt, root, "#size-cells", 1);

    if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
        console_printf("dtb: memory cells %u+%u unsupported\n", ac, sc);
        return;
    }
    for (long m = fdt_first_child(fdt, root); m >= 0;
         m = fdt_next_sibling(fdt, m)) {
        uint32_t len;
        const uint8_t *reg;
        if (!fdt_name_is(fdt, m, "memory") ||
            !(reg = fdt_prop(fdt, m, "reg", &len)))
            continue;
        uint32_t entry = 4 * (ac + sc);
        for (uint32_t off = 0; len - off >= entry; off += entry)
            console_printf("dtb: memory 0x%lx 0x%lx\n",
                           (unsigned long)read_cells(reg + off, ac),
                           (unsigned long)read_cells(reg + off + 4 * ac, sc));
    }
}

bool dtb_memory(unsigned long addr, uint64_t *base, uint64_t *size)
{
    struct fdt fdt;
    long root = fdt_open(&fdt, addr) == FDT_OK ? fdt_root(&fdt) : -1;
    uint32_t ac, sc, len;

    if (root < 0)
        return false;
    ac = cells(&fdt, root, "#address-cells", 2);
    sc = cells(&fdt, root, "#size-cells", 1);
    if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
        return false;
    for (long m = fdt_first_child(&fdt, root); m >= 0;
         m = fdt_next_sibling(&fdt, m)) {
        const uint8_t *reg;
        if (!fdt_name_is(&fdt, m, "memory") ||
            !(reg = fdt_prop(&fdt, m, "reg", &len)) || len < 4 * (ac + sc))
            continue;
        *base = read_cells(reg, ac);
        *size = read_cells(reg + 4 * ac, sc);
        return true;
    }
    return false;
}

/* Devices under /soc with an interrupts property, and the PLIC. */
static void report_soc(const struct fdt *fdt, long root)
{
    long soc = fdt_subnode(fdt, root, "soc");

    for (long d = fdt_first_child(fdt, soc); d >= 0;
         d = fdt_next_sibling(fdt, d)) {
        uint32_t len;
        const uint8_t *irqs = fdt_prop(fdt, d, "interrupts", &len);
        if (irqs && len >= 4)
            console_printf("dtb: device %s irq %u\n", fdt_name(fdt, d),
                           (unsigned int)fdt_be32(irqs));
        if (fdt_prop_has_string(fdt, d, "compatible", "riscv,plic0"))
            console_printf("dtb: plic %s\n", fdt_name(fdt, d));
    }
}

static void report_bootargs(const struct fdt *fdt, long root)
{
    long chosen = fdt_subnode(fdt, root, "chosen");
    uint32_t len;
    const char *args = fdt_prop(fdt, chosen, "bootargs", &len);
    char text[BOOTARGS_MAX + 4];
    uint32_t n = 0;

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
    struct fdt fdt;
    int err = fdt_open(&fdt, addr);

    if (err == FDT_ERR_MAGIC) {
        console_printf("dtb: none\n");
        return;
    }
    console_printf("dtb: 0x%lx\n", addr);
    long root = err == FDT_OK ? fdt_root(&fdt) : -1;
    if (root < 0) {
        console_printf("dtb: malformed\n");
        return;
    }
    report_cpus(&fdt, root);
    report_memory(&fdt, root);
    report_soc(&fdt, root);
    report_bootargs(&fdt, root);
}
