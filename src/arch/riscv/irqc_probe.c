/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The generic platform's interrupt controller, from the device tree
 * (arch_platform_probe): a supervisor-level APLIC, with its IMSICs in MSI
 * mode (aia_host_probe), or else a PLIC, whose supervisor contexts are read
 * from its interrupts-extended (device-tree binding sifive,plic-1.0.0.yaml:
 * one <cpu-intc irq> pair per context, 9 for a supervisor external
 * interrupt, priv. spec 3.1.9).
 */
#include <aia/aia_host.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/hyp_limits.h>
#include <core/machine_fit.h>
#include <core/platform.h>
#include <lib/fdt.h>
#include <lib/util.h>
#include <plic/plic.h>

#define IRQ_S_EXTERNAL 9

static void from_aia(const struct aia_host *h, struct arch_platform *a)
{
    a->irqc = ARCH_IRQC_AIA;
    a->aia.aplic.base = h->aplic.base;
    a->aia.aplic.size = h->aplic.size;
    a->aia.aplic.num_sources = h->aplic.num_sources;
    a->aia.imsic.base = h->aplic.msi ? h->imsic.base : 0;
    a->aia.imsic.size = h->aplic.msi ? h->imsic.size : 0;
    a->aia.imsic.num_ids = h->aplic.msi ? h->imsic.num_ids : 0;
    a->aia.imsic.guest_index_bits =
        h->aplic.msi ? h->imsic.guest_index_bits : 0;
}

/* The first enabled PLIC node (fdt_next_compatible skips disabled ones). */
static int plic_node(const void *dtb)
{
    for (size_t i = 0; i < PLIC_COMPATIBLES; i++) {
        int n = fdt_next_compatible(dtb, -1, plic_compatibles[i]);

        if (n >= 0)
            return n;
    }
    return -1;
}

/* The hart id of the CPU whose interrupt controller has `phandle`. */
static bool intc_hart(const void *dtb, uint32_t phandle, uint32_t *hart)
{
    int intc = fdt_node_by_phandle(dtb, phandle);

    return intc >= 0 && fdt_prop_u32(dtb, fdt_parent(dtb, intc), "reg", hart);
}

/*
 * Hart h's supervisor context must be h * per_hart + first, as the driver
 * addresses it: true if so for every hart the tree wires (and gives
 * per_hart, first), else false with the hart that breaks it in *bad.
 */
static bool uniform_contexts(const uint32_t *s_ctx, uint64_t harts,
                             unsigned *per_hart, unsigned *first, unsigned *bad)
{
    unsigned h0 = 64, h1 = 64;

    for (unsigned h = 0; h < MAX_CPUS; h++) {
        if (!(harts & (1UL << h)))
            continue;
        if (h0 == 64)
            h0 = h;
        else if (h1 == 64)
            h1 = h;
    }
    if (h0 == 64) {
        *bad = 0;
        return false;
    }
    if (h1 == 64) {
        /* One hart: its context, whatever its id. */
        *per_hart = 0;
        *first = s_ctx[h0];
        return true;
    }
    *per_hart = (s_ctx[h1] - s_ctx[h0]) / (h1 - h0);
    if (s_ctx[h0] < h0 * *per_hart) {
        *bad = h0;
        return false;
    }
    *first = s_ctx[h0] - h0 * *per_hart;
    for (unsigned h = 0; h < MAX_CPUS; h++) {
        if ((harts & (1UL << h)) && s_ctx[h] != h * *per_hart + *first) {
            *bad = h;
            return false;
        }
    }
    *bad = h0;
    return *first < *per_hart;
}

static int from_plic(const void *dtb, int node, struct arch_platform *a,
                     struct machine_fit_error *err)
{
    uint32_t s_ctx[MAX_CPUS] = {0}, ndev;
    uint64_t harts = 0;
    unsigned per_hart = 0, first = 0, bad = 0;
    int len;
    const uint8_t *ie = fdt_prop(dtb, node, "interrupts-extended", &len);

    if (!fdt_reg(dtb, node, 0, &a->plic.base, &a->plic.size) ||
        !fdt_prop_u32(dtb, node, "riscv,ndev", &ndev) || !ie || len < 8) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "platform generic: the PLIC node lacks reg, "
                        "riscv,ndev or interrupts-extended");
        return -1;
    }
    for (int c = 0; c < len / 8; c++) {
        uint32_t hart;

        if (fdt_be32(ie + 8 * c + 4) != IRQ_S_EXTERNAL ||
            !intc_hart(dtb, fdt_be32(ie + 8 * c), &hart) || hart >= MAX_CPUS)
            continue;
        s_ctx[hart] = (uint32_t)c;
        harts |= 1UL << hart;
    }
    if (!uniform_contexts(s_ctx, harts, &per_hart, &first, &bad)) {
        machine_fit_say(err->msg, sizeof(err->msg),
                        "platform generic: the PLIC's supervisor contexts "
                        "are not hart id * n + k (hart %u): this board needs "
                        "a description of its own (docs/porting.md)",
                        bad);
        return -1;
    }
    a->irqc = ARCH_IRQC_PLIC;
    a->plic.num_sources = ndev + 1;
    a->plic.contexts_per_hart = per_hart;
    a->plic.s_context = first;
    return 0;
}

int arch_platform_probe(const void *dtb, struct platform *p,
                        struct machine_fit_error *err)
{
    static struct aia_host aia; /* large: not on the boot stack */
    int plic;

    if (aia_host_probe(dtb, &aia) == 0) {
        from_aia(&aia, &p->arch);
        return 0;
    }
    plic = plic_node(dtb);
    if (plic >= 0)
        return from_plic(dtb, plic, &p->arch, err);
    machine_fit_say(err->msg, sizeof(err->msg),
                    "platform generic: the device tree shows neither a PLIC "
                    "nor a supervisor-level APLIC");
    return -1;
}

void arch_platform_report(void)
{
    const struct arch_platform *a = &platform.arch;

    if (a->irqc == ARCH_IRQC_PLIC)
        log_info("generic: PLIC at 0x%lx, ids 1-%u, hart h's supervisor "
                 "context %u * h + %u",
                 a->plic.base, a->plic.num_sources - 1,
                 a->plic.contexts_per_hart, a->plic.s_context);
    else if (a->aia.imsic.base)
        log_info("generic: APLIC at 0x%lx (sources 1-%u) in MSI mode, "
                 "IMSICs at 0x%lx (%u ids, %u guest index bits)",
                 a->aia.aplic.base, a->aia.aplic.num_sources, a->aia.imsic.base,
                 a->aia.imsic.num_ids, a->aia.imsic.guest_index_bits);
    else
        log_info("generic: APLIC at 0x%lx (sources 1-%u), direct delivery",
                 a->aia.aplic.base, a->aia.aplic.num_sources);
}
