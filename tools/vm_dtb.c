/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Build-time generator of the device trees of VMs. Linked with the
 * configuration compiled for the host and the platform description, it
 * writes, for every VM without a user-supplied `dtb`, the source of the tree
 * that VM boots with, in two variants: vCPUs with Sstc (vm<i>.dts) and
 * without (vm<i>-nosstc.dts); the hypervisor picks one at boot after probing
 * the harts. It also writes vm_dtbs.S, which embeds the compiled blobs and
 * indexes them:
 *
 *   vm_dtb_table: per VM, { sstc blob, its size, nosstc blob, its size }
 *                 (all 0 for a VM that brings its own dtb)
 *   vm_dtb_count: config.vmlist_size
 *
 *   vm_dtb OUTDIR [NAME]
 *
 * The configuration is first checked with the checks the hypervisor makes
 * (without knowing where the hypervisor image lies: tools/config_check.c
 * adds that once bao.elf is linked), so an invalid one fails here with the
 * same message, named NAME, and never reaches dtc as a broken tree.
 *
 * This file is the tree policy: what nodes a VM gets, following the
 * Devicetree Specification and the Linux bindings for RISC-V cpus, the
 * SiFive PLIC and the APLIC, memory and chosen. dts_emit.c writes them; the
 * vCPUs' ISA string is put in canonical form by src/core/isa.c.
 */
#include "dts_emit.h"

#include <arch/isa.h>
#include <arch/vm_irqc.h>
#include <core/config.h>
#include <core/config_check.h>
#include <core/config_query.h>
#include <core/ipc_layout.h>
#include <core/platform.h>
#include <core/vm_layout.h>
#include <errno.h>
#include <inttypes.h>
#include <lib/util.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IRQ_S_EXT 9  /* scause code of a supervisor external interrupt */
#define IRQ_M_EXT 11 /* and of a machine external interrupt */
/* Trigger types in an APLIC's two-cell interrupt specifiers (device-tree
 * binding riscv,aplic.yaml; dt-bindings/interrupt-controller/irq.h). */
#define DT_IRQ_EDGE_RISING 1
#define DT_IRQ_LEVEL_HIGH 4
/* PCI bus binding (IEEE 1275 PCI bus binding 2.2.1.1; the kernel's
 * Documentation/devicetree/bindings/pci): the first cell of a PCI address
 * says its space, 32-bit memory here; an interrupt-map entry's unit
 * address keeps the device (slot) number in bits 15:11. The ECAM gives
 * each bus 1 MiB (PCIe 7.2.2). */
#define PCI_SPACE_MEM32 0x02000000
#define PCI_SLOT_SHIFT 11
#define PCI_SLOT_MASK (0x3 << PCI_SLOT_SHIFT) /* INTx repeats every 4 */
#define PCI_INTX_PINS 4
#define PCI_ECAM_BUS_SIZE (1UL << 20)

/* The VM's interrupt controller, whose node its devices' interrupts name. */
enum vm_irqc {
    VM_IRQC_NONE,
    VM_IRQC_PLIC,  /* one cell: the source */
    VM_IRQC_APLIC, /* two cells: the source and its trigger type */
};

static const char *prog = "vm_dtb";

/* An output file; errors are remembered and reported at close. */
struct out {
    FILE *f;
    char path[4096];
};

static void die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void out_open(struct out *o, const char *dir, const char *name,
                     const char *who)
{
    int n = snprintf(o->path, sizeof(o->path), "%s/%s", dir, name);

    if (n < 0 || (size_t)n >= sizeof(o->path))
        die("%s: output path too long: %s/%s", who, dir, name);
    o->f = fopen(o->path, "w");
    if (!o->f)
        die("%s: cannot write %s: %s", who, o->path, strerror(errno));
}

static void out_close(struct out *o, const char *who)
{
    bool bad = ferror(o->f) != 0;

    if (fclose(o->f) != 0 || bad)
        die("%s: cannot write %s: %s", who, o->path,
            errno ? strerror(errno) : "I/O error");
}

/* ------------------------------------------------------------------------ */
/* The ISA a vCPU offers */

/*
 * The platform's guest_isa in canonical form, "sstc" present exactly when
 * `sstc`; never "h": a guest does not see the hypervisor extension.
 */
static void guest_isa(bool sstc, bool ssaia, struct isa_parts *isa)
{
    const char *s = platform.guest_isa;
    char bad = 0;

    switch (isa_parse(s, isa, &bad)) {
    case ISA_PARSE_OK:
        break;
    case ISA_PARSE_TOO_LONG:
        die("platform guest_isa is too long");
    case ISA_PARSE_NO_BASE:
        die("platform guest_isa '%s' does not start with rv32 or rv64", s);
    case ISA_PARSE_BAD_LETTER:
        die("platform guest_isa '%s': unexpected '%c'", s, bad);
    case ISA_PARSE_TOO_MANY:
        die("platform guest_isa: extension list too long");
    case ISA_PARSE_NO_INTEGER:
        die("platform guest_isa '%s' has no base integer ISA", s);
    }
    isa_remove_letter(isa, 'h');
    isa_remove_extension(isa, "sstc");
    isa_remove_extension(isa, "smaia");
    isa_remove_extension(isa, "ssaia");
    if ((sstc && isa_add_extension(isa, "sstc")) ||
        (ssaia && isa_add_extension(isa, "ssaia")))
        die("platform guest_isa: extension list too long");
}

static void put_isa(struct dts *d, const struct isa_parts *isa)
{
    /* Room for what "g" and "sstc" add to a string of ISA_STRING_MAX. */
    char text[ISA_STRING_MAX + 32], letter[2] = "";

    if (!isa_format(isa, text, sizeof(text)))
        die("platform guest_isa is too long");
    dts_prop_string(d, "riscv,isa", text);
    snprintf(text, sizeof(text), "rv%ui", isa->xlen);
    dts_prop_string(d, "riscv,isa-base", text);
    dts_prop_begin(d, "riscv,isa-extensions");
    for (const char *c = isa->letters; *c; c++) {
        letter[0] = *c;
        dts_string(d, letter);
    }
    for (size_t i = 0; i < isa->num_ext; i++)
        dts_string(d, isa->ext[i]);
    dts_prop_end(d);
}

/* ------------------------------------------------------------------------ */
/* One VM's tree */

static bool has_irq(const struct vm_dev_region *d, uint64_t irq)
{
    if (!d->interrupts)
        return false;
    for (size_t i = 0; i < d->interrupt_num; i++)
        if (d->interrupts[i] == irq)
            return true;
    return false;
}

static bool dev_in_region(const struct platform_device *pd,
                          const struct vm_dev_region *d)
{
    return pd->size && d->size && pd->base >= d->pa &&
           pd->base + pd->size >= pd->base &&
           pd->base + pd->size <= d->pa + d->size;
}

/* The interrupt of platform device `pd`, if the VM has it. */
static bool dev_irq_given(const struct platform_device *pd,
                          const struct vm_dev_region *d)
{
    return pd->irq != 0 && has_irq(d, pd->irq);
}

/* One of the INTx lines of PCIe host `pd`. */
static bool is_intx(const struct platform_device *pd, uint64_t irq)
{
    return pd->pci && irq >= pd->pci->intx_irq &&
           irq < pd->pci->intx_irq + PCI_INTX_PINS;
}

/* Region `d` lies in the memory window of a PCIe host of the platform:
 * that host's node shows it, in its ranges. */
static bool in_pci_window(const struct vm_dev_region *d)
{
    for (unsigned k = 0; k < platform.num_devices; k++) {
        const struct platform_pci *pci = platform.devices[k].pci;

        if (pci && d->size && d->pa >= pci->mem_base &&
            d->pa + d->size <= pci->mem_base + pci->mem_size)
            return true;
    }
    return false;
}

/* Interrupt `irq` of region `d` is shown by a device node of that region. */
static bool irq_shown(const struct vm_dev_region *d, uint64_t irq)
{
    bool matched = false;

    for (unsigned k = 0; k < platform.num_devices; k++) {
        const struct platform_device *pd = &platform.devices[k];

        if (!dev_in_region(pd, d))
            continue;
        matched = true;
        if (pd->irq == irq || is_intx(pd, irq))
            return true;
    }
    /* A region matching no device has a node of its own with them all. */
    return !matched && d->size != 0;
}

/* The board's kind of controller, or on the generic platform (whose board
 * the boot learns) the one the VM's configuration names. */
static bool board_is_aia(const struct vm_platform *p)
{
    if (platform.generic)
        return p->arch.irqc.aia.aplic.base != 0;
    return platform.arch.irqc == ARCH_IRQC_AIA;
}

static enum vm_irqc vm_irqc(const struct vm_platform *p)
{
    if (board_is_aia(p))
        return p->arch.irqc.aia.aplic.base ? VM_IRQC_APLIC : VM_IRQC_NONE;
    return p->arch.irqc.plic.base ? VM_IRQC_PLIC : VM_IRQC_NONE;
}

/* `type`: how the device signals (DT_IRQ_*), for a controller that asks. */
static void put_irqs(struct dts *d, enum vm_irqc ic, const uint64_t *irqs,
                     size_t n, unsigned type)
{
    dts_prop_begin(d, "interrupt-parent");
    dts_cells_begin(d);
    dts_cell_ref(d, ic == VM_IRQC_APLIC ? "aplic" : "plic");
    dts_cells_end(d);
    dts_prop_end(d);
    dts_prop_begin(d, "interrupts");
    dts_cells_begin(d);
    for (size_t i = 0; i < n; i++) {
        dts_cell(d, irqs[i]);
        if (ic == VM_IRQC_APLIC)
            dts_cell(d, type);
    }
    dts_cells_end(d);
    dts_prop_end(d);
}

/* An MSI-mode VM: its vCPUs have interrupt files (guest files). */
static bool has_imsic(const struct vm_platform *p)
{
    return board_is_aia(p) && p->arch.irqc.aia.imsic.base;
}

static void put_cpus(struct dts *d, const struct vm_config *cfg, bool sstc)
{
    struct isa_parts isa;

    /* Ssaia (stopei, stopi) only with a guest file behind it: without one
     * QEMU's vstopi misreports the external interrupt (QEMU 7.2 and 10). */
    guest_isa(sstc, has_imsic(&cfg->platform), &isa);
    dts_node_begin(d, NULL, "cpus");
    dts_prop_u32(d, "#address-cells", 1);
    dts_prop_u32(d, "#size-cells", 0);
    dts_prop_u32(d, "timebase-frequency", platform.timebase_hz);
    for (size_t n = 0; n < cfg->platform.cpu_num; n++) {
        char intc[32];

        dts_node_begin(d, NULL, "cpu@%zx", n);
        dts_prop_string(d, "device_type", "cpu");
        dts_prop_u32(d, "reg", (uint32_t)n);
        dts_prop_string(d, "compatible", "riscv");
        dts_prop_string(d, "status", "okay");
        put_isa(d, &isa);
        dts_prop_string(d, "mmu-type", platform.guest_mmu_type);
        snprintf(intc, sizeof(intc), "cpu%zu_intc", n);
        dts_node_begin(d, intc, "interrupt-controller");
        /* No interrupt-map refers to it: 0 address cells (and dtc 1.6
         * wants them said for every interrupt provider). */
        dts_prop_u32(d, "#address-cells", 0);
        dts_prop_u32(d, "#interrupt-cells", 1);
        dts_prop_empty(d, "interrupt-controller");
        dts_prop_string(d, "compatible", "riscv,cpu-intc");
        dts_node_end(d);
        dts_node_end(d);
    }
    dts_node_end(d);
}

/* A controller's interrupts-extended: per vCPU, its machine external
 * interrupt (`with_m`) and its supervisor one, in vCPU order. */
static void put_vcpu_intcs(struct dts *d, const struct vm_config *cfg,
                           bool with_m)
{
    dts_prop_begin(d, "interrupts-extended");
    dts_cells_begin(d);
    for (size_t n = 0; n < cfg->platform.cpu_num; n++) {
        char intc[32];

        snprintf(intc, sizeof(intc), "cpu%zu_intc", n);
        if (with_m) {
            dts_cell_ref(d, intc);
            dts_cell(d, IRQ_M_EXT);
        }
        dts_cell_ref(d, intc);
        dts_cell(d, IRQ_S_EXT);
    }
    dts_cells_end(d);
    dts_prop_end(d);
}

static void put_plic(struct dts *d, const struct vm_config *cfg, uint64_t base)
{
    unsigned sources = vm_plic_sources(&platform.arch);

    dts_node_begin(d, "plic", "interrupt-controller@%" PRIx64, base);
    dts_prop_begin(d, "compatible");
    dts_string(d, "sifive,plic-1.0.0");
    dts_string(d, "riscv,plic0");
    dts_prop_end(d);
    dts_prop_reg2(d, base, vm_plic_size(&platform.arch));
    dts_prop_u32(d, "#address-cells", 0);
    dts_prop_u32(d, "#interrupt-cells", 1);
    dts_prop_empty(d, "interrupt-controller");
    dts_prop_u32(d, "riscv,ndev", sources ? sources - 1 : 0);
    /* Contexts 2n and 2n + 1: vCPU n's M-mode and S-mode. */
    put_vcpu_intcs(d, cfg, true);
    dts_node_end(d);
}

/*
 * An MSI-mode VM's interrupt files (riscv,imsics.yaml): vCPU n's at base +
 * n pages, delivering its supervisor external interrupt. No hart or guest
 * index bits: the defaults (ceil(log2(vCPUs)), 0) describe that layout.
 */
static void put_imsics(struct dts *d, const struct vm_config *cfg,
                       uint64_t base)
{
    dts_node_begin(d, "imsics", "interrupt-controller@%" PRIx64, base);
    dts_prop_string(d, "compatible", "riscv,imsics");
    dts_prop_reg2(d, base, (uint64_t)cfg->platform.cpu_num * 0x1000);
    dts_prop_u32(d, "#address-cells", 0);
    dts_prop_u32(d, "#interrupt-cells", 0);
    dts_prop_empty(d, "interrupt-controller");
    dts_prop_empty(d, "msi-controller");
    dts_prop_u32(d, "#msi-cells", 0);
    dts_prop_u32(d, "riscv,num-ids", vm_imsic_ids(&platform.arch));
    put_vcpu_intcs(d, cfg, false);
    dts_node_end(d);
}

/*
 * The VM's APLIC domain (riscv,aplic.yaml). In MSI mode its msi-parent is
 * the vCPUs' interrupt files; in direct mode it has one IDC per vCPU, in
 * the order of interrupts-extended, each driving that vCPU's supervisor
 * external interrupt.
 */
static void put_aplic(struct dts *d, const struct vm_config *cfg, uint64_t base)
{
    dts_node_begin(d, "aplic", "interrupt-controller@%" PRIx64, base);
    dts_prop_string(d, "compatible", "riscv,aplic");
    dts_prop_reg2(d, base, vm_aplic_size(&platform.arch));
    dts_prop_u32(d, "#address-cells", 0);
    dts_prop_u32(d, "#interrupt-cells", 2);
    dts_prop_empty(d, "interrupt-controller");
    dts_prop_u32(d, "riscv,num-sources", vm_aplic_sources(&platform.arch));
    if (has_imsic(&cfg->platform)) {
        dts_prop_begin(d, "msi-parent");
        dts_cells_begin(d);
        dts_cell_ref(d, "imsics");
        dts_cells_end(d);
        dts_prop_end(d);
    } else {
        put_vcpu_intcs(d, cfg, false);
    }
    dts_node_end(d);
}

/*
 * A PCIe host bridge (PCI bus binding, "pci-host-ecam-generic"): its ECAM
 * in reg, the parts of its memory window the VM has in ranges (PCI
 * address = host-physical, CPU address = guest-physical), and, when the
 * VM has all four INTx lines, the interrupt map that swizzles them by
 * slot. No iommu-map: the IOMMU is the hypervisor's, DMA addresses are
 * guest-physical.
 */
static void put_pci_ranges(struct dts *d, const struct vm_platform *p)
{
    dts_prop_begin(d, "ranges");
    dts_cells_begin(d);
    for (size_t j = 0; p->devs && j < p->dev_num; j++) {
        const struct vm_dev_region *r = &p->devs[j];

        if (!in_pci_window(r))
            continue;
        dts_cell_hex(d, PCI_SPACE_MEM32);
        dts_cell_u64(d, r->pa);
        dts_cell_u64(d, r->va);
        dts_cell_u64(d, r->size);
    }
    dts_cells_end(d);
    dts_prop_end(d);
}

static void put_pci_intx(struct dts *d, const struct platform_pci *pci,
                         enum vm_irqc ic)
{
    dts_prop_begin(d, "interrupt-map-mask");
    dts_cells_begin(d);
    dts_cell_hex(d, PCI_SLOT_MASK);
    dts_cell(d, 0);
    dts_cell(d, 0);
    dts_cell(d, PCI_INTX_PINS * 2 - 1);
    dts_cells_end(d);
    dts_prop_end(d);
    dts_prop_begin(d, "interrupt-map");
    dts_cells_begin(d);
    for (unsigned slot = 0; slot < PCI_INTX_PINS; slot++) {
        for (unsigned pin = 0; pin < PCI_INTX_PINS; pin++) {
            dts_cell_hex(d, (uint64_t)slot << PCI_SLOT_SHIFT);
            dts_cell(d, 0);
            dts_cell(d, 0);
            dts_cell(d, pin + 1); /* INTA is 1 */
            dts_cell_ref(d, ic == VM_IRQC_APLIC ? "aplic" : "plic");
            dts_cell(d, pci->intx_irq + (slot + pin) % PCI_INTX_PINS);
            if (ic == VM_IRQC_APLIC)
                dts_cell(d, DT_IRQ_LEVEL_HIGH);
        }
    }
    dts_cells_end(d);
    dts_prop_end(d);
}

static bool has_all_intx(const struct platform_pci *pci,
                         const struct vm_dev_region *r)
{
    for (unsigned i = 0; i < PCI_INTX_PINS; i++) {
        if (!has_irq(r, pci->intx_irq + i))
            return false;
    }
    return true;
}

static void put_pci_host(struct dts *d, const struct platform_device *pd,
                         const struct vm_dev_region *r,
                         const struct vm_platform *p, enum vm_irqc ic)
{
    uint64_t gpa = r->va + (pd->base - r->pa);

    dts_node_begin(d, NULL, "%s@%" PRIx64, pd->name, gpa);
    dts_prop_string(d, "compatible", pd->compatible);
    dts_prop_string(d, "device_type", "pci");
    dts_prop_reg2(d, gpa, pd->size);
    dts_prop_u32(d, "#address-cells", 3);
    dts_prop_u32(d, "#size-cells", 2);
    dts_prop_u32(d, "#interrupt-cells", 1);
    dts_prop_begin(d, "bus-range");
    dts_cells_begin(d);
    dts_cell(d, 0);
    dts_cell(d, pd->size / PCI_ECAM_BUS_SIZE - 1);
    dts_cells_end(d);
    dts_prop_end(d);
    dts_prop_u32(d, "linux,pci-domain", 0);
    dts_prop_empty(d, "dma-coherent");
    put_pci_ranges(d, p);
    if (ic && has_all_intx(pd->pci, r))
        put_pci_intx(d, pd->pci, ic);
    dts_node_end(d);
}

static void put_device(struct dts *d, const struct platform_device *pd,
                       const struct vm_dev_region *r, enum vm_irqc ic)
{
    uint64_t gpa = r->va + (pd->base - r->pa);

    dts_node_begin(d, NULL, "%s@%" PRIx64, pd->name, gpa);
    dts_prop_string(d, "compatible", pd->compatible);
    dts_prop_reg2(d, gpa, pd->size);
    if (pd->props)
        dts_prop_text(d, pd->props);
    if (ic && dev_irq_given(pd, r)) {
        uint64_t irq = pd->irq;

        put_irqs(d, ic, &irq, 1, DT_IRQ_LEVEL_HIGH);
    }
    dts_node_end(d);
}

/* A region of the config that is not a device the platform knows. */
static void put_passthrough(struct dts *d, const struct vm_dev_region *r,
                            enum vm_irqc ic)
{
    dts_node_begin(d, NULL, "passthrough@%" PRIx64, r->va);
    dts_prop_string(d, "compatible", "baobab,passthrough");
    dts_prop_reg2(d, r->va, r->size);
    if (ic && r->interrupts && r->interrupt_num)
        put_irqs(d, ic, r->interrupts, r->interrupt_num, DT_IRQ_LEVEL_HIGH);
    dts_node_end(d);
}

/*
 * An inter-VM shared-memory window, in Bao's binding: "bao,ipcshmem" with
 * reg, the channels (offset, size) when two VMs share it, the interrupts
 * the peers' notifications raise and `id`, the index the IPC notify
 * hypercall takes.
 */
static void put_channel(struct dts *d, const char *name, uint64_t offset,
                        uint64_t size)
{
    dts_prop_begin(d, name);
    dts_cells_begin(d);
    dts_cell_hex(d, offset);
    dts_cell_hex(d, size);
    dts_cells_end(d);
    dts_prop_end(d);
}

static void put_ipc(struct dts *d, size_t vm, size_t i, enum vm_irqc ic)
{
    const struct ipc *c = &config.vmlist[vm].platform.ipcs[i];
    struct ipc_channels ch;

    dts_node_begin(d, NULL, "bao-ipc@%" PRIx64, c->base);
    dts_prop_string(d, "compatible", "bao,ipcshmem");
    dts_prop_reg2(d, c->base, c->size);
    if (ipc_channels(&config, vm, i, &ch)) {
        put_channel(d, "read-channel", ch.read_offset, ch.size);
        put_channel(d, "write-channel", ch.write_offset, ch.size);
    }
    /* A notification is an event: an edge. */
    if (ic && c->interrupts && c->interrupt_num)
        put_irqs(d, ic, c->interrupts, c->interrupt_num, DT_IRQ_EDGE_RISING);
    dts_prop_u32(d, "id", (uint32_t)i);
    dts_node_end(d);
}

/* The platform's console UART, which VMs not owning it get emulated. */
static const struct platform_device *console_device(void)
{
    for (unsigned k = 0; k < platform.num_devices; k++) {
        if (platform.devices[k].base == platform.console_uart.base)
            return &platform.devices[k];
    }
    return NULL;
}

/* The UART the VM gets emulated: unless it is the only VM listing it. */
static const struct platform_device *emulated_uart(size_t vm)
{
    if (vm_owns_console_uart(&config, vm, platform.console_uart.base,
                             platform.console_uart.size))
        return NULL;
    return console_device();
}

/* A devs[] entry that is the console UART several VMs list: not shown,
 * the emulated UART's node stands for it. */
static bool is_emulated_entry(size_t vm, size_t j)
{
    return vm_dev_is_emulated_uart(&config, vm, j, platform.console_uart.base,
                                   platform.console_uart.size);
}

static bool soc_empty(size_t vm, const struct vm_platform *p)
{
    if (vm_irqc(p) || (p->ipcs && p->ipc_num) || emulated_uart(vm))
        return false;
    for (size_t j = 0; p->devs && j < p->dev_num; j++)
        if (p->devs[j].size)
            return false;
    return true;
}

static void put_soc(struct dts *d, size_t vm, const struct vm_config *cfg)
{
    const struct vm_platform *p = &cfg->platform;
    enum vm_irqc ic = vm_irqc(p);
    const struct platform_device *uart = emulated_uart(vm);

    if (soc_empty(vm, p))
        return;
    dts_node_begin(d, NULL, "soc");
    dts_prop_string(d, "compatible", "simple-bus");
    dts_prop_empty(d, "ranges");
    dts_prop_u32(d, "#address-cells", 2);
    dts_prop_u32(d, "#size-cells", 2);
    if (ic == VM_IRQC_PLIC)
        put_plic(d, cfg, p->arch.irqc.plic.base);
    else if (ic == VM_IRQC_APLIC)
        put_aplic(d, cfg, p->arch.irqc.aia.aplic.base);
    if (ic == VM_IRQC_APLIC && has_imsic(p))
        put_imsics(d, cfg, p->arch.irqc.aia.imsic.base);
    for (size_t j = 0; p->devs && j < p->dev_num; j++) {
        const struct vm_dev_region *r = &p->devs[j];
        bool matched = false;

        if (!r->size || is_emulated_entry(vm, j) || in_pci_window(r))
            continue;
        for (unsigned k = 0; k < platform.num_devices; k++) {
            const struct platform_device *pd = &platform.devices[k];

            if (!dev_in_region(pd, r))
                continue;
            if (pd->pci)
                put_pci_host(d, pd, r, p, ic);
            else
                put_device(d, pd, r, ic);
            matched = true;
        }
        if (!matched)
            put_passthrough(d, r, ic);
    }
    if (uart) {
        /* Emulated in place: same address and interrupt as the real one. */
        const struct vm_dev_region identity = {
            .pa = uart->base,
            .va = uart->base,
            .size = uart->size,
            .interrupt_num = 1,
            .interrupts = (irqid_t[]){uart->irq},
        };

        put_device(d, uart, &identity, ic);
    }
    for (size_t j = 0; p->ipcs && j < p->ipc_num; j++)
        put_ipc(d, vm, j, ic);
    dts_node_end(d);
}

/* Interrupts given to the VM that no node above shows (for example those
 * of a region without memory): listed here so that nothing is hidden. */
static void put_other_irqs(struct dts *d, const struct vm_platform *p)
{
    uint64_t irqs[256];
    size_t n = 0;

    if (!vm_irqc(p))
        return;
    for (size_t j = 0; p->devs && j < p->dev_num; j++) {
        const struct vm_dev_region *r = &p->devs[j];

        for (size_t i = 0; r->interrupts && i < r->interrupt_num; i++) {
            if (irq_shown(r, r->interrupts[i]))
                continue;
            if (n == ARRAY_SIZE(irqs))
                die("too many interrupts");
            irqs[n++] = r->interrupts[i];
        }
    }
    if (!n)
        return;
    dts_node_begin(d, NULL, "passthrough-interrupts");
    dts_prop_string(d, "compatible", "baobab,passthrough");
    put_irqs(d, vm_irqc(p), irqs, n, DT_IRQ_LEVEL_HIGH);
    dts_node_end(d);
}

/* The node path of the console UART in the VM's tree, if it has it. */
static bool stdout_path(size_t vm, const struct vm_platform *p, char *buf,
                        size_t len)
{
    const struct platform_device *uart = console_device();

    if (!uart)
        return false;
    if (emulated_uart(vm)) {
        snprintf(buf, len, "/soc/%s@%" PRIx64, uart->name, uart->base);
        return true;
    }
    /* Passed through: at the guest address of the region holding it. */
    for (size_t j = 0; p->devs && j < p->dev_num; j++) {
        const struct vm_dev_region *r = &p->devs[j];

        if (!dev_in_region(uart, r))
            continue;
        snprintf(buf, len, "/soc/%s@%" PRIx64, uart->name,
                 r->va + (uart->base - r->pa));
        return true;
    }
    return false;
}

static void put_chosen(struct dts *d, size_t vm, const struct vm_config *cfg)
{
    struct vm_layout l;
    char path[128];

    dts_node_begin(d, NULL, "chosen");
    if (cfg->bootargs)
        dts_prop_string(d, "bootargs", cfg->bootargs);
    if (cfg->initrd.size && vm_layout_compute(cfg, &l) == 0) {
        dts_prop_u64(d, "linux,initrd-start", l.initrd_gpa);
        dts_prop_u64(d, "linux,initrd-end", l.initrd_gpa + l.initrd_size);
    }
    if (stdout_path(vm, &cfg->platform, path, sizeof(path)))
        dts_prop_string(d, "stdout-path", path);
    dts_node_end(d);
}

static void put_tree(FILE *f, size_t vm, const struct vm_config *cfg, bool sstc)
{
    const struct vm_platform *p = &cfg->platform;
    struct dts d = dts_start(f);
    char model[256];

    dts_comment(&d, "SPDX-License-Identifier: Apache-2.0");
    dts_comment(&d,
                "VM %zu's device tree, generated from the configuration by "
                "tools/vm_dtb.c",
                vm);
    dts_comment(&d, "(vCPUs %s Sstc). Edit the configuration, not this file.",
                sstc ? "with" : "without");
    dts_version(&d);
    dts_node_begin(&d, NULL, "/");
    dts_prop_u32(&d, "#address-cells", 2);
    dts_prop_u32(&d, "#size-cells", 2);
    dts_prop_string(&d, "compatible", "baobab,vm");
    snprintf(model, sizeof(model), "Baobab VM %zu on %s", vm, platform.name);
    dts_prop_string(&d, "model", model);

    put_chosen(&d, vm, cfg);
    put_cpus(&d, cfg, sstc);
    for (size_t i = 0; p->regions && i < p->region_num; i++) {
        const struct vm_mem_region *r = &p->regions[i];

        dts_node_begin(&d, NULL, "memory@%" PRIx64, r->base);
        dts_prop_string(&d, "device_type", "memory");
        dts_prop_reg2(&d, r->base, r->size);
        dts_node_end(&d);
    }
    put_soc(&d, vm, cfg);
    put_other_irqs(&d, p);
    dts_node_end(&d);
}

/* ------------------------------------------------------------------------ */

static void write_tree(const char *dir, size_t vm, bool sstc)
{
    char name[64], who[32];
    struct out o = {0};

    snprintf(who, sizeof(who), "VM %zu", vm);
    snprintf(name, sizeof(name), "vm%zu%s.dts", vm, sstc ? "" : "-nosstc");
    out_open(&o, dir, name, who);
    put_tree(o.f, vm, &config.vmlist[vm], sstc);
    out_close(&o, who);
}

static void write_table(const char *dir)
{
    struct out o = {0};

    out_open(&o, dir, "vm_dtbs.S", "vm_dtbs.S");
    fputs("/* Generated by tools/vm_dtb.c: the VMs' device trees. */\n", o.f);
    for (size_t i = 0; i < config.vmlist_size; i++) {
        if (config.vmlist[i].dtb.size)
            continue;
        for (int v = 0; v < 2; v++) {
            const char *sfx = v ? "-nosstc" : "";
            const char *lbl = v ? "nosstc" : "sstc";

            fprintf(o.f,
                    "\t.section .rodata\n\t.balign 8\n"
                    ".Lvm%zu_%s:\n\t.incbin \"%s/vm%zu%s.dtb\"\n"
                    ".Lvm%zu_%s_end:\n"
                    "\t.if .Lvm%zu_%s_end - .Lvm%zu_%s > %d\n"
                    "\t.error \"VM %zu: device tree larger than its "
                    "%d-byte slot\"\n\t.endif\n",
                    i, lbl, dir, i, sfx, i, lbl, i, lbl, i, lbl,
                    VM_DTB_SLOT_SIZE, i, VM_DTB_SLOT_SIZE);
        }
    }
    fputs("\n\t.section .rodata\n\t.balign 8\n", o.f);
    fputs("\t.global vm_dtb_table\n\t.type vm_dtb_table, @object\n", o.f);
    fputs("vm_dtb_table:\n", o.f);
    for (size_t i = 0; i < config.vmlist_size; i++) {
        if (config.vmlist[i].dtb.size) {
            fprintf(o.f, "\t.quad 0, 0, 0, 0 /* VM %zu: user dtb */\n", i);
            continue;
        }
        fprintf(o.f,
                "\t.quad .Lvm%zu_sstc, .Lvm%zu_sstc_end - .Lvm%zu_sstc\n"
                "\t.quad .Lvm%zu_nosstc, .Lvm%zu_nosstc_end - .Lvm%zu_nosstc\n",
                i, i, i, i, i, i);
    }
    fputs("\t.size vm_dtb_table, . - vm_dtb_table\n\n", o.f);
    fputs("\t.global vm_dtb_count\n\t.type vm_dtb_count, @object\n", o.f);
    fprintf(o.f, "vm_dtb_count:\n\t.quad %zu\n", config.vmlist_size);
    fputs("\t.size vm_dtb_count, 8\n", o.f);
    out_close(&o, "vm_dtbs.S");
}

int main(int argc, char **argv)
{
    struct config_target target =
        config_target_for_platform(&platform, (1UL << platform.max_harts) - 1);
    struct config_error err;
    const char *dir, *name;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s OUTDIR [NAME]\n", argv[0]);
        return 2;
    }
    dir = argv[1];
    name = argc == 3 ? argv[2] : "?";
    if (strpbrk(dir, "\"\\\n"))
        die("output directory '%s' cannot be named in assembly", dir);
    /* Where the hypervisor lies is not known yet (hyp_size 0). */
    if (config_check(&config, &target, NULL, &err)) {
        fprintf(stderr, "error: config '%s': %s\n", name, err.msg);
        return 1;
    }
    for (size_t i = 0; i < config.vmlist_size; i++) {
        if (config.vmlist[i].dtb.size)
            continue;
        write_tree(dir, i, true);
        write_tree(dir, i, false);
    }
    write_table(dir);
    return 0;
}
