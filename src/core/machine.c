/* SPDX-License-Identifier: Apache-2.0 */
#include <console.h>
#include <fdt.h>
#include <hyp_limits.h>
#include <isa.h>
#include <machine_fit.h>
#include <platform.h>

struct machine machine;

static void set_state_units(unsigned hart, unsigned units)
{
    uint64_t bit = 1UL << hart;

    if (units & ISA_UNIT_F)
        machine.fpu_f_mask |= bit;
    if (units & ISA_UNIT_D)
        machine.fpu_d_mask |= bit;
    if (units & ISA_UNIT_V)
        machine.vector_mask |= bit;
}

static void use_platform_defaults(void)
{
    machine.ram_num = 1;
    machine.ram[0] = platform.ram;
    machine.hart_mask = (1UL << platform.max_harts) - 1;
    machine.timebase_hz = platform.timebase_hz;
    /* Nothing to tell: assume H (we are running) and find out about Sstc. */
    machine.has_h = true;
    machine.has_sstc = true;
    /* What the platform offers guests, every hart has. */
    for (unsigned h = 0; h < platform.max_harts && h < MAX_CPUS; h++)
        set_state_units(h, isa_state_units(platform.guest_isa));
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

/*
 * The hypervisor needs H on every hart; Sstc is used when all have it. A
 * hart whose tree gives no ISA is taken to have no FPU and no vector unit:
 * their instructions would trap in the hypervisor.
 */
static void probe_isa(const void *dtb)
{
    machine.has_h = true;
    machine.has_sstc = true;
    for (unsigned h = 0; h < MAX_CPUS; h++) {
        const char *isa;

        if (!(machine.hart_mask & (1UL << h)))
            continue;
        if (fdt_cpu_isa(dtb, h, &isa) < 0) {
            machine.has_sstc = false;
            continue;
        }
        machine.has_h &= isa_has_letter(isa, 'h');
        machine.has_sstc &= isa_has_extension(isa, "sstc");
        set_state_units(h, isa_state_units(isa));
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
    probe_isa(dtb);
}
