/* SPDX-License-Identifier: Apache-2.0 */
/* The RISC-V IOMMU the host device tree describes (iommu.c drives it). */
#include <core/arch_hooks.h>
#include <core/platform.h>
#include <lib/fdt.h>

/* The binding's compatible (riscv,iommu.yaml): a platform IOMMU. */
#define IOMMU_COMPATIBLE "riscv,iommu"
#define CELL_BYTES 4

void arch_machine_probe_iommu(const void *dtb)
{
    int node = fdt_next_compatible(dtb, -1, IOMMU_COMPATIBLE);
    const uint32_t *irqs;
    int len;

    if (node < 0 || !fdt_node_is_okay(dtb, node) ||
        !fdt_reg(dtb, node, 0, &machine.iommu.base, &machine.iommu.size))
        return;
    /* Its wires in the order cq, fq, pm, pq: the driver sends every cause
     * to the first, which leads the property whatever form its cells take
     * (QEMU writes two cells each even for a one-cell PLIC). */
    irqs = fdt_prop(dtb, node, "interrupts", &len);
    if (irqs && len >= CELL_BYTES)
        machine.arch.iommu_irq = fdt_be32(irqs);
}
