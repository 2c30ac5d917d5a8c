/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The generic platform's description, read from the host device tree at
 * boot: the console UART (/chosen stdout-path), the timebase, the harts'
 * last-level cache and, through the architecture, the interrupt
 * controller. The IOMMU, RAM and harts are the machine's on every platform
 * (machine.c). What VMs are shown (the generated device trees'
 * controller geometry, their ISA) was fixed at build time and stays.
 */
#include <core/arch_hooks.h>
#include <core/hyp_limits.h>
#include <core/machine_fit.h>
#include <core/platform_dt.h>
#include <lib/fdt.h>
#include <lib/string.h>
#include <lib/util.h>

/* The node a path or an alias names ("serial0:115200n8" -> /soc/serial@..). */
static int stdout_node(const void *dtb)
{
    int chosen = fdt_path(dtb, "/chosen");
    int len, aliases;
    const char *path;
    char name[128]; /* a longer path is not believed: no console UART */
    size_t n = 0;

    if (chosen < 0)
        return -1;
    path = fdt_prop(dtb, chosen, "stdout-path", &len);
    if (!path || len <= 0)
        return -1;
    while (n < (size_t)len && path[n] && path[n] != ':')
        n++;
    if (n >= sizeof(name))
        return -1;
    memcpy(name, path, n);
    name[n] = '\0';
    if (name[0] == '/')
        return fdt_path(dtb, name);
    aliases = fdt_path(dtb, "/aliases");
    path = aliases >= 0 ? fdt_prop(dtb, aliases, name, &len) : NULL;
    return path && len > 0 ? fdt_path(dtb, path) : -1;
}

/* The first interrupt of a node: its first cell, which is the id whether
 * the controller takes one cell or two (id, trigger); 0 if none. */
static unsigned first_irq(const void *dtb, int node)
{
    int len;
    const uint8_t *p = fdt_prop(dtb, node, "interrupts", &len);

    if (!p || len < 4)
        return 0;
    return fdt_be32(p);
}

/* The console: /chosen's stdout-path when the driver can drive it, else
 * none (the firmware's console, SBI). */
static void probe_console(const void *dtb, struct platform *p)
{
    int node = stdout_node(dtb);
    uint32_t shift = 0, width = 1;
    uint64_t base, size;

    p->console_uart.base = 0;
    if (node < 0 || !fdt_node_is_okay(dtb, node) ||
        !machine_fit_is_uart(dtb, node) || !fdt_reg(dtb, node, 0, &base, &size))
        return;
    fdt_prop_u32(dtb, node, "reg-shift", &shift);
    fdt_prop_u32(dtb, node, "reg-io-width", &width);
    if (shift > 3 || (width != 1 && width != 4))
        return;
    p->console_uart.base = base;
    p->console_uart.size = ALIGN_UP(size, PAGE_SIZE);
    p->console_uart.irq = first_irq(dtb, node);
    if (p->console_uart.irq >= MAX_IRQS)
        p->console_uart.irq = 0; /* output only: typed input is not taken */
    p->console_uart.reg_shift = shift;
    p->console_uart.reg_width = width;
}

/*
 * The cache the harts share last: the end of the first hart's
 * next-level-cache chain (device-tree bindings cpus.yaml and cache.yaml).
 * Ways = size / (sets * line). Left 0 (no colours) when the tree does not
 * say.
 */
static void probe_llc(const void *dtb, struct platform *p)
{
    uint32_t hart, phandle, sets, line;
    uint64_t size;
    int n, node;

    p->llc.size = 0;
    p->llc.ways = 0;
    /* The first hart (NOSPACE: it was read, and more follow). */
    n = fdt_cpu_harts(dtb, &hart, 1);
    node = n == 1 || n == FDT_ERR_NOSPACE ? fdt_cpu_node(dtb, hart) : -1;
    for (int hops = 0; node >= 0 && hops < 4 &&
                       fdt_prop_u32(dtb, node, "next-level-cache", &phandle);
         hops++)
        node = fdt_node_by_phandle(dtb, phandle);
    if (node < 0 || fdt_prop_streq(dtb, node, "device_type", "cpu"))
        return;
    /* One cell or two: fdt_prop_u64 reads either. */
    if (!fdt_prop_u64(dtb, node, "cache-size", &size) ||
        !fdt_prop_u32(dtb, node, "cache-sets", &sets) ||
        !fdt_prop_u32(dtb, node, "cache-block-size", &line) || !sets || !line)
        return;
    p->llc.size = size;
    p->llc.ways = (unsigned)(size / ((uint64_t)sets * line));
}

int platform_from_dt(const void *dtb, struct platform *p,
                     struct machine_fit_error *err)
{
    uint32_t hz;

    if (!machine_dtb_usable(dtb)) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "platform generic needs the host device tree, and "
                        "there is none usable at %p",
                        dtb);
        return -1;
    }
    if (!fdt_timebase_frequency(dtb, &hz) || !hz) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "platform generic: the device tree gives no "
                        "/cpus timebase-frequency");
        return -1;
    }
    p->timebase_hz = hz;
    p->max_harts = MAX_CPUS;
    /* The firmware's memory is in /reserved-memory (machine.reserved). */
    p->firmware = (struct mem_range){0, 0};
    probe_console(dtb, p);
    probe_llc(dtb, p);
    return arch_platform_probe(dtb, p, err);
}
