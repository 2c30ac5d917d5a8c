/* SPDX-License-Identifier: Apache-2.0 */
/* What the harts implement, from their riscv,isa strings and probes. */
#include <arch/csr_probe.h>
#include <arch/isa.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/hyp_limits.h>
#include <core/platform.h>
#include <lib/fdt.h>
#include <lib/string.h>

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
 * A hart's ISA as a riscv,isa string: its own, or one made of
 * riscv,isa-base and riscv,isa-extensions (device-tree binding
 * riscv/extensions.yaml, which newer trees give instead: single letters
 * after the base, the others '_'-separated). 0, or -1 if it has neither.
 */
static int hart_isa(const void *dtb, unsigned hart, char *buf, size_t size,
                    const char **isa)
{
    int node, base_len, len;
    const char *base, *ext;
    size_t n;

    if (fdt_cpu_isa(dtb, hart, isa) >= 0)
        return 0;
    node = fdt_cpu_node(dtb, hart);
    base = node >= 0 ? fdt_prop(dtb, node, "riscv,isa-base", &base_len) : NULL;
    ext = node >= 0 ? fdt_prop(dtb, node, "riscv,isa-extensions", &len) : NULL;
    if (!base || !ext || base_len < 2 || (size_t)base_len > size)
        return -1;
    n = strnlen(base, (size_t)base_len);
    memcpy(buf, base, n);
    for (int pass = 0; pass < 2; pass++) {
        for (int at = 0; at < len;
             at += (int)strnlen(ext + at, (size_t)(len - at)) + 1) {
            size_t e = strnlen(ext + at, (size_t)(len - at));
            bool letter = e == 1;

            if (letter != (pass == 0) || (letter && ext[at] == 'i'))
                continue;
            if (n + e + 2 > size) {
                log_warn("hart %u: riscv,isa-extensions is longer than the "
                         "%zu bytes read: the rest is not seen",
                         hart, size);
                break;
            }
            if (!letter)
                buf[n++] = '_';
            memcpy(buf + n, ext + at, e);
            n += e;
        }
    }
    buf[n] = '\0';
    *isa = buf;
    return 0;
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
        static char made[512];
        const char *isa = platform.guest_isa;

        if (!(machine.hart_mask & (1UL << h)))
            continue;
        if (dtb && hart_isa(dtb, h, made, sizeof(made), &isa) < 0) {
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
