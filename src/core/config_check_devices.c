/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The device section of the configuration: the regions passed through to a
 * VM, what two VMs may not both claim, and the emulated console UART of
 * the VMs that do not own the real one.
 */
#include <core/config_check_sections.h>
#include <core/config_query.h>

int config_check_devices(const struct vm_config *c, size_t vm,
                         const struct config_target *t,
                         struct config_error *err)
{
    const struct vm_platform *p = &c->platform;

    if (p->dev_num > MAX_VM_DEVS)
        return config_fail(err,
                           "VM %zu: platform.dev_num %zu exceeds the limit of "
                           "%d",
                           vm, p->dev_num, MAX_VM_DEVS);
    if (p->dev_num && !p->devs)
        return config_fail(err, "VM %zu: platform.devs is NULL", vm);
    for (size_t i = 0; i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];

        if (d->interrupt_num && !d->interrupts)
            return config_fail(
                err, "VM %zu: platform.devs[%zu].interrupts is NULL", vm, i);
        if (d->size == 0)
            continue;
        if (!config_page_aligned(d->pa) || !config_page_aligned(d->va) ||
            !config_page_aligned(d->size))
            return config_fail(err,
                               "VM %zu: platform.devs[%zu]: pa 0x%lx, va 0x%lx "
                               "and size 0x%lx must be multiples of 0x%lx",
                               vm, i, d->pa, d->va, d->size, PAGE_SIZE);
        if (range_wraps(d->va, d->size) ||
            d->va + d->size > arch_config_gpa_limit())
            return config_fail(err,
                               "VM %zu: platform.devs[%zu].va 0x%lx is beyond "
                               "the guest-physical limit",
                               vm, i, d->va);
        if (config_touches_memory(p, d->va, d->size))
            return config_fail(err,
                               "VM %zu: platform.devs[%zu].va 0x%lx overlaps "
                               "the VM's memory",
                               vm, i, d->va);
        if (config_pa_unmappable(d->pa, d->size))
            return config_fail(err,
                               "VM %zu: platform.devs[%zu].pa 0x%lx+0x%lx is "
                               "beyond the physical limit 0x%lx stage 2 can "
                               "map",
                               vm, i, d->pa, d->size, arch_config_pa_limit());
        if (ranges_overlap(d->pa, d->size, t->hyp_base, t->hyp_size) ||
            ranges_overlap(d->pa, d->size, t->fw_base, t->fw_size))
            return config_fail(err,
                               "VM %zu: platform.devs[%zu].pa 0x%lx overlaps "
                               "the hypervisor or the firmware",
                               vm, i, d->pa);
        if (ranges_overlap(d->pa, d->size, t->iommu_base, t->iommu_size))
            return config_fail(err,
                               "VM %zu: platform.devs[%zu].pa 0x%lx overlaps "
                               "the IOMMU's registers at 0x%lx, which the "
                               "hypervisor keeps: a VM that reached them "
                               "could open all memory to DMA",
                               vm, i, d->pa, t->iommu_base);
    }
    return 0;
}

/*
 * Two VMs' devices on the same physical device or interrupt. The console
 * UART is the one exception: the hypervisor multiplexes it, so VMs that
 * list it each get an emulated one (config_check_emulated_uart checked
 * their entries).
 */
static int check_dev_pair(const struct vm_dev_region *da, size_t ai, size_t i,
                          const struct vm_dev_region *db, size_t bi, size_t j,
                          const struct config_target *t,
                          struct config_error *err)
{
    if (vm_dev_covers(da, t->console_base, t->console_size) &&
        vm_dev_covers(db, t->console_base, t->console_size))
        return 0;
    if (ranges_overlap(da->pa, da->size, db->pa, db->size))
        return config_fail(err,
                           "VM %zu: platform.devs[%zu] and VM %zu's "
                           "platform.devs[%zu] both claim device memory at "
                           "0x%lx: a device (its registers, interrupt and "
                           "DMA) cannot be shared safely between VMs; give it "
                           "to one VM (and share its service through shared "
                           "memory and IPC)",
                           ai, i, bi, j, MAX(da->pa, db->pa));
    if (da->id && da->id == db->id)
        return config_fail(err,
                           "VM %zu: platform.devs[%zu] and VM %zu's "
                           "platform.devs[%zu] both give IOMMU device id "
                           "0x%lx: a DMA master reaches the memory of one VM; "
                           "give it to one VM",
                           ai, i, bi, j, (unsigned long)da->id);
    for (size_t x = 0; x < da->interrupt_num; x++) {
        for (size_t y = 0; y < db->interrupt_num; y++) {
            if (da->interrupts[x] == db->interrupts[y])
                return config_fail(err,
                                   "VM %zu: platform.devs[%zu] and VM %zu's "
                                   "platform.devs[%zu] both claim interrupt "
                                   "%lu: a physical interrupt goes to one VM; "
                                   "give the device to one VM",
                                   ai, i, bi, j, da->interrupts[x]);
        }
    }
    return 0;
}

int config_check_device_pair(const struct vm_config *a, size_t ai,
                             const struct vm_config *b, size_t bi,
                             const struct config_target *t,
                             struct config_error *err)
{
    for (size_t i = 0; i < a->platform.dev_num; i++) {
        for (size_t j = 0; j < b->platform.dev_num; j++) {
            if (check_dev_pair(&a->platform.devs[i], ai, i,
                               &b->platform.devs[j], bi, j, t, err))
                return -1;
        }
    }
    return 0;
}

/*
 * The console UART listed by several VMs: each one's entry is the emulated
 * 16550, which sits at the UART's own address and raises only its
 * interrupt, so the entry must be exactly that (a wider region would hand
 * the neighbouring devices to every one of them).
 */
static int check_shared_uart_entry(const struct vm_dev_region *d, size_t vm,
                                   size_t i, const struct config_target *t,
                                   struct config_error *err)
{
    if (d->pa != t->console_base || d->va != t->console_base ||
        d->size != t->console_size)
        return config_fail(err,
                           "VM %zu: platform.devs[%zu] (pa 0x%lx, va 0x%lx, "
                           "size 0x%lx): the console UART other VMs also list "
                           "is emulated for each one, so its entry must be "
                           "exactly pa = va = 0x%lx, size 0x%lx",
                           vm, i, d->pa, d->va, d->size, t->console_base,
                           t->console_size);
    for (size_t j = 0; j < d->interrupt_num; j++) {
        if (d->interrupts[j] != t->console_irq)
            return config_fail(err,
                               "VM %zu: platform.devs[%zu].interrupts[%zu] = "
                               "%lu: the console UART other VMs also list is "
                               "emulated and raises only interrupt %u",
                               vm, i, j, d->interrupts[j], t->console_irq);
    }
    return 0;
}

/* Nothing of the VM's IPC windows at the emulated UART or its interrupt. */
static int check_ipcs_off_uart(const struct vm_platform *p, size_t vm,
                               const struct config_target *t,
                               struct config_error *err)
{
    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *ipc = &p->ipcs[i];

        if (ranges_overlap(ipc->base, ipc->size, t->console_base,
                           t->console_size))
            return config_fail(err,
                               "VM %zu: platform.ipcs[%zu] covers 0x%lx, where "
                               "the VM's emulated console UART is",
                               vm, i, t->console_base);
        for (size_t j = 0; t->console_irq && j < ipc->interrupt_num; j++) {
            if (ipc->interrupts[j] == t->console_irq)
                return config_fail(err,
                                   "VM %zu: platform.ipcs[%zu].interrupts[%zu] "
                                   "= %u is the interrupt of the VM's "
                                   "emulated console UART",
                                   vm, i, j, t->console_irq);
        }
    }
    return 0;
}

/* The VM's devices: the UART's own entry, or off its address and IRQ. */
static int check_devs_off_uart(const struct vm_platform *p, size_t vm,
                               const struct config_target *t,
                               struct config_error *err)
{
    for (size_t i = 0; i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];

        if (vm_dev_covers(d, t->console_base, t->console_size)) {
            if (check_shared_uart_entry(d, vm, i, t, err))
                return -1;
            continue;
        }
        if (ranges_overlap(d->va, d->size, t->console_base, t->console_size))
            return config_fail(err,
                               "VM %zu: platform.devs[%zu].va 0x%lx covers "
                               "0x%lx, where the VM's emulated console UART is",
                               vm, i, d->va, t->console_base);
        for (size_t j = 0; t->console_irq && j < d->interrupt_num; j++) {
            if (d->interrupts[j] == t->console_irq)
                return config_fail(err,
                                   "VM %zu: platform.devs[%zu].interrupts[%zu] "
                                   "= %u is the interrupt of the VM's "
                                   "emulated console UART; list it with the "
                                   "UART's entry, or drop it",
                                   vm, i, j, t->console_irq);
        }
    }
    return 0;
}

/* The windows of a VM's interrupt controller (the second: an AIA VM's
 * interrupt files). */
static bool (*const irqc_windows[])(const struct vm_platform *,
                                    const struct config_target *,
                                    struct config_window *) = {
    arch_config_irqc_window,
    arch_config_irqc_window2,
};

/*
 * A VM that does not own the console UART finds an emulated one at its
 * address and interrupt (vm_uart.c): nothing else of the VM may use them.
 */
int config_check_emulated_uart(const struct config *cfg, size_t vm,
                               const struct config_target *t,
                               struct config_error *err)
{
    const struct vm_platform *p = &cfg->vmlist[vm].platform;
    struct config_window irqc;

    if (!t->console_size ||
        vm_owns_console_uart(cfg, vm, t->console_base, t->console_size))
        return 0;
    for (size_t i = 0; i < p->region_num; i++) {
        if (ranges_overlap(p->regions[i].base, p->regions[i].size,
                           t->console_base, t->console_size))
            return config_fail(err,
                               "VM %zu: platform.regions[%zu] covers 0x%lx, "
                               "where the VM's emulated console UART is",
                               vm, i, t->console_base);
    }
    if (check_ipcs_off_uart(p, vm, t, err))
        return -1;
    for (size_t i = 0; i < ARRAY_SIZE(irqc_windows); i++) {
        if (irqc_windows[i](p, t, &irqc) &&
            ranges_overlap(irqc.base, irqc.size, t->console_base,
                           t->console_size))
            return config_fail(err,
                               "VM %zu: %s window covers 0x%lx, where the "
                               "VM's emulated console UART is",
                               vm, irqc.field, t->console_base);
    }
    return check_devs_off_uart(p, vm, t, err);
}
