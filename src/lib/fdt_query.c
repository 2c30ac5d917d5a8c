/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Boot-time questions the hypervisor asks the devicetree: where is RAM,
 * what must not be touched, which harts exist, how fast the timer ticks
 * and what ISA each hart implements. Built only on the public API of
 * fdt.c, so every access is bounds-checked there.
 */
#include <lib/fdt.h>

/* Collects regions into a caller array, or only counts them if out == NULL. */
struct region_sink {
    struct fdt_region *out;
    int max;
    int count;
};

static int sink_add(struct region_sink *sink, uint64_t base, uint64_t size)
{
    if (sink->out != NULL) {
        if (sink->count >= sink->max)
            return FDT_ERR_NOSPACE;
        sink->out[sink->count].base = base;
        sink->out[sink->count].size = size;
    }
    sink->count++;
    return 0;
}

/* Add every non-empty reg entry of node; no reg at all is an error. */
static int sink_add_reg(struct region_sink *sink, const void *blob, int node)
{
    int entries = fdt_reg_count(blob, node);
    if (entries < 0)
        return entries == FDT_ERR_NOTFOUND ? FDT_ERR_BADVALUE : entries;

    for (int i = 0; i < entries; i++) {
        uint64_t base, size;
        if (!fdt_reg(blob, node, i, &base, &size))
            return FDT_ERR_BADVALUE;
        if (size == 0)
            continue;
        int err = sink_add(sink, base, size);
        if (err < 0)
            return err;
    }
    return 0;
}

/* The walk over a node's children ended normally rather than on an error? */
static int walk_result(int last, int count)
{
    return last == FDT_ERR_NOTFOUND ? count : last;
}

int fdt_memory_regions(const void *blob, struct fdt_region *out, int max)
{
    struct region_sink sink = {out, max, 0};
    int depth = 0;
    int node;

    for (node = fdt_path(blob, "/"); node >= 0;
         node = fdt_next_node(blob, node, &depth)) {
        /* DT spec 3.4: memory nodes are children of the root. */
        if (depth != 1 ||
            !fdt_prop_streq(blob, node, "device_type", "memory") ||
            !fdt_node_is_okay(blob, node))
            continue;
        int err = sink_add_reg(&sink, blob, node);
        if (err < 0)
            return err;
    }
    return walk_result(node, sink.count);
}

static int add_rsvmap(struct region_sink *sink, const void *blob)
{
    int err;
    uint64_t base, size;

    for (int i = 0; (err = fdt_mem_rsv(blob, i, &base, &size)) == 0; i++) {
        err = sink_add(sink, base, size);
        if (err < 0)
            return err;
    }
    return err == FDT_ERR_NOTFOUND ? 0 : err;
}

int fdt_reserved_regions(const void *blob, struct fdt_region *out, int max)
{
    struct region_sink sink = {out, max, 0};
    int err = add_rsvmap(&sink, blob);
    if (err < 0)
        return err;

    int parent = fdt_path(blob, "/reserved-memory");
    if (parent == FDT_ERR_NOTFOUND)
        return sink.count;

    int depth = 0;
    int node;
    for (node = parent; node >= 0; node = fdt_next_node(blob, node, &depth)) {
        if (depth != 1 || !fdt_node_is_okay(blob, node))
            continue;
        /* Regions without reg are placed by the OS (size/alloc-ranges). */
        if (fdt_reg_count(blob, node) == FDT_ERR_NOTFOUND)
            continue;
        err = sink_add_reg(&sink, blob, node);
        if (err < 0)
            return err;
    }
    return walk_result(node, sink.count);
}

/* Hart id of a cpu node: its single reg address (DT spec 3.8.1). */
static int cpu_hartid(const void *blob, int cpu, uint32_t *hartid)
{
    uint64_t reg;

    if (fdt_reg_count(blob, cpu) != 1 || !fdt_reg(blob, cpu, 0, &reg, NULL) ||
        reg > UINT32_MAX)
        return FDT_ERR_BADVALUE;
    *hartid = (uint32_t)reg;
    return 0;
}

/*
 * Advance to the next cpu node under /cpus (depth tracks the walk; start
 * with node = offset of /cpus and depth = 0). Returns the cpu or negative.
 */
static int next_cpu(const void *blob, int node, int *depth)
{
    while ((node = fdt_next_node(blob, node, depth)) >= 0) {
        if (*depth == 1 && fdt_prop_streq(blob, node, "device_type", "cpu"))
            return node;
    }
    return node;
}

int fdt_cpu_harts(const void *blob, uint32_t *hartids, int max)
{
    int cpus = fdt_path(blob, "/cpus");
    if (cpus < 0)
        return cpus;

    int count = 0;
    int depth = 0;
    int cpu;
    for (cpu = next_cpu(blob, cpus, &depth); cpu >= 0;
         cpu = next_cpu(blob, cpu, &depth)) {
        if (!fdt_node_is_okay(blob, cpu))
            continue;
        uint32_t hartid;
        int err = cpu_hartid(blob, cpu, &hartid);
        if (err < 0)
            return err;
        if (hartids != NULL) {
            if (count >= max)
                return FDT_ERR_NOSPACE;
            hartids[count] = hartid;
        }
        count++;
    }
    return walk_result(cpu, count);
}

static bool timebase_of(const void *blob, int node, uint32_t *hz)
{
    uint64_t value;

    if (!fdt_prop_u64(blob, node, "timebase-frequency", &value) || value == 0 ||
        value > UINT32_MAX)
        return false;
    *hz = (uint32_t)value;
    return true;
}

bool fdt_timebase_frequency(const void *blob, uint32_t *hz)
{
    int cpus = fdt_path(blob, "/cpus");
    if (cpus < 0)
        return false;
    if (timebase_of(blob, cpus, hz))
        return true;

    int depth = 0;
    for (int cpu = next_cpu(blob, cpus, &depth); cpu >= 0;
         cpu = next_cpu(blob, cpu, &depth)) {
        if (fdt_node_is_okay(blob, cpu) && timebase_of(blob, cpu, hz))
            return true;
    }
    return false;
}

/* A usable string property: non-empty and NUL-terminated at its end. */
static int string_value(const char *val, int len, const char **out)
{
    if (val == NULL)
        return len;
    if (len < 1 || val[len - 1] != '\0')
        return FDT_ERR_BADVALUE;

    int n = 0;
    while (val[n] != '\0')
        n++;
    *out = val;
    return n;
}

int fdt_cpu_node(const void *blob, uint32_t hartid)
{
    int cpus = fdt_path(blob, "/cpus");
    if (cpus < 0)
        return cpus;

    int depth = 0;
    int cpu;
    for (cpu = next_cpu(blob, cpus, &depth); cpu >= 0;
         cpu = next_cpu(blob, cpu, &depth)) {
        uint32_t id;
        if (cpu_hartid(blob, cpu, &id) == 0 && id == hartid)
            return cpu;
    }
    return cpu;
}

int fdt_cpu_isa(const void *blob, uint32_t hartid, const char **isa)
{
    int cpu = fdt_cpu_node(blob, hartid);
    int len;

    if (cpu < 0)
        return cpu;
    const char *val = fdt_prop(blob, cpu, "riscv,isa", &len);
    return string_value(val, len, isa);
}

int fdt_next_compatible(const void *blob, int offset, const char *compat)
{
    int node = fdt_next_node(blob, offset, NULL);

    for (; node >= 0; node = fdt_next_node(blob, node, NULL)) {
        if (fdt_node_is_compatible(blob, node, compat) &&
            fdt_node_is_okay(blob, node))
            return node;
    }
    return node;
}

int fdt_node_by_phandle(const void *blob, uint32_t phandle)
{
    int node = fdt_next_node(blob, -1, NULL);

    for (; node >= 0; node = fdt_next_node(blob, node, NULL)) {
        uint32_t value;

        if (fdt_prop_u32(blob, node, "phandle", &value) && value == phandle)
            return node;
    }
    return node;
}
