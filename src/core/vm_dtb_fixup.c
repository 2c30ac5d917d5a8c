/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The generated device trees carry the timebase the build knew; the
 * machine's is what the boot read from its own tree (on the generic
 * platform the only one there is): set it in each, in place, before any is
 * copied into a VM. The property keeps its one cell, so nothing moves.
 */
#include <core/vm_dtb.h>
#include <lib/fdt.h>

/* A VM with a tree of its own has no generated one (NULL): nothing to do. */
static bool set_timebase(const void *blob, uint32_t hz)
{
    void *tree = (void *)(uintptr_t)blob;
    int cpus;

    if (!blob)
        return true;
    cpus = fdt_path(tree, "/cpus");
    return cpus >= 0 && fdt_set_prop_u32(tree, cpus, "timebase-frequency", hz);
}

int vm_dtbs_set_timebase(uint32_t hz)
{
    for (uint64_t i = 0; i < vm_dtb_count; i++) {
        if (!set_timebase(vm_dtb_table[i].timer_direct, hz) ||
            !set_timebase(vm_dtb_table[i].timer_emulated, hz))
            return -1;
    }
    return 0;
}
