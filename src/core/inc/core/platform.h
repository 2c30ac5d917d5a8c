/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The description of a board: what the hypervisor cannot or should not
 * discover. Each src/platform/<name>/platform.c defines one. What the host
 * device tree says at boot (RAM size, harts, timebase) overrides the
 * defaults given here. The generic platform (src/platform/generic/) is one
 * description for every board: platform_probe() fills it from the device
 * tree at boot; at build time only what VMs are shown is known.
 */
#ifndef PLATFORM_H
#define PLATFORM_H

#include <arch/types.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLATFORM_MAX_RAM_REGIONS 8

struct mem_range {
    uint64_t base;
    uint64_t size;
};

/* Whether a device masters DMA, and what confines it. */
enum platform_dma {
    PLATFORM_DMA_NONE = 0,
    /* It masters DMA and nothing confines it: given to a VM, it reaches
     * all physical memory. */
    PLATFORM_DMA_UNCONFINED,
    /* Its masters are behind the platform's IOMMU (iommu below), each
     * named by a device id (a VM's devs[].id): they reach only the memory
     * of the VM given them, and nothing where the machine has no IOMMU. */
    PLATFORM_DMA_IOMMU,
};

/* A PCIe host bridge (ECAM): what a VM's tree needs beyond its registers. */
struct platform_pci {
    /* Its 32-bit memory window, where PCI addresses are CPU-physical. */
    uint64_t mem_base;
    uint64_t mem_size;
    /* INTx: pin p (0 = INTA) of slot s raises intx_irq + (s + p) % 4. */
    unsigned intx_irq;
};

/* A device of the board, as the device trees generated for VMs show it. */
struct platform_device {
    uint64_t base;
    uint64_t size;
    unsigned irq;           /* 0: none */
    const char *name;       /* node name, e.g. "serial" */
    const char *compatible; /* e.g. "ns16550a" */
    const char *props; /* further DTS properties (";"-terminated), or NULL */
    enum platform_dma dma;
    const struct platform_pci *pci; /* a PCIe host bridge, or NULL */
};

struct platform {
    const char *name;
    /* Learned from the host device tree at boot (platform_probe): until
     * then `probed` is false and the board is not known. */
    bool generic;
    bool probed;
    unsigned max_harts;   /* harts the hypervisor manages, at most MAX_CPUS */
    struct mem_range ram; /* used when the host device tree has no memory */
    struct mem_range firmware; /* M-mode firmware, never touched */
    struct {
        uint64_t base; /* 0: none, the firmware's console (SBI) */
        uint64_t size;
        unsigned irq;
        unsigned reg_shift; /* registers 1 << reg_shift bytes apart */
        unsigned reg_width; /* bytes per access: 1 (0 means 1) or 4 */
    } console_uart;
    struct arch_platform arch; /* its interrupt controller */
    /* The IOMMU's registers, where the board can have one (size 0: none).
     * The boot looks for it in the host device tree and drives it when
     * found; no VM may map them. */
    struct mem_range iommu;
    uint32_t timebase_hz;
    /* The last-level cache the harts share, for cache colouring (see
     * colour.h); size 0: none described, configs cannot use colours. */
    struct {
        uint64_t size;
        unsigned ways;
    } llc;
    /* For generated guest device trees: what a vCPU offers (the extensions
     * the hypervisor adds or hides are decided per build and per boot),
     * its MMU, and the devices that can be passed through. */
    const char *guest_isa;
    const char *guest_mmu_type;
    const struct platform_device *devices;
    unsigned num_devices;
};

/* What the boot hart learned about the machine it runs on. */
struct machine {
    unsigned ram_num;
    struct mem_range ram[PLATFORM_MAX_RAM_REGIONS];
    unsigned reserved_num; /* RAM the device tree says to leave alone */
    struct mem_range reserved[PLATFORM_MAX_RAM_REGIONS];
    uint64_t hart_mask; /* bit n: hart id n exists and is usable */
    uint32_t timebase_hz;
    struct arch_machine arch; /* what its harts implement */
    /* The IOMMU the host device tree describes (size 0: none). */
    struct mem_range iommu;
    /* Reported to guests by SBI BASE, as the firmware reports them. */
    unsigned long mvendorid;
    unsigned long marchid;
    unsigned long mimpid;
};

extern struct platform platform;
extern struct machine machine;

struct machine_fit_error;
/*
 * The generic platform: fill `platform` from the host device tree (its
 * interrupt controller, console UART, timebase, cache; RAM, harts and the
 * IOMMU are the machine's on every platform), first thing at boot. 0, or -1
 * with `err` saying what the tree lacks. A described board: nothing to do, 0.
 */
int platform_probe(const void *dtb, struct machine_fit_error *err);

/* Fill `machine` from the host device tree, or from `platform` without one. */
void machine_probe(const void *dtb);

#endif
