/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The host's supervisor-level AIA from its device tree (see aia_host.h).
 */
#include <aia/aia_host.h>
#include <lib/fdt.h>

#define APLIC_COMPATIBLE "riscv,aplic"
#define IMSIC_COMPATIBLE "riscv,imsics"
/* The hart's supervisor external interrupt (privileged spec, mip.SEIP). */
#define IRQ_S_EXTERNAL 9
/* AIA 3.6: one 4 KiB page per interrupt file. */
#define IMSIC_FILE_SHIFT 12

/*
 * The supervisor domain: the enabled APLIC no domain is delegated to from
 * (no riscv,children; the M-level root delegates to it, AIA 4.2).
 */
static int supervisor_aplic(const void *dtb)
{
    for (int node = fdt_next_compatible(dtb, -1, APLIC_COMPATIBLE); node >= 0;
         node = fdt_next_compatible(dtb, node, APLIC_COMPATIBLE)) {
        if (fdt_node_is_okay(dtb, node) &&
            !fdt_prop(dtb, node, "riscv,children", NULL))
            return node;
    }
    return -1;
}

/*
 * The harts of `node`'s interrupts-extended, in order: each entry is a
 * hart's interrupt controller (one cell) and the supervisor external
 * interrupt. 0, or -1 for anything else.
 */
static int read_harts(const void *dtb, int node, struct aia_host *out)
{
    int len, n;
    const uint8_t *cells = fdt_prop(dtb, node, "interrupts-extended", &len);

    if (!cells || len <= 0 || len % 8)
        return -1;
    n = len / 8;
    if (n > MAX_CPUS)
        return -1;
    for (int i = 0; i < n; i++) {
        int intc = fdt_node_by_phandle(dtb, fdt_be32(cells + 8 * i));
        int cpu = intc >= 0 ? fdt_parent(dtb, intc) : -1;
        uint32_t hartid;

        if (fdt_be32(cells + 8 * i + 4) != IRQ_S_EXTERNAL || cpu < 0 ||
            !fdt_node_is_compatible(dtb, intc, "riscv,cpu-intc") ||
            !fdt_prop_u32(dtb, cpu, "reg", &hartid))
            return -1;
        out->hartid[i] = hartid;
    }
    out->num_harts = (unsigned)n;
    return 0;
}

static int read_imsic(const void *dtb, uint32_t phandle, struct aia_host *out)
{
    int imsic = fdt_node_by_phandle(dtb, phandle);
    uint32_t num_ids, bits = 0;
    uint64_t files;

    if (imsic < 0 || !fdt_node_is_okay(dtb, imsic) ||
        !fdt_node_is_compatible(dtb, imsic, IMSIC_COMPATIBLE) ||
        fdt_reg_count(dtb, imsic) != 1 ||
        !fdt_reg(dtb, imsic, 0, &out->imsic.base, &out->imsic.size) ||
        !fdt_prop_u32(dtb, imsic, "riscv,num-ids", &num_ids) ||
        read_harts(dtb, imsic, out))
        return -1;
    /* Optional: without it, each hart has its supervisor file only. */
    fdt_prop_u32(dtb, imsic, "riscv,guest-index-bits", &bits);
    if (bits > 6) /* AIA 4.5.16: a Guest Index has 6 bits */
        return -1;
    out->imsic.num_ids = num_ids;
    out->imsic.guest_index_bits = bits;
    files = (uint64_t)out->num_harts << bits;
    /* Every hart's files must lie in the window it describes. */
    return files << IMSIC_FILE_SHIFT <= out->imsic.size ? 0 : -1;
}

int aia_host_probe(const void *dtb, struct aia_host *out)
{
    int aplic = supervisor_aplic(dtb);
    uint32_t sources, msi_parent;

    *out = (struct aia_host){0};
    if (aplic < 0 ||
        !fdt_reg(dtb, aplic, 0, &out->aplic.base, &out->aplic.size) ||
        !fdt_prop_u32(dtb, aplic, "riscv,num-sources", &sources))
        return -1;
    out->aplic.num_sources = sources;
    if (fdt_prop_u32(dtb, aplic, "msi-parent", &msi_parent)) {
        out->aplic.msi = true;
        return read_imsic(dtb, msi_parent, out);
    }
    /* Direct mode: the APLIC's own IDCs, one per hart it names. */
    return read_harts(dtb, aplic, out);
}

int aia_hart_index(const struct aia_host *h, uint32_t hartid)
{
    for (unsigned i = 0; i < h->num_harts; i++) {
        if (h->hartid[i] == hartid)
            return (int)i;
    }
    return -1;
}

uint64_t aia_imsic_file(const struct aia_host *h, unsigned index, unsigned file)
{
    unsigned bits = h->imsic.guest_index_bits;

    if (!h->aplic.msi || index >= h->num_harts || file >= 1u << bits)
        return 0;
    return h->imsic.base +
           ((((uint64_t)index << bits) + file) << IMSIC_FILE_SHIFT);
}
