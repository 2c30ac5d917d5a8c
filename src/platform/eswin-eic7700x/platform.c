/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ESWIN EIC7700X SoC, on the SiFive HiFive Premier P550 and the Milk-V
 * Megrez (docs/boards/eswin-eic7700x.md). Values from the boards' public
 * device trees (Linux arch/riscv/boot/dts/eswin/, ESWIN's kernel for the
 * devices): four SiFive P550 harts with the H extension at privileged spec
 * 1.11 (no henvcfg/senvcfg, no Sstc: the guest timer is emulated), a PLIC
 * with an M-mode and an S-mode context per hart, DesignWare UARTs with
 * 32-bit registers 4 bytes apart, and a 4 MiB 16-way L3 the harts share.
 * OpenSBI sits at the start of DRAM (U-Boot runs at +2 MiB). No RISC-V
 * IOMMU (the SoC's SMMU is Arm's): DMA devices are unconfined.
 */
#include <core/platform.h>
#include <lib/util.h>

/* The DesignWare APB UARTs: 200 MHz, 32-bit registers 4 bytes apart. */
#define DW_UART_PROPS                                                          \
    "reg-shift = <2>; reg-io-width = <4>; clock-frequency = <200000000>;"
#define DW_UART(n, irq_)                                                       \
    {                                                                          \
        .base = 0x50900000UL + (n)*0x10000UL, .size = 0x10000, .irq = (irq_),  \
        .name = "serial", .compatible = "snps,dw-apb-uart",                    \
        .props = DW_UART_PROPS,                                                \
    }

static const struct platform_device devices[] = {
    DW_UART(0, 100), /* the console: the USB-serial port */
    DW_UART(1, 101), /* the M.2 Bluetooth module */
    DW_UART(2, 102), /* P550: the board MCU; Megrez: the RS-232 port */
    DW_UART(3, 103),
    DW_UART(4, 104),
    /* Masters without an IOMMU in front: given to a VM, they reach all
     * memory (the build and the boot say so). Their clocks and resets are
     * the SoC's system controller's, which no VM is given. */
    {.base = 0x50400000UL,
     .size = 0x10000,
     .irq = 61,
     .name = "ethernet",
     .compatible = "eswin,eic7700-qos-eth",
     .dma = PLATFORM_DMA_UNCONFINED},
    {.base = 0x50410000UL,
     .size = 0x10000,
     .irq = 70,
     .name = "ethernet",
     .compatible = "eswin,eic7700-qos-eth",
     .dma = PLATFORM_DMA_UNCONFINED},
    {.base = 0x50450000UL,
     .size = 0x10000,
     .irq = 79,
     .name = "mmc",
     .compatible = "eswin,sdhci-eic7700",
     .dma = PLATFORM_DMA_UNCONFINED},
    {.base = 0x50460000UL,
     .size = 0x10000,
     .irq = 81,
     .name = "mmc",
     .compatible = "eswin,sdhci-eic7700",
     .dma = PLATFORM_DMA_UNCONFINED},
};

struct platform platform = {
    .name = "eswin-eic7700x",
    .max_harts = 4,
    /* 16 GiB on the smallest board; the device tree says how much. */
    .ram = {.base = 0x80000000UL, .size = 0x400000000UL},
    .firmware = {.base = 0x80000000UL, .size = 0x200000UL},
    .console_uart = {.base = 0x50900000UL,
                     .size = 0x10000,
                     .irq = 100,
                     .reg_shift = 2,
                     .reg_width = 4},
    .arch = {.plic = {.base = 0xc000000UL,
                      .size = 0x4000000,
                      .num_sources = 521,     /* riscv,ndev = 520 */
                      .contexts_per_hart = 2, /* M-mode, then S-mode */
                      .s_context = 1}},
    .timebase_hz = 1000000,
    /* The shared L3: 4 MiB, 16 ways of 256 KiB: 64 colours. */
    .llc = {.size = 4 * 1024 * 1024, .ways = 16},
    .guest_isa = "rv64imafdc_zicsr_zifencei_zba_zbb",
    .guest_mmu_type = "riscv,sv48",
    .devices = devices,
    .num_devices = ARRAY_SIZE(devices),
};
