/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The SpacemiT K3 SoC, on the K3 Pico-ITX and the CoM260 module
 * (docs/boards/spacemit-k3.md). Values from the public device trees
 * (Linux arch/riscv/boot/dts/spacemit/k3*.dts*): eight X100 harts (RVA23,
 * H, Sstc, the AIA) in two clusters of four, each cluster with a 4 MiB
 * 16-way L2; a supervisor APLIC in MSI mode and IMSICs with guest
 * interrupt files (6 guest index bits); XScale UARTs with 32-bit registers
 * 4 bytes apart; RAM from 4 GiB. The vendor's firmware keeps the first
 * 32 MiB of RAM (OpenSBI, the real-time cores' firmware) and U-Boot loads
 * the next stage at +256 MiB. No IOMMU.
 */
#include <core/platform.h>
#include <lib/util.h>

#define XSCALE_UART_PROPS                                                      \
    "reg-shift = <2>; reg-io-width = <4>; clock-frequency = <14700000>;"
#define XSCALE_UART(base_, irq_)                                               \
    {                                                                          \
        .base = (base_), .size = 0x1000, .irq = (irq_), .name = "serial",      \
        .compatible = "intel,xscale-uart", .props = XSCALE_UART_PROPS,         \
    }

/*
 * What VMs can be given or shown. UARTs 0-9 share one page (0xd4017000):
 * only the console (uart0) is listed, which VMs share through the emulated
 * one. The Ethernet controllers' interrupts (130-133) are beyond the ids
 * the hypervisor handles (MAX_IRQS).
 */
static const struct platform_device devices[] = {
    XSCALE_UART(0xd4017000UL, 42),
    {.base = 0xd4280000UL,
     .size = 0x1000,
     .irq = 99,
     .name = "mmc",
     .compatible = "spacemit,k3-sdhci",
     .dma = PLATFORM_DMA_UNCONFINED},
};

struct platform platform = {
    .name = "spacemit-k3",
    .max_harts = 8,
    .ram = {.base = 0x100000000UL, .size = 0x400000000UL},
    .firmware = {.base = 0x100000000UL, .size = 0x2000000UL},
    .console_uart = {.base = 0xd4017000UL,
                     .size = 0x1000,
                     .irq = 42,
                     .reg_shift = 2,
                     .reg_width = 4},
    .arch = {.irqc = ARCH_IRQC_AIA,
             .aia = {.aplic = {.base = 0xe0804000UL,
                               .size = 0x4000,
                               .num_sources = 512},
                     .imsic = {.base = 0xe0400000UL,
                               .size = 0x200000,
                               .num_ids = 511,
                               .guest_index_bits = 6}}},
    .timebase_hz = 24000000,
    .llc = {.size = 4 * 1024 * 1024, .ways = 16},
    .guest_isa = "rv64imafdcv_zicsr_zifencei_zihintpause_zba_zbb_zbs",
    .guest_mmu_type = "riscv,sv39",
    .devices = devices,
    .num_devices = ARRAY_SIZE(devices),
};
