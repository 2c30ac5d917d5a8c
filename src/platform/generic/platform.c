/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The generic platform: one bao.bin for any board whose device tree
 * describes it, as OpenSBI's generic platform is. The boot reads the
 * interrupt controller (PLIC, or APLIC with or without IMSICs), the
 * console UART (/chosen stdout-path, NS16550 family; else the firmware's
 * SBI console), the timebase, the IOMMU and the last-level cache from the
 * tree (platform_probe, src/core/platform_dt.c); RAM and harts come from it
 * on every platform. What VMs are shown is fixed here, at build time, when
 * their device trees are generated: the controller geometry below, the base
 * ISA every RVA20 application hart has, Sv39, and the timebase, which the
 * boot sets to the board's in each generated tree.
 */
#include <core/platform.h>

struct platform platform = {
    .name = "generic",
    .generic = true,
    .max_harts = 8,
    /* The board's, set at boot in the generated trees (vm_dtb_fixup.c):
     * until then none. */
    .timebase_hz = 0,
    .guest_isa = "rv64imafdc_zicsr_zifencei",
    .guest_mmu_type = "riscv,sv39",
    .arch = {.vm =
                 {
                     /* QEMU virt's PLIC geometry: 2 contexts per vCPU. */
                     .plic_size = 0x600000,
                     .plic_sources = 128, /* ids 1..127: MAX_IRQS */
                     .aplic_size = 0x8000,
                     .aplic_sources = 127,
                     .imsic_ids = 63, /* the least an IMSIC has (AIA 3.1) */
                 }},
};
