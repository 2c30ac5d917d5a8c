/* SPDX-License-Identifier: Apache-2.0 */
/*
 * QEMU's riscv64 "virt" machine (hw/riscv/virt.c memory map): RAM at
 * 0x80000000, NS16550A at 0x10000000 (IRQ 10), PLIC at 0xc000000, the
 * RISC-V IOMMU (with -M virt,iommu-sys=on) at 0x3010000. OpenSBI
 * occupies the first 2 MiB of RAM and loads us right after it. Built with
 * QEMU_VIRT_AIA it describes the same machine with the AIA instead, and
 * with QEMU_VIRT_AIA_DIRECT too, the AIA without IMSICs.
 */
#include <core/platform.h>
#include <lib/util.h>

/* The NS16550A: the hypervisor's console, a device VMs can be given. */
#define UART_BASE 0x10000000UL
#define UART_IRQ 10

#define VIRTIO(n)                                                              \
    {                                                                          \
        .base = 0x10001000UL + (n)*0x1000UL, .size = 0x1000, .irq = 1 + (n),   \
        .name = "virtio_mmio", .compatible = "virtio,mmio",                    \
        .dma = PLATFORM_DMA_UNCONFINED,                                        \
    }

/* The PCIe host's window and INTx wiring (hw/riscv/virt.c: PCIE_IRQ). */
static const struct platform_pci pcie = {
    .mem_base = 0x40000000UL,
    .mem_size = 0x40000000UL,
    .intx_irq = 32,
};

static const struct platform_device devices[] = {
    {.base = UART_BASE,
     .size = 0x100,
     .irq = UART_IRQ,
     .name = "serial",
     .compatible = "ns16550a",
     .props = "clock-frequency = <0x384000>;"},
    {.base = 0x101000UL,
     .size = 0x1000,
     .irq = 11,
     .name = "rtc",
     .compatible = "google,goldfish-rtc"},
    VIRTIO(0),
    VIRTIO(1),
    VIRTIO(2),
    VIRTIO(3),
    VIRTIO(4),
    VIRTIO(5),
    VIRTIO(6),
    VIRTIO(7),
    /* The PCIe host (ECAM). Its masters sit behind the IOMMU when QEMU has
     * one (-M virt,iommu-sys=on, QEMU 9.2 and later), device id = BDF. */
    {.base = 0x30000000UL,
     .size = 0x10000000UL,
     .name = "pci",
     .compatible = "pci-host-ecam-generic",
     .dma = PLATFORM_DMA_IOMMU,
     .pci = &pcie},
};

#if defined(QEMU_VIRT_AIA_DIRECT)
/*
 * "virt,aia=aplic" (platform qemu-riscv64-virt-aplic): the supervisor
 * domain at 0xd000000 delivers directly to its harts' IDCs; no IMSICs.
 */
#define PLATFORM_NAME "qemu-riscv64-virt-aplic"
#define IRQC                                                                   \
    .irqc = ARCH_IRQC_AIA,                                                     \
    .aia = {.aplic = {.base = 0xd000000UL, .size = 0x8000, .num_sources = 96}}
#elif defined(QEMU_VIRT_AIA)
/*
 * "virt,aia=aplic-imsic" (platform qemu-riscv64-virt-aia): the PLIC's place
 * holds the machine-level APLIC; the supervisor domain, in MSI mode, is at
 * 0xd000000, its IMSICs at 0x28000000 (hw/riscv/virt.c memory map).
 */
#define PLATFORM_NAME "qemu-riscv64-virt-aia"
#define IRQC                                                                   \
    .irqc = ARCH_IRQC_AIA,                                                     \
    .aia = {.aplic = {.base = 0xd000000UL, .size = 0x8000, .num_sources = 96}, \
            .imsic = {.base = 0x28000000UL,                                    \
                      .size = 0x10000,                                         \
                      .num_ids = 255,                                          \
                      .guest_index_bits = 1}}
#else
#define PLATFORM_NAME "qemu-riscv64-virt"
#define IRQC                                                                   \
    .plic = {.base = 0xc000000UL,                                              \
             .size = 0x600000,                                                 \
             .num_sources = 96,                                                \
             .contexts_per_hart = 2, /* M-mode, then S-mode */                 \
             .s_context = 1}
#endif

struct platform platform = {
    .name = PLATFORM_NAME,
    .max_harts = 8,
    .ram = {.base = 0x80000000UL, .size = 0x40000000UL},
    .firmware = {.base = 0x80000000UL, .size = 0x200000UL},
    .console_uart = {.base = UART_BASE, .size = 0x1000, .irq = UART_IRQ},
    .arch = {IRQC},
    .iommu = {.base = 0x3010000UL, .size = 0x1000},
    .timebase_hz = 10000000,
    /* QEMU models no cache: this is the L2 of a typical RISC-V cluster
     * (SiFive U74-MC: 2 MiB, 16 ways), so coloured configs build and run
     * here as they would on such a board: 128 KiB ways, 32 colours. */
    .llc = {.size = 2 * 1024 * 1024, .ways = 16},
    .guest_isa = "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs",
    .guest_mmu_type = "riscv,sv48",
    .devices = devices,
    .num_devices = ARRAY_SIZE(devices),
};
