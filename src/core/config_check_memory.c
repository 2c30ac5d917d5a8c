/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The memory section of the configuration: a VM's regions, where they are
 * placed, and the image, device tree and initrd that go into them.
 */
#include <core/config_check_sections.h>
#include <core/vm_layout.h>

static int check_region(const struct vm_mem_region *r, size_t vm, size_t i,
                        const struct config_target *t, struct config_error *err)
{
    uint64_t limit = arch_config_gpa_limit();

    if (r->size == 0)
        return config_fail(err, "VM %zu: platform.regions[%zu].size is 0", vm,
                           i);
    if (!config_page_aligned(r->base) || !config_page_aligned(r->size))
        return config_fail(err,
                           "VM %zu: platform.regions[%zu]: base 0x%lx and "
                           "size 0x%lx must be multiples of 0x%lx",
                           vm, i, r->base, r->size, PAGE_SIZE);
    if (range_wraps(r->base, r->size) || r->base + r->size > limit)
        return config_fail(err,
                           "VM %zu: platform.regions[%zu]: 0x%lx+0x%lx is "
                           "beyond the guest-physical limit 0x%lx",
                           vm, i, r->base, r->size, limit);
    if (!r->place_phys)
        return 0;
    if (!config_page_aligned(r->phys) || range_wraps(r->phys, r->size))
        return config_fail(err,
                           "VM %zu: platform.regions[%zu].phys 0x%lx is not a "
                           "valid page-aligned address",
                           vm, i, r->phys);
    if (config_pa_unmappable(r->phys, r->size))
        return config_fail(err,
                           "VM %zu: platform.regions[%zu].phys 0x%lx+0x%lx is "
                           "beyond the physical limit 0x%lx stage 2 can map",
                           vm, i, r->phys, r->size, arch_config_pa_limit());
    if (ranges_overlap(r->phys, r->size, t->hyp_base, t->hyp_size) ||
        ranges_overlap(r->phys, r->size, t->fw_base, t->fw_size))
        return config_fail(err,
                           "VM %zu: platform.regions[%zu].phys 0x%lx+0x%lx "
                           "overlaps the hypervisor or the firmware",
                           vm, i, r->phys, r->size);
    return 0;
}

int config_check_memory(const struct vm_config *c, size_t vm,
                        const struct config_target *t, struct config_error *err)
{
    const struct vm_platform *p = &c->platform;

    if (p->region_num == 0)
        return config_fail(
            err, "VM %zu: platform.region_num is 0: a VM needs memory", vm);
    if (p->region_num > MAX_VM_REGIONS)
        return config_fail(err,
                           "VM %zu: platform.region_num %zu exceeds the limit "
                           "of %d",
                           vm, p->region_num, MAX_VM_REGIONS);
    if (!p->regions)
        return config_fail(err, "VM %zu: platform.regions is NULL", vm);
    for (size_t i = 0; i < p->region_num; i++) {
        if (check_region(&p->regions[i], vm, i, t, err))
            return -1;
        for (size_t j = 0; j < i; j++) {
            if (ranges_overlap(p->regions[i].base, p->regions[i].size,
                               p->regions[j].base, p->regions[j].size))
                return config_fail(err,
                                   "VM %zu: platform.regions[%zu] overlaps "
                                   "platform.regions[%zu]",
                                   vm, i, j);
        }
    }
    return 0;
}

static int check_image_source(const struct vm_config *c, size_t vm,
                              const struct config_target *t,
                              struct config_error *err)
{
    if (c->image.inplace && (!config_page_aligned(c->image.base_addr) ||
                             !config_page_aligned(c->image.load_addr)))
        return config_fail(err,
                           "VM %zu: image.inplace needs base_addr 0x%lx and "
                           "load_addr 0x%lx page-aligned",
                           vm, c->image.base_addr, c->image.load_addr);
    if (c->image.separately_loaded &&
        (range_wraps(c->image.load_addr, c->image.size) ||
         ranges_overlap(c->image.load_addr, c->image.size, t->hyp_base,
                        t->hyp_size) ||
         ranges_overlap(c->image.load_addr, c->image.size, t->fw_base,
                        t->fw_size)))
        return config_fail(err,
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
        return config_fail(err,
                           "VM %zu: dtb.size 0x%zx exceeds the device tree "
                           "slot (0x%x)",
                           vm, c->dtb.size, VM_DTB_SLOT_SIZE);
    if (vm_layout_compute(c, &l))
        return 0; /* entry outside memory is reported elsewhere */
    if (c->initrd.size &&
        (c->initrd.size >= l.dtb_gpa ||
         !config_in_one_region(&c->platform, l.low, c->initrd.size)))
        return config_fail(err,
                           "VM %zu: initrd.size 0x%zx does not fit below the "
                           "device tree in the region holding entry",
                           vm, c->initrd.size);
    if (ranges_overlap(c->image.base_addr, c->image.size, l.low,
                       l.dtb_gpa + VM_DTB_SLOT_SIZE - l.low))
        return config_fail(err,
                           "VM %zu: image (0x%lx, 0x%zx bytes) overlaps the "
                           "device tree%s at 0x%lx: leave the top 0x%lx bytes "
                           "of its region free",
                           vm, c->image.base_addr, c->image.size,
                           c->initrd.size ? " and initrd" : "", l.low,
                           l.dtb_gpa + VM_DTB_SLOT_SIZE - l.low);
    return 0;
}

int config_check_image(const struct vm_config *c, size_t vm,
                       const struct config_target *t, struct config_error *err)
{
    if (c->image.size == 0)
        return config_fail(
            err, "VM %zu: image.size is 0 (empty or missing image)", vm);
    if (!config_in_one_region(&c->platform, c->image.base_addr, c->image.size))
        return config_fail(err,
                           "VM %zu: image (0x%lx, 0x%zx bytes) does not fit "
                           "inside one of its memory regions",
                           vm, c->image.base_addr, c->image.size);
    if (!config_in_one_region(&c->platform, c->entry, 2))
        return config_fail(err,
                           "VM %zu: entry 0x%lx is outside the VM's memory", vm,
                           c->entry);
    if (check_image_source(c, vm, t, err))
        return -1;
    return check_boot_blobs(c, vm, err);
}

int config_check_placed_pair(const struct vm_config *a, size_t ai,
                             const struct vm_config *b, size_t bi,
                             struct config_error *err)
{
    for (size_t i = 0; i < a->platform.region_num; i++) {
        const struct vm_mem_region *ra = &a->platform.regions[i];

        for (size_t j = 0; j < b->platform.region_num; j++) {
            const struct vm_mem_region *rb = &b->platform.regions[j];

            if (ra->place_phys && rb->place_phys &&
                ranges_overlap(ra->phys, ra->size, rb->phys, rb->size))
                return config_fail(err,
                                   "VM %zu: platform.regions[%zu] and VM "
                                   "%zu's platform.regions[%zu] are placed on "
                                   "the same physical memory (0x%lx)",
                                   ai, i, bi, j, MAX(ra->phys, rb->phys));
        }
    }
    return 0;
}

bool config_on_placed_region(const struct config *cfg, uint64_t base,
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
