/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The device-tree reader (src/lib/fdt.c, fdt_query.c) and what reads the
 * host's AIA with it (src/arch/riscv/irqc/aia/aia_host.c), on any blob:
 * fdt_check accepts it or not, and whatever it accepts every query walks
 * without reading outside the blob (ASan) and without looping forever.
 */
#include <aia/aia_host.h>
#include <lib/fdt.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"

#define MAX_NODES 4096 /* a walk longer than the blob could hold is a loop */

static void query_node(const void *blob, int node)
{
    static const char *const props[] = {"compatible", "reg", "status",
                                        "riscv,isa", "interrupts-extended",
                                        "phandle", "#address-cells"};
    uint64_t addr, size;
    uint32_t u32;
    int len, n;

    (void)fdt_node_name(blob, node);
    (void)fdt_parent(blob, node);
    (void)fdt_node_is_okay(blob, node);
    (void)fdt_node_is_compatible(blob, node, "riscv,aplic");
    for (unsigned i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
        const char *p = fdt_prop(blob, node, props[i], &len);

        if (p && len > 0)
            (void)fdt_stringlist_contains(p, len, "okay");
        (void)fdt_prop_u32(blob, node, props[i], &u32);
    }
    n = fdt_reg_count(blob, node);
    for (int i = 0; i < n && i < 16; i++)
        (void)fdt_reg(blob, node, i, &addr, &size);
}

static void query(const void *blob)
{
    struct fdt_region regions[8];
    uint32_t harts[16], hz;
    const char *isa;
    struct aia_host aia;
    int depth = 0, node = 0, walked = 0;

    while (node >= 0 && walked++ < MAX_NODES) {
        query_node(blob, node);
        node = fdt_next_node(blob, node, &depth);
    }
    FUZZ_ASSERT(walked < MAX_NODES);
    (void)fdt_memory_regions(blob, regions, 8);
    (void)fdt_reserved_regions(blob, regions, 8);
    (void)fdt_cpu_harts(blob, harts, 16);
    (void)fdt_timebase_frequency(blob, &hz);
    (void)fdt_cpu_isa(blob, 0, &isa);
    (void)fdt_path(blob, "/cpus/cpu@0");
    (void)fdt_path(blob, "/soc");
    for (node = fdt_next_compatible(blob, -1, "riscv,plic0"), walked = 0;
         node >= 0 && walked++ < MAX_NODES;
         node = fdt_next_compatible(blob, node, "riscv,plic0"))
        ;
    FUZZ_ASSERT(walked < MAX_NODES);
    (void)aia_host_probe(blob, &aia);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Aligned as a blob in memory would be, and only as long as given. */
    uint64_t *blob = malloc(size + sizeof(uint64_t));

    if (!blob)
        return 0;
    memcpy(blob, data, size);
    if (fdt_check(blob, size) == 0)
        query(blob);
    free(blob);
    return 0;
}
