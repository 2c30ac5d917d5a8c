/* SPDX-License-Identifier: Apache-2.0 */
#include <colour.h>
#include <config_check.h>
#include <ipc_layout.h>
#include <lib/format.h>
#include <lib/util.h>
#include <stdarg.h>
#include <vm_layout.h>

/* Guest-physical addresses Sv39x4 can translate (priv. spec 8.5.1). */
#define GPA_LIMIT (1UL << 41)

static int fail(struct config_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(struct config_error *err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return -1;
}

static bool page_aligned(uint64_t v)
{
    return IS_ALIGNED(v, PAGE_SIZE);
}

static int check_region(const struct vm_mem_region *r, size_t vm, size_t i,
                        const struct config_target *t, struct config_error *err)
{
    if (r->size == 0)
        return fail(err, "VM %zu: platform.regions[%zu].size is 0", vm, i);
    if (!page_aligned(r->base) || !page_aligned(r->size))
        return fail(err,
                    "VM %zu: platform.regions[%zu]: base 0x%lx and size 0x%lx "
                    "must be multiples of 0x%lx",
                    vm, i, r->base, r->size, PAGE_SIZE);
    if (range_wraps(r->base, r->size) || r->base + r->size > GPA_LIMIT)
        return fail(err,
                    "VM %zu: platform.regions[%zu]: 0x%lx+0x%lx is beyond the "
                    "guest-physical limit 0x%lx",
                    vm, i, r->base, r->size, GPA_LIMIT);
    if (!r->place_phys)
        return 0;
    if (!page_aligned(r->phys) || range_wraps(r->phys, r->size))
        return fail(err,
                    "VM %zu: platform.regions[%zu].phys 0x%lx is not a valid "
                    "page-aligned address",
                    vm, i, r->phys);
    if (ranges_overlap(r->phys, r->size, t->hyp_base, t->hyp_size) ||
        ranges_overlap(r->phys, r->size, t->fw_base, t->fw_size))
        return fail(err,
                    "VM %zu: platform.regions[%zu].phys 0x%lx+0x%lx overlaps "
                    "the hypervisor or the firmware",
                    vm, i, r->phys, r->size);
    return 0;
}

static int check_memory(const struct vm_config *c, size_t vm,
                        const struct config_target *t, struct config_error *err)
{
    const struct vm_platform *p = &c->platform;

    if (p->region_num == 0)
        return fail(err, "VM %zu: platform.region_num is 0: a VM needs memory",
                    vm);
    if (p->region_num > MAX_VM_REGIONS)
        return fail(err,
                    "VM %zu: platform.region_num %zu exceeds the limit of %d",
                    vm, p->region_num, MAX_VM_REGIONS);
    if (!p->regions)
        return fail(err, "VM %zu: platform.regions is NULL", vm);
    for (size_t i = 0; i < p->region_num; i++) {
        if (check_region(&p->regions[i], vm, i, t, err))
            return -1;
        for (size_t j = 0; j < i; j++) {
            if (ranges_overlap(p->regions[i].base, p->regions[i].size,
                               p->regions[j].base, p->regions[j].size))
                return fail(err,
                            "VM %zu: platform.regions[%zu] overlaps "
                            "platform.regions[%zu]",
                            vm, i, j);
        }
    }
    return 0;
}

static bool in_one_region(const struct vm_platform *p, uint64_t base,
                          uint64_t size)
{
    for (size_t i = 0; i < p->region_num; i++) {
        if (range_contains(p->regions[i].base, p->regions[i].size, base, size))
            return true;
    }
    return false;
}

static bool touches_memory(const struct vm_platform *p, uint64_t base,
                           uint64_t size)
{
    for (size_t i = 0; i < p->region_num; i++) {
        if (ranges_overlap(p->regions[i].base, p->regions[i].size, base, size))
            return true;
    }
    return false;
}

static int check_image_source(const struct vm_config *c, size_t vm,
                              const struct config_target *t,
                              struct config_error *err)
{
    if (c->image.inplace && (!page_aligned(c->image.base_addr) ||
                             !page_aligned(c->image.load_addr)))
        return fail(err,
                    "VM %zu: image.inplace needs base_addr 0x%lx and "
                    "load_addr 0x%lx page-aligned",
                    vm, c->image.base_addr, c->image.load_addr);
    if (c->image.separately_loaded &&
        (range_wraps(c->image.load_addr, c->image.size) ||
         ranges_overlap(c->image.load_addr, c->image.size, t->hyp_base,
                        t->hyp_size) ||
         ranges_overlap(c->image.load_addr, c->image.size, t->fw_base,
                        t->fw_size)))
        return fail(err,
                    "VM %zu: image.load_addr 0x%lx+0x%zx overlaps the "
                    "hypervisor or the firmware",
                    vm, c->image.load_addr, c->image.size);
    return 0;
}

/* The device tree and initrd take the top of the region holding entry. */
static int check_boot_blobs(const struct vm_config *c, size_t vm,
                            struct config_error *err)
{
    struct vm_layout l;

    if (c->dtb.size > VM_DTB_SLOT_SIZE)
        return fail(err,
                    "VM %zu: dtb.size 0x%zx exceeds the device tree slot "
                    "(0x%x)",
                    vm, c->dtb.size, VM_DTB_SLOT_SIZE);
    if (!vm_layout_compute(c, &l))
        return 0; /* entry outside memory is reported elsewhere */
    if (c->initrd.size && (c->initrd.size >= l.dtb_gpa ||
                           !in_one_region(&c->platform, l.low, c->initrd.size)))
        return fail(err,
                    "VM %zu: initrd.size 0x%zx does not fit below the device "
                    "tree in the region holding entry",
                    vm, c->initrd.size);
    if (ranges_overlap(c->image.base_addr, c->image.size, l.low,
                       l.dtb_gpa + VM_DTB_SLOT_SIZE - l.low))
        return fail(err,
                    "VM %zu: image (0x%lx, 0x%zx bytes) overlaps the device "
                    "tree%s at 0x%lx: leave the top 0x%lx bytes of its region "
                    "free",
                    vm, c->image.base_addr, c->image.size,
                    c->initrd.size ? " and initrd" : "", l.low,
                    l.dtb_gpa + VM_DTB_SLOT_SIZE - l.low);
    return 0;
}

static int check_image(const struct vm_config *c, size_t vm,
                       const struct config_target *t, struct config_error *err)
{
    if (c->image.size == 0)
        return fail(err, "VM %zu: image.size is 0 (empty or missing image)",
                    vm);
    if (!in_one_region(&c->platform, c->image.base_addr, c->image.size))
        return fail(err,
                    "VM %zu: image (0x%lx, 0x%zx bytes) does not fit inside "
                    "one of its memory regions",
                    vm, c->image.base_addr, c->image.size);
    if (!in_one_region(&c->platform, c->entry, 2))
        return fail(err, "VM %zu: entry 0x%lx is outside the VM's memory", vm,
                    c->entry);
    if (check_image_source(c, vm, t, err))
        return -1;
    return check_boot_blobs(c, vm, err);
}

static int check_devices(const struct vm_config *c, size_t vm,
                         const struct config_target *t,
                         struct config_error *err)
{
    const struct vm_platform *p = &c->platform;

    if (p->dev_num > MAX_VM_DEVS)
        return fail(err, "VM %zu: platform.dev_num %zu exceeds the limit of %d",
                    vm, p->dev_num, MAX_VM_DEVS);
    if (p->dev_num && !p->devs)
        return fail(err, "VM %zu: platform.devs is NULL", vm);
    for (size_t i = 0; i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];

        if (d->interrupt_num && !d->interrupts)
            return fail(err, "VM %zu: platform.devs[%zu].interrupts is NULL",
                        vm, i);
        if (d->size == 0)
            continue;
        if (!page_aligned(d->pa) || !page_aligned(d->va) ||
            !page_aligned(d->size))
            return fail(err,
                        "VM %zu: platform.devs[%zu]: pa 0x%lx, va 0x%lx and "
                        "size 0x%lx must be multiples of 0x%lx",
                        vm, i, d->pa, d->va, d->size, PAGE_SIZE);
        if (range_wraps(d->va, d->size) || d->va + d->size > GPA_LIMIT)
            return fail(err,
                        "VM %zu: platform.devs[%zu].va 0x%lx is beyond the "
                        "guest-physical limit",
                        vm, i, d->va);
        if (touches_memory(p, d->va, d->size))
            return fail(err,
                        "VM %zu: platform.devs[%zu].va 0x%lx overlaps the "
                        "VM's memory",
                        vm, i, d->va);
        if (ranges_overlap(d->pa, d->size, t->hyp_base, t->hyp_size) ||
            ranges_overlap(d->pa, d->size, t->fw_base, t->fw_size))
            return fail(err,
                        "VM %zu: platform.devs[%zu].pa 0x%lx overlaps the "
                        "hypervisor or the firmware",
                        vm, i, d->pa);
    }
    return 0;
}

static int check_irq_ids(const irqid_t *ids, size_t n, const char *what,
                         size_t vm, size_t i, const struct config_target *t,
                         struct config_error *err)
{
    for (size_t j = 0; j < n; j++) {
        if (ids[j] == 0 || ids[j] >= t->irq_sources)
            return fail(err,
                        "VM %zu: platform.%s[%zu].interrupts[%zu] = %lu does "
                        "not exist (interrupt ids are 1..%u)",
                        vm, what, i, j, ids[j], t->irq_sources - 1);
    }
    return 0;
}

static bool has_interrupts(const struct vm_platform *p)
{
    for (size_t i = 0; i < p->dev_num; i++) {
        if (p->devs[i].interrupt_num)
            return true;
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        if (p->ipcs[i].interrupt_num)
            return true;
    }
    return false;
}

/* The VM's interrupt controller window: set when it has interrupts. */
static int check_irqc(const struct vm_config *c, size_t vm,
                      const struct config_target *t, struct config_error *err)
{
    const struct vm_platform *p = &c->platform;
    uint64_t base = p->arch.irqc.plic.base;

    for (size_t i = 0; i < p->dev_num; i++) {
        if (check_irq_ids(p->devs[i].interrupts, p->devs[i].interrupt_num,
                          "devs", vm, i, t, err))
            return -1;
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        if (check_irq_ids(p->ipcs[i].interrupts, p->ipcs[i].interrupt_num,
                          "ipcs", vm, i, t, err))
            return -1;
    }
    /* Every platform so far has a PLIC; AIA guests come with AIA support. */
    if (p->arch.irqc.aia.aplic.base || p->arch.irqc.aia.imsic.base)
        return fail(err,
                    "VM %zu: platform.arch.irqc.aia is set, but this "
                    "platform's interrupt controller is a PLIC: use "
                    "platform.arch.irqc.plic",
                    vm);
    if (base == 0)
        return has_interrupts(p)
                   ? fail(err,
                          "VM %zu: it has interrupts but "
                          "platform.arch.irqc.plic.base is not set",
                          vm)
                   : 0;
    if (!page_aligned(base) || range_wraps(base, t->irqc_size) ||
        base + t->irqc_size > GPA_LIMIT)
        return fail(err,
                    "VM %zu: platform.arch.irqc.plic.base 0x%lx is not a "
                    "page-aligned guest-physical address",
                    vm, base);
    if (touches_memory(p, base, t->irqc_size))
        return fail(err,
                    "VM %zu: platform.arch.irqc.plic.base 0x%lx: the PLIC "
                    "window overlaps the VM's memory",
                    vm, base);
    for (size_t i = 0; i < p->dev_num; i++) {
        if (ranges_overlap(base, t->irqc_size, p->devs[i].va, p->devs[i].size))
            return fail(err,
                        "VM %zu: platform.arch.irqc.plic.base 0x%lx: the PLIC "
                        "window overlaps platform.devs[%zu]",
                        vm, base, i);
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        if (ranges_overlap(base, t->irqc_size, p->ipcs[i].base,
                           p->ipcs[i].size))
            return fail(err,
                        "VM %zu: platform.arch.irqc.plic.base 0x%lx: the PLIC "
                        "window overlaps platform.ipcs[%zu]",
                        vm, base, i);
    }
    return 0;
}

/* An IPC window is mapped like a device: nothing else of the VM there. */
static int check_ipc_window(const struct vm_platform *p, size_t i, size_t vm,
                            struct config_error *err)
{
    const struct ipc *ipc = &p->ipcs[i];

    for (size_t j = 0; j < p->dev_num; j++) {
        if (ranges_overlap(ipc->base, ipc->size, p->devs[j].va,
                           p->devs[j].size))
            return fail(err,
                        "VM %zu: platform.ipcs[%zu] at 0x%lx overlaps "
                        "platform.devs[%zu]",
                        vm, i, ipc->base, j);
    }
    for (size_t j = 0; j < i; j++) {
        if (ranges_overlap(ipc->base, ipc->size, p->ipcs[j].base,
                           p->ipcs[j].size))
            return fail(err,
                        "VM %zu: platform.ipcs[%zu] at 0x%lx overlaps "
                        "platform.ipcs[%zu]",
                        vm, i, ipc->base, j);
    }
    return 0;
}

/*
 * IPC interrupts are raised by the hypervisor in the VM's interrupt
 * controller only: they may not be one of its device interrupts (the same
 * id in another VM is fine, each VM has its own controller).
 */
static int check_ipc_irqs(const struct vm_platform *p, size_t i, size_t vm,
                          struct config_error *err)
{
    const struct ipc *ipc = &p->ipcs[i];

    for (size_t x = 0; ipc->interrupts && x < ipc->interrupt_num; x++) {
        for (size_t j = 0; j < p->dev_num; j++) {
            for (size_t y = 0; y < p->devs[j].interrupt_num; y++) {
                if (p->devs[j].interrupts[y] == ipc->interrupts[x])
                    return fail(err,
                                "VM %zu: platform.ipcs[%zu].interrupts[%zu] "
                                "= %lu is also platform.devs[%zu]'s interrupt",
                                vm, i, x, ipc->interrupts[x], j);
            }
        }
    }
    return 0;
}

static int check_ipcs(const struct config *cfg, const struct vm_config *c,
                      size_t vm, struct config_error *err)
{
    const struct vm_platform *p = &c->platform;

    if (p->ipc_num && !p->ipcs)
        return fail(err, "VM %zu: platform.ipcs is NULL", vm);
    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *ipc = &p->ipcs[i];

        if (ipc->shmem_id >= cfg->shmemlist_size)
            return fail(err,
                        "VM %zu: platform.ipcs[%zu].shmem_id %zu does not "
                        "exist (shmemlist_size is %zu)",
                        vm, i, ipc->shmem_id, cfg->shmemlist_size);
        if (ipc->size == 0 || !page_aligned(ipc->base) ||
            !page_aligned(ipc->size))
            return fail(err,
                        "VM %zu: platform.ipcs[%zu]: base 0x%lx and size "
                        "0x%zx must be non-zero multiples of 0x%lx",
                        vm, i, ipc->base, ipc->size, PAGE_SIZE);
        if (ipc->size > cfg->shmemlist[ipc->shmem_id].size)
            return fail(err,
                        "VM %zu: platform.ipcs[%zu].size 0x%zx is larger than "
                        "shmem %zu (0x%zx)",
                        vm, i, ipc->size, ipc->shmem_id,
                        cfg->shmemlist[ipc->shmem_id].size);
        if (touches_memory(p, ipc->base, ipc->size))
            return fail(err,
                        "VM %zu: platform.ipcs[%zu] at 0x%lx overlaps the VM's "
                        "memory",
                        vm, i, ipc->base);
        if (ipc->interrupt_num && !ipc->interrupts)
            return fail(err, "VM %zu: platform.ipcs[%zu].interrupts is NULL",
                        vm, i);
        if (check_ipc_window(p, i, vm, err) || check_ipc_irqs(p, i, vm, err))
            return -1;
    }
    return 0;
}

/* Whether device region `d` covers (part of) the console UART. */
static bool is_console_dev(const struct vm_dev_region *d, uint64_t base,
                           uint64_t size)
{
    return size && ranges_overlap(d->pa, d->size, base, size);
}

size_t console_uart_listers(const struct config *cfg, uint64_t base,
                            uint64_t size, size_t *first)
{
    size_t n = 0;

    for (size_t vm = 0; cfg->vmlist && vm < cfg->vmlist_size; vm++) {
        if (!vm_has_device_at(&cfg->vmlist[vm].platform, base, size))
            continue;
        if (n == 0 && first)
            *first = vm;
        n++;
    }
    return n;
}

bool vm_owns_console_uart(const struct config *cfg, size_t vm, uint64_t base,
                          uint64_t size)
{
    return size && vm_has_device_at(&cfg->vmlist[vm].platform, base, size) &&
           console_uart_listers(cfg, base, size, NULL) == 1;
}

bool vm_dev_is_emulated_uart(const struct config *cfg, size_t vm, size_t i,
                             uint64_t base, uint64_t size)
{
    return is_console_dev(&cfg->vmlist[vm].platform.devs[i], base, size) &&
           !vm_owns_console_uart(cfg, vm, base, size);
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
        return fail(err,
                    "VM %zu: platform.devs[%zu] (pa 0x%lx, va 0x%lx, size "
                    "0x%lx): the console UART other VMs also list is emulated "
                    "for each one, so its entry must be exactly pa = va = "
                    "0x%lx, size 0x%lx",
                    vm, i, d->pa, d->va, d->size, t->console_base,
                    t->console_size);
    for (size_t j = 0; j < d->interrupt_num; j++) {
        if (d->interrupts[j] != t->console_irq)
            return fail(err,
                        "VM %zu: platform.devs[%zu].interrupts[%zu] = %lu: "
                        "the console UART other VMs also list is emulated "
                        "and raises only interrupt %u",
                        vm, i, j, d->interrupts[j], t->console_irq);
    }
    return 0;
}

/*
 * A VM that does not own the console UART finds an emulated one at its
 * address and interrupt (vm_uart.c): nothing else of the VM may use them.
 */
static int check_emulated_uart(const struct config *cfg, size_t vm,
                               const struct config_target *t,
                               struct config_error *err)
{
    const struct vm_platform *p = &cfg->vmlist[vm].platform;

    if (!t->console_size ||
        vm_owns_console_uart(cfg, vm, t->console_base, t->console_size))
        return 0;
    for (size_t i = 0; i < p->region_num; i++) {
        if (ranges_overlap(p->regions[i].base, p->regions[i].size,
                           t->console_base, t->console_size))
            return fail(err,
                        "VM %zu: platform.regions[%zu] covers 0x%lx, where "
                        "the VM's emulated console UART is",
                        vm, i, t->console_base);
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *ipc = &p->ipcs[i];

        if (ranges_overlap(ipc->base, ipc->size, t->console_base,
                           t->console_size))
            return fail(err,
                        "VM %zu: platform.ipcs[%zu] covers 0x%lx, where the "
                        "VM's emulated console UART is",
                        vm, i, t->console_base);
        for (size_t j = 0; t->console_irq && j < ipc->interrupt_num; j++) {
            if (ipc->interrupts[j] == t->console_irq)
                return fail(err,
                            "VM %zu: platform.ipcs[%zu].interrupts[%zu] = %u "
                            "is the interrupt of the VM's emulated console "
                            "UART",
                            vm, i, j, t->console_irq);
        }
    }
    if (p->arch.irqc.plic.base &&
        ranges_overlap(p->arch.irqc.plic.base, t->irqc_size, t->console_base,
                       t->console_size))
        return fail(err,
                    "VM %zu: platform.arch.irqc.plic.base window covers "
                    "0x%lx, where the VM's emulated console UART is",
                    vm, t->console_base);
    for (size_t i = 0; i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];

        if (is_console_dev(d, t->console_base, t->console_size)) {
            if (check_shared_uart_entry(d, vm, i, t, err))
                return -1;
            continue;
        }
        if (ranges_overlap(d->va, d->size, t->console_base, t->console_size))
            return fail(err,
                        "VM %zu: platform.devs[%zu].va 0x%lx covers 0x%lx, "
                        "where the VM's emulated console UART is",
                        vm, i, d->va, t->console_base);
        for (size_t j = 0; t->console_irq && j < d->interrupt_num; j++) {
            if (d->interrupts[j] == t->console_irq)
                return fail(err,
                            "VM %zu: platform.devs[%zu].interrupts[%zu] = %u "
                            "is the interrupt of the VM's emulated console "
                            "UART; list it with the UART's entry, or drop it",
                            vm, i, j, t->console_irq);
        }
    }
    return 0;
}

/* `mask` (the field named `field`) names only colours the platform has. */
static int check_colour_mask(const char *field, colormap_t mask,
                             const struct config_target *t,
                             struct config_error *err)
{
    if (!t->colours)
        return fail(err,
                    "%s 0x%lx: the platform describes no shared cache to "
                    "colour",
                    field, mask);
    if (t->colours < COLOUR_MAX && mask >> t->colours)
        return fail(err, "%s 0x%lx: the platform has %u colours (bits 0 to %u)",
                    field, mask, t->colours, t->colours - 1);
    return 0;
}

/* Colours exist on the platform; a placed object has its own addresses. */
static int check_shmem_colours(const struct shmem *s, size_t i,
                               const struct config_target *t,
                               struct config_error *err)
{
    char field[96];

    if (!s->colors)
        return 0;
    if (s->place_phys)
        return fail(err,
                    "config: shmemlist[%zu]: colors and place_phys exclude "
                    "each other (a placed object is contiguous)",
                    i);
    snprintf(field, sizeof(field), "config: shmemlist[%zu].colors", i);
    return check_colour_mask(field, s->colors, t, err);
}

/*
 * A region is coloured with its own colors, else the VM's. It cannot be
 * when its pages are fixed: placed, or holding an inplace image.
 */
static int check_region_colours(const struct vm_config *c, size_t vm, size_t i,
                                const struct config_target *t,
                                struct config_error *err)
{
    const struct vm_mem_region *r = &c->platform.regions[i];
    colormap_t mask = vm_region_colours(c, r);
    char field[96];

    if (!mask)
        return 0;
    snprintf(field, sizeof(field), "VM %zu: platform.regions[%zu].colors", vm,
             i);
    if (r->colors && check_colour_mask(field, r->colors, t, err))
        return -1;
    if (r->place_phys)
        return fail(err,
                    "VM %zu: platform.regions[%zu] is placed (place_phys) and "
                    "cannot be coloured (colors 0x%lx)",
                    vm, i, mask);
    if (c->image.inplace &&
        range_contains(r->base, r->size, c->image.base_addr, c->image.size))
        return fail(err,
                    "VM %zu: platform.regions[%zu] holds the inplace image "
                    "and cannot be coloured (colors 0x%lx)",
                    vm, i, mask);
    return 0;
}

static int check_vm_colours(const struct vm_config *c, size_t vm,
                            const struct config_target *t,
                            struct config_error *err)
{
    char field[96];

    snprintf(field, sizeof(field), "VM %zu: colors", vm);
    if (c->colors && check_colour_mask(field, c->colors, t, err))
        return -1;
    for (size_t i = 0; i < c->platform.region_num; i++) {
        if (check_region_colours(c, vm, i, t, err))
            return -1;
    }
    return 0;
}

static int check_vm(const struct config *cfg, size_t vm,
                    const struct config_target *t, struct config_error *err)
{
    const struct vm_config *c = &cfg->vmlist[vm];

    if (c->platform.cpu_num == 0)
        return fail(err, "VM %zu: platform.cpu_num is 0", vm);
    if (c->platform.cpu_num > MAX_CPUS)
        return fail(err, "VM %zu: platform.cpu_num %zu exceeds the limit of %d",
                    vm, c->platform.cpu_num, MAX_CPUS);
    if ((unsigned)c->fault_policy > VM_FAULT_RESTART)
        return fail(err, "VM %zu: fault_policy %u is not a valid policy", vm,
                    (unsigned)c->fault_policy);
    if (check_memory(c, vm, t, err) || check_image(c, vm, t, err) ||
        check_devices(c, vm, t, err) || check_ipcs(cfg, c, vm, err) ||
        check_irqc(c, vm, t, err) || check_emulated_uart(cfg, vm, t, err) ||
        check_vm_colours(c, vm, t, err))
        return -1;
    return 0;
}

/*
 * Two VMs' devices on the same physical device or interrupt. The console
 * UART is the one exception: the hypervisor multiplexes it, so VMs that
 * list it each get an emulated one (check_emulated_uart checked their
 * entries).
 */
static int check_dev_pair(const struct vm_dev_region *da, size_t ai, size_t i,
                          const struct vm_dev_region *db, size_t bi, size_t j,
                          const struct config_target *t,
                          struct config_error *err)
{
    if (is_console_dev(da, t->console_base, t->console_size) &&
        is_console_dev(db, t->console_base, t->console_size))
        return 0;
    if (ranges_overlap(da->pa, da->size, db->pa, db->size))
        return fail(err,
                    "VM %zu devs[%zu] and VM %zu devs[%zu] both claim device "
                    "memory at 0x%lx: a device (its registers, interrupt and "
                    "DMA) cannot be shared safely between VMs; give it to one "
                    "VM (and share its service through shared memory and IPC)",
                    ai, i, bi, j, MAX(da->pa, db->pa));
    for (size_t x = 0; x < da->interrupt_num; x++) {
        for (size_t y = 0; y < db->interrupt_num; y++) {
            if (da->interrupts[x] == db->interrupts[y])
                return fail(err,
                            "VM %zu devs[%zu] and VM %zu devs[%zu] both claim "
                            "interrupt %lu: a physical interrupt goes to one "
                            "VM; give the device to one VM",
                            ai, i, bi, j, da->interrupts[x]);
        }
    }
    return 0;
}

/* Physical resources no two VMs may share: placed RAM, devices, IRQs. */
static int check_pair(const struct vm_config *a, size_t ai,
                      const struct vm_config *b, size_t bi,
                      const struct config_target *t, struct config_error *err)
{
    for (size_t i = 0; i < a->platform.region_num; i++) {
        const struct vm_mem_region *ra = &a->platform.regions[i];
        for (size_t j = 0; j < b->platform.region_num; j++) {
            const struct vm_mem_region *rb = &b->platform.regions[j];
            if (ra->place_phys && rb->place_phys &&
                ranges_overlap(ra->phys, ra->size, rb->phys, rb->size))
                return fail(err,
                            "VM %zu regions[%zu] and VM %zu regions[%zu] are "
                            "placed on the same physical memory (0x%lx)",
                            ai, i, bi, j, MAX(ra->phys, rb->phys));
        }
    }
    for (size_t i = 0; i < a->platform.dev_num; i++) {
        for (size_t j = 0; j < b->platform.dev_num; j++) {
            if (check_dev_pair(&a->platform.devs[i], ai, i,
                               &b->platform.devs[j], bi, j, t, err))
                return -1;
        }
    }
    return 0;
}

/* Whether [base, base + size) is physical memory a VM region is placed on. */
static bool on_placed_region(const struct config *cfg, uint64_t base,
                             uint64_t size)
{
    for (size_t v = 0; v < cfg->vmlist_size; v++) {
        const struct vm_platform *p = &cfg->vmlist[v].platform;

        for (size_t i = 0; p->regions && i < p->region_num; i++) {
            if (p->regions[i].place_phys &&
                ranges_overlap(p->regions[i].phys, p->regions[i].size, base,
                               size))
                return true;
        }
    }
    return false;
}

static int check_shmem_placement(const struct config *cfg, size_t i,
                                 const struct config_target *t,
                                 struct config_error *err)
{
    const struct shmem *s = &cfg->shmemlist[i];

    if (!s->place_phys)
        return 0;
    if (!page_aligned(s->phys))
        return fail(err,
                    "config: shmemlist[%zu].phys 0x%lx is not aligned to "
                    "0x%lx",
                    i, s->phys, PAGE_SIZE);
    if (ranges_overlap(s->phys, s->size, t->hyp_base, t->hyp_size) ||
        ranges_overlap(s->phys, s->size, t->fw_base, t->fw_size) ||
        on_placed_region(cfg, s->phys, s->size))
        return fail(err,
                    "config: shmemlist[%zu].phys 0x%lx+0x%zx overlaps the "
                    "hypervisor, the firmware or a placed VM region",
                    i, s->phys, s->size);
    for (size_t j = 0; j < i; j++) {
        const struct shmem *o = &cfg->shmemlist[j];

        if (o->place_phys && ranges_overlap(o->phys, o->size, s->phys, s->size))
            return fail(err,
                        "config: shmemlist[%zu] and shmemlist[%zu] are placed "
                        "on the same physical memory",
                        j, i);
    }
    return 0;
}

static int check_shmems(const struct config *cfg, const struct config_target *t,
                        struct config_error *err)
{
    if (cfg->shmemlist_size && !cfg->shmemlist)
        return fail(err, "config: shmemlist is NULL");
    if (cfg->shmemlist_size > MAX_SHMEMS)
        return fail(err, "config: shmemlist_size %zu exceeds the limit of %d",
                    cfg->shmemlist_size, MAX_SHMEMS);
    for (size_t i = 0; i < cfg->shmemlist_size; i++) {
        if (cfg->shmemlist[i].size == 0 ||
            !page_aligned(cfg->shmemlist[i].size))
            return fail(err,
                        "config: shmemlist[%zu].size 0x%zx must be a non-zero "
                        "multiple of 0x%lx",
                        i, cfg->shmemlist[i].size, PAGE_SIZE);
        if (check_shmem_placement(cfg, i, t, err) ||
            check_shmem_colours(&cfg->shmemlist[i], i, t, err))
            return -1;
    }
    return 0;
}

/* A shmem's channel_size must leave room for two channels in each window. */
static int check_channels(const struct config *cfg, struct config_error *err)
{
    for (size_t s = 0; s < cfg->shmemlist_size; s++) {
        size_t c = cfg->shmemlist[s].channel_size;

        if (!c)
            continue;
        if (ipc_sharers(cfg, s) != 2)
            return fail(err,
                        "config: shmemlist[%zu].channel_size is set but %zu "
                        "VMs map it (channels need exactly 2)",
                        s, ipc_sharers(cfg, s));
        for (size_t v = 0; v < cfg->vmlist_size; v++) {
            const struct vm_platform *p = &cfg->vmlist[v].platform;

            for (size_t i = 0; i < p->ipc_num; i++) {
                if (p->ipcs[i].shmem_id == s && p->ipcs[i].size / 2 < c)
                    return fail(err,
                                "config: shmemlist[%zu].channel_size 0x%zx: "
                                "two channels do not fit VM %zu's "
                                "platform.ipcs[%zu] (0x%zx)",
                                s, c, v, i, p->ipcs[i].size);
            }
        }
    }
    return 0;
}

struct config_target config_target_for_platform(const struct platform *p,
                                                uint64_t hart_mask)
{
    struct config_target t = {
        .hart_mask = hart_mask,
        .fw_base = p->firmware.base,
        .fw_size = p->firmware.size,
        .irq_sources = p->arch.plic.num_sources,
        .irqc_size = p->arch.plic.size,
        .console_base = p->console_uart.base,
        .console_size = p->console_uart.size,
        .console_irq = p->console_uart.irq,
        .colours = colour_count(p->llc.size, p->llc.ways),
    };
    return t;
}

static unsigned unapplied(config_note_fn note, void *arg, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static unsigned unapplied(config_note_fn note, void *arg, const char *fmt, ...)
{
    struct config_error msg;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg.msg, sizeof(msg.msg), fmt, ap);
    va_end(ap);
    note(msg.msg, arg);
    return 1;
}

unsigned config_unapplied(const struct config *cfg, config_note_fn note,
                          void *arg)
{
    unsigned n = 0;

    if (cfg->hyp.colors)
        n += unapplied(note, arg,
                       "hyp.colors 0x%lx not applied: the hypervisor's own "
                       "memory is not coloured yet",
                       cfg->hyp.colors);
    if (cfg->hyp.relocate)
        n += unapplied(note, arg,
                       "hyp.relocate not applied: the hypervisor runs where "
                       "the firmware loads it");
    for (size_t vm = 0; vm < cfg->vmlist_size; vm++) {
        const struct vm_platform *p = &cfg->vmlist[vm].platform;

        for (size_t i = 0; p->devs && i < p->dev_num; i++) {
            if (p->devs[i].id)
                n += unapplied(note, arg,
                               "VM %zu: platform.devs[%zu].id 0x%lx not "
                               "applied: no IOMMU is used",
                               vm, i, (unsigned long)p->devs[i].id);
        }
    }
    return n;
}

/* "VM 0 and VM 1", "VM 0, VM 1 and VM 2": the VMs listing the UART. */
static void uart_listers_text(const struct config *cfg,
                              const struct config_target *t, char *buf,
                              size_t len)
{
    size_t total =
        console_uart_listers(cfg, t->console_base, t->console_size, NULL);
    size_t seen = 0, n = 0;

    buf[0] = '\0';
    for (size_t vm = 0; vm < cfg->vmlist_size && n < len; vm++) {
        if (!vm_has_device_at(&cfg->vmlist[vm].platform, t->console_base,
                              t->console_size))
            continue;
        seen++;
        n += (size_t)snprintf(buf + n, len - n, "%sVM %zu",
                              seen == 1       ? ""
                              : seen == total ? " and "
                                              : ", ",
                              vm);
    }
}

unsigned config_notes(const struct config *cfg, const struct config_target *t,
                      config_note_fn note, void *arg)
{
    size_t owner = 0;
    size_t n =
        console_uart_listers(cfg, t->console_base, t->console_size, &owner);
    char who[96];

    if (!t->console_size || n == 0)
        return 0;
    if (n == 1)
        return unapplied(note, arg,
                         "VM %zu has the console UART 0x%lx passed through: "
                         "the hypervisor still prints its own lines there "
                         "but reads no input from it%s",
                         owner, t->console_base,
                         cfg->vmlist_size > 1
                             ? " (the other VMs' emulated UARTs get none)"
                             : "");
    uart_listers_text(cfg, t, who, sizeof(who));
    return unapplied(note, arg,
                     "%s list the console UART 0x%lx: each gets an emulated "
                     "16550 there (output tagged, input by Ctrl-\\ N)",
                     who, t->console_base);
}

bool vm_has_device_at(const struct vm_platform *p, uint64_t base, uint64_t size)
{
    for (size_t i = 0; p->devs && i < p->dev_num; i++) {
        if (ranges_overlap(p->devs[i].pa, p->devs[i].size, base, size))
            return true;
    }
    return false;
}

int config_check(const struct config *cfg, const struct config_target *target,
                 unsigned harts[MAX_VMS][MAX_CPUS], struct config_error *err)
{
    unsigned placement[MAX_VMS][MAX_CPUS];

    if (cfg->vmlist_size == 0)
        return fail(err, "config: vmlist_size is 0: there is no VM to run");
    if (cfg->vmlist_size > MAX_VMS)
        return fail(err, "config: vmlist_size %zu exceeds the limit of %d",
                    cfg->vmlist_size, MAX_VMS);
    if (!cfg->vmlist)
        return fail(err, "config: vmlist is NULL");
    if (check_shmems(cfg, target, err))
        return -1;
    for (size_t i = 0; i < cfg->vmlist_size; i++) {
        if (check_vm(cfg, i, target, err))
            return -1;
        for (size_t j = 0; j < i; j++) {
            if (check_pair(&cfg->vmlist[j], j, &cfg->vmlist[i], i, target, err))
                return -1;
        }
    }
    if (check_channels(cfg, err))
        return -1;
    return hart_map_assign(cfg, target->hart_mask, harts ? harts : placement,
                           err);
}
