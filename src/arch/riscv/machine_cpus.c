/* SPDX-License-Identifier: Apache-2.0 */
/* What the harts implement, from their riscv,isa strings and probes. */
#include <arch/csr_probe.h>
#include <arch/isa.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/hyp_limits.h>
#include <core/platform.h>
#include <lib/fdt.h>

static void set_state_units(unsigned hart, unsigned units)
{
    uint64_t bit = 1UL << hart;

    if (units & ISA_UNIT_F)
        machine.arch.fpu_f_mask |= bit;
    if (units & ISA_UNIT_D)
        machine.arch.fpu_d_mask |= bit;
    if (units & ISA_UNIT_V)
        machine.arch.vector_mask |= bit;
}

/*
 * The hypervisor needs H on every hart; Sstc is used when all have it. A
 * hart whose tree gives no ISA is taken to have no FPU and no vector unit:
 * their instructions would trap in the hypervisor. Without a tree: H (we
 * are running), Sstc to be found out, and what the platform offers guests.
 */
void arch_machine_probe_cpus(const void *dtb)
{
    machine.arch.has_h = true;
    machine.arch.has_sstc = true;
    for (unsigned h = 0; h < MAX_CPUS; h++) {
        const char *isa = platform.guest_isa;

        if (!(machine.hart_mask & (1UL << h)))
            continue;
        if (dtb && fdt_cpu_isa(dtb, h, &isa) < 0) {
            machine.arch.has_sstc = false;
            continue;
        }
        if (dtb) {
            machine.arch.has_h &= isa_has_letter(isa, 'h');
            machine.arch.has_sstc &= isa_has_extension(isa, "sstc");
        }
        set_state_units(h, isa_state_units(isa));
    }
    /* The spec version is no ISA letter: ask the boot hart's CSRs. The
     * harts of one board share it. */
    machine.arch.has_envcfg = csr_probe_henvcfg() && csr_probe_senvcfg();
    if (!machine.arch.has_envcfg)
        log_info("the harts have no henvcfg/senvcfg (privileged spec 1.11): "
                 "Sstc is not used, nor written");
}

const char *arch_machine_unsupported(void)
{
    return machine.arch.has_h ? NULL
                              : "the harts lack the hypervisor (H) extension";
}
