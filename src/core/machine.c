/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/hyp_limits.h>
#include <core/machine_fit.h>
#include <core/platform.h>
#include <lib/fdt.h>

struct machine machine;

static void use_platform_defaults(void)
{
    machine.ram_num = 1;
    machine.ram[0] = platform.ram;
    machine.hart_mask = (1UL << platform.max_harts) - 1;
    machine.timebase_hz = platform.timebase_hz;
    arch_machine_probe_cpus(NULL);
}

static void probe_memory(const void *dtb)
{
    struct fdt_region r[PLATFORM_MAX_RAM_REGIONS];
    int n = fdt_memory_regions(dtb, r, PLATFORM_MAX_RAM_REGIONS);

    for (int i = 0; i < n; i++) {
        machine.ram[machine.ram_num].base = r[i].base;
        machine.ram[machine.ram_num].size = r[i].size;
        machine.ram_num++;
    }
    n = fdt_reserved_regions(dtb, r, PLATFORM_MAX_RAM_REGIONS);
    for (int i = 0; i < n; i++) {
        machine.reserved[machine.reserved_num].base = r[i].base;
        machine.reserved[machine.reserved_num].size = r[i].size;
        machine.reserved_num++;
    }
}

static void probe_harts(const void *dtb)
{
    uint32_t ids[64];
    int n = fdt_cpu_harts(dtb, ids, 64);
    unsigned limit =
        platform.max_harts < MAX_CPUS ? platform.max_harts : MAX_CPUS;

    for (int i = 0; i < n; i++) {
        if (ids[i] < limit)
            machine.hart_mask |= 1UL << ids[i];
        else
            log_warn("hart %u is beyond the %u harts this build manages",
                     ids[i], limit);
    }
}

void machine_probe(const void *dtb)
{
    if (!machine_dtb_usable(dtb)) {
        log_warn("no usable host device tree at %p: using the %s defaults", dtb,
                 platform.name);
        use_platform_defaults();
        return;
    }
    probe_memory(dtb);
    probe_harts(dtb);
    if (!fdt_timebase_frequency(dtb, &machine.timebase_hz))
        machine.timebase_hz = platform.timebase_hz;
    if (machine.ram_num == 0) {
        machine.ram_num = 1;
        machine.ram[0] = platform.ram;
    }
    if (machine.hart_mask == 0)
        machine.hart_mask = 1;
    arch_machine_probe_cpus(dtb);
    arch_machine_probe_iommu(dtb);
}
