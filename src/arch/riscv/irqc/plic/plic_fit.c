/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Does the machine have the PLIC the build expects? If it has an APLIC
 * instead, say so, so that the user picks the right platform.
 */
#include <core/arch_hooks.h>
#include <core/machine_fit.h>
#include <lib/fdt.h>
#include <lib/util.h>
#include <plic/plic.h>

/* Device-tree bindings: riscv/sifive,plic0.yaml, riscv,aplic.yaml and
 * riscv,imsics.yaml of the Linux DT binding docs. */
const char *const plic_compatibles[PLIC_COMPATIBLES] = {"riscv,plic0",
                                                        "sifive,plic-1.0.0"};
#define APLIC_COMPATIBLE "riscv,aplic"

/*
 * The APLIC domain supervisor software uses: the one no other domain is
 * delegated to from it (no "riscv,children"), as the M-level root domain
 * delegates to it (AIA spec 4.2). -1 when there is no APLIC.
 */
static int supervisor_aplic(const void *dtb)
{
    int first = -1;

    for (int node = fdt_next_compatible(dtb, -1, APLIC_COMPATIBLE); node >= 0;
         node = fdt_next_compatible(dtb, node, APLIC_COMPATIBLE)) {
        if (!fdt_prop(dtb, node, "riscv,children", NULL))
            return node;
        if (first < 0)
            first = node;
    }
    return first;
}

/* ", with IMSICs at 0x..." for an APLIC in MSI mode, else "". */
static void describe_msi(const void *dtb, int aplic, char *buf, size_t size)
{
    uint32_t phandle;
    uint64_t base;
    int imsic;

    buf[0] = '\0';
    if (!fdt_prop_u32(dtb, aplic, "msi-parent", &phandle))
        return;
    imsic = fdt_node_by_phandle(dtb, phandle);
    if (imsic >= 0 && machine_fit_node_base(dtb, imsic, &base))
        machine_fit_say(buf, size, " (MSI mode, IMSICs at 0x%lx)",
                        (unsigned long)base);
    else
        machine_fit_say(buf, size, " (MSI mode)");
}

int plic_machine_fit(const void *dtb, const struct platform *p,
                     struct machine_fit_error *err)
{
    uint64_t want = p->arch.plic.base, other = 0, aplic_base;
    bool found;
    int aplic;

    if (!machine_dtb_usable(dtb) ||
        machine_fit_find_at(dtb, plic_compatibles, ARRAY_SIZE(plic_compatibles),
                            want, &found, &other))
        return 0;
    if (found) {
        machine_fit_say(
            err->msg, sizeof(err->msg),
            "this machine has a PLIC at 0x%lx; the build expects a PLIC "
            "at 0x%lx (platform %s)",
            (unsigned long)other, (unsigned long)want, p->name);
        return -1;
    }
    aplic = supervisor_aplic(dtb);
    if (aplic >= 0 && machine_fit_node_base(dtb, aplic, &aplic_base)) {
        char msi[48];

        describe_msi(dtb, aplic, msi, sizeof(msi));
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine has an APLIC at 0x%lx%s and no PLIC; the "
                        "build expects a PLIC at 0x%lx (platform %s)",
                        (unsigned long)aplic_base, msi, (unsigned long)want,
                        p->name);
        return -1;
    }
    machine_fit_say(
        err->msg, sizeof(err->msg),
        "this machine's device tree shows no PLIC and no APLIC; the "
        "build expects a PLIC at 0x%lx (platform %s)",
        (unsigned long)want, p->name);
    return -1;
}
