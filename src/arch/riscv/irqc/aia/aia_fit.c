/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Does the machine have the AIA the build expects: a supervisor APLIC where
 * the platform description puts it, in MSI mode with its IMSICs when the
 * description has them, in direct mode when it has none? What its device
 * tree says (the harts' order in particular) is kept in aia_machine for the
 * controller code.
 */
#include <aia/aia_host.h>
#include <aia/aia_irqc.h>
#include <core/arch_hooks.h>
#include <core/machine_fit.h>
#include <lib/fdt.h>
#include <lib/util.h>
#include <plic/plic.h>

struct aia_host aia_machine;

/* No device tree: believe the description, hart index = hart id. */
static void from_description(const struct platform *p)
{
    aia_machine = (struct aia_host){0};
    aia_machine.aplic.base = p->arch.aia.aplic.base;
    aia_machine.aplic.size = p->arch.aia.aplic.size;
    aia_machine.aplic.num_sources = p->arch.aia.aplic.num_sources;
    aia_machine.aplic.msi = p->arch.aia.imsic.base != 0;
    aia_machine.imsic.base = p->arch.aia.imsic.base;
    aia_machine.imsic.size = p->arch.aia.imsic.size;
    aia_machine.imsic.num_ids = p->arch.aia.imsic.num_ids;
    aia_machine.imsic.guest_index_bits = p->arch.aia.imsic.guest_index_bits;
    aia_machine.num_harts = p->max_harts;
    for (unsigned h = 0; h < p->max_harts && h < MAX_CPUS; h++)
        aia_machine.hartid[h] = h;
}

/* Why a tree without a usable supervisor APLIC does not fit. */
static int no_aplic(const void *dtb, const struct platform *p,
                    struct machine_fit_error *err)
{
    uint64_t plic = 0;
    bool found;

    if (!machine_fit_find_at(dtb, plic_compatibles,
                             ARRAY_SIZE(plic_compatibles), 0, &found, &plic) &&
        found) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine has a PLIC at 0x%lx and no APLIC; the "
                        "build expects an APLIC at 0x%lx (platform %s)",
                        (unsigned long)plic,
                        (unsigned long)p->arch.aia.aplic.base, p->name);
        return -1;
    }
    machine_fit_say(err->msg, sizeof(err->msg),
                    "this machine's device tree shows no usable supervisor "
                    "APLIC; the build expects one at 0x%lx (platform %s)",
                    (unsigned long)p->arch.aia.aplic.base, p->name);
    return -1;
}

/* The delivery mode the description expects, and the IMSICs with it. */
static int check_delivery(const struct platform *p,
                          struct machine_fit_error *err)
{
    const struct aia_host *m = &aia_machine;

    if (!p->arch.aia.imsic.base) {
        if (!m->aplic.msi)
            return 0;
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine's APLIC at 0x%lx delivers by MSIs to "
                        "IMSICs at 0x%lx; the build drives it in direct mode "
                        "(platform %s)",
                        (unsigned long)m->aplic.base,
                        (unsigned long)m->imsic.base, p->name);
        return -1;
    }
    if (!m->aplic.msi) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine's APLIC at 0x%lx delivers directly (no "
                        "IMSIC); the build needs it in MSI mode with IMSICs "
                        "(platform %s)",
                        (unsigned long)m->aplic.base, p->name);
        return -1;
    }
    if (m->imsic.base != p->arch.aia.imsic.base) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine has its supervisor IMSICs at 0x%lx; "
                        "the build expects them at 0x%lx (platform %s)",
                        (unsigned long)m->imsic.base,
                        (unsigned long)p->arch.aia.imsic.base, p->name);
        return -1;
    }
    /* Each source's MSI is the identity of its own number. */
    if (m->imsic.num_ids < m->aplic.num_sources) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine's IMSICs have %u identities, fewer "
                        "than its APLIC's %u sources",
                        m->imsic.num_ids, m->aplic.num_sources);
        return -1;
    }
    return 0;
}

/* Compare the machine's AIA with the description; keep what it says. */
int aia_machine_fit(const void *dtb, const struct platform *p,
                    struct machine_fit_error *err)
{
    const struct aia_host *m = &aia_machine;

    if (!machine_dtb_usable(dtb)) {
        from_description(p);
        return 0;
    }
    if (aia_host_probe(dtb, &aia_machine))
        return no_aplic(dtb, p, err);
    if (m->aplic.base != p->arch.aia.aplic.base) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine has its supervisor APLIC at 0x%lx; the "
                        "build expects it at 0x%lx (platform %s)",
                        (unsigned long)m->aplic.base,
                        (unsigned long)p->arch.aia.aplic.base, p->name);
        return -1;
    }
    if (check_delivery(p, err))
        return -1;
    /* Configurations were checked against the description's sources. */
    if (m->aplic.num_sources < p->arch.aia.aplic.num_sources) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "this machine's APLIC has %u sources; the build "
                        "expects %u (platform %s)",
                        m->aplic.num_sources, p->arch.aia.aplic.num_sources,
                        p->name);
        return -1;
    }
    for (unsigned h = 0; h < MAX_CPUS; h++) {
        if ((machine.hart_mask >> h & 1) && aia_hart_index(m, h) < 0) {
            machine_fit_say(err->msg, sizeof(err->msg),
                            "hart %u has no supervisor %s in this machine's "
                            "device tree",
                            h,
                            m->aplic.msi ? "interrupt file"
                                         : "APLIC interrupt delivery control");
            return -1;
        }
    }
    return 0;
}
