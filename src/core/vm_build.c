/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/clear_plan.h>
#include <core/colour.h>
#include <core/config_query.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/ipc.h>
#include <core/irq.h>
#include <core/page_alloc.h>
#include <core/platform.h>
#include <core/vcpu.h>
#include <core/vm.h>
#include <core/vm_build.h>
#include <core/vm_dtb.h>
#include <core/vm_layout.h>
#include <core/vm_mem.h>
#include <core/vm_uart.h>
#include <lib/string.h>
#include <lib/util.h>

static struct vcpu vcpu_pool[MAX_CPUS];

/* Largest alignment up to 1 GiB that keeps gpa and size superpage-able. */
static uint64_t best_alignment(uint64_t gpa, uint64_t size)
{
    static const uint64_t sizes[] = {GIB, 2 * MIB};

    for (unsigned i = 0; i < ARRAY_SIZE(sizes); i++) {
        if (IS_ALIGNED(gpa, sizes[i]) && size >= sizes[i])
            return sizes[i];
    }
    return PAGE_SIZE;
}

int vm_claim_placed_regions(const struct config *cfg)
{
    for (size_t v = 0; v < cfg->vmlist_size; v++) {
        const struct vm_platform *p = &cfg->vmlist[v].platform;

        for (size_t i = 0; i < p->region_num; i++) {
            const struct vm_mem_region *r = &p->regions[i];

            if (r->place_phys &&
                page_alloc_claim(&ram_alloc, r->phys, r->size)) {
                log_error("VM %zu: regions[%zu].phys 0x%lx+0x%lx is not free "
                          "RAM on this machine",
                          v, i, r->phys, r->size);
                return -1;
            }
        }
    }
    return 0;
}

static int place_region(const struct vm_config *cfg,
                        const struct vm_mem_region *r, uint64_t gpa,
                        struct colour_mem *pages)
{
    uint64_t size = pages->pages * PAGE_SIZE;

    pages->mask = 0;
    if (r->place_phys) {
        /* Claimed at boot by vm_claim_placed_regions(). */
        pages->base = r->phys + (gpa - r->base);
        return 0;
    }
    if (vm_region_colours(cfg, r))
        return colour_alloc(&ram_colours, pages->pages,
                            vm_region_colours(cfg, r), pages);
    /* Try the alignment that gives the largest pages, then settle. */
    for (uint64_t align = best_alignment(gpa, size);;
         align = align > 2 * MIB ? 2 * MIB : PAGE_SIZE) {
        if (page_alloc_get(&ram_alloc, size, align, &pages->base) == 0)
            return 0;
        if (align == PAGE_SIZE)
            return -1;
    }
}

static int add_allocated(struct vm *vm, const struct vm_mem_region *r, size_t i,
                         uint64_t gpa, uint64_t size)
{
    struct colour_mem pages = {.pages = size / PAGE_SIZE};

    if (size == 0)
        return 0;
    if (place_region(vm->cfg, r, gpa, &pages)) {
        log_error("VM %u: regions[%zu]: no free RAM for 0x%lx bytes%s", vm->id,
                  i, size,
                  r->place_phys                   ? " at the requested phys"
                  : vm_region_colours(vm->cfg, r) ? " of its colours"
                                                  : "");
        return -1;
    }
    if (vm_mem_add(vm, gpa, &pages)) {
        log_error("VM %u: regions[%zu]: stage-2 mapping failed", vm->id, i);
        return -1;
    }
    return 0;
}

/* Guest pages of an `inplace` image: the image's own pages in bao.bin. */
static uint64_t inplace_size(const struct vm_config *cfg)
{
    return ALIGN_UP(cfg->image.size, PAGE_SIZE);
}

static bool region_holds_inplace_image(const struct vm_config *cfg,
                                       const struct vm_mem_region *r)
{
    return cfg->image.inplace &&
           range_contains(r->base, r->size, cfg->image.base_addr,
                          cfg->image.size);
}

static int build_region(struct vm *vm, const struct vm_mem_region *r, size_t i)
{
    const struct vm_config *cfg = vm->cfg;
    uint64_t img = cfg->image.base_addr, img_end = img + inplace_size(cfg);
    struct colour_mem image = {.base = cfg->image.load_addr,
                               .pages = inplace_size(cfg) / PAGE_SIZE};

    if (!region_holds_inplace_image(cfg, r))
        return add_allocated(vm, r, i, r->base, r->size);
    /* RAM below the image, the image itself, RAM above it. */
    if (add_allocated(vm, r, i, r->base, img - r->base))
        return -1;
    if (vm_mem_add(vm, img, &image)) {
        log_error("VM %u: image: stage-2 mapping failed", vm->id);
        return -1;
    }
    return add_allocated(vm, r, i, img_end, r->base + r->size - img_end);
}

static int build_memory(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->region_num; i++) {
        if (build_region(vm, &p->regions[i], i))
            return -1;
    }
    return 0;
}

static int build_devices(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];

        if (d->size == 0)
            continue;
        /* Listed by several VMs: each gets the emulated one (vm_uart.c). */
        if (vm_dev_is_emulated_uart(&config, vm->id, i,
                                    platform.console_uart.base,
                                    platform.console_uart.size))
            continue;
        if (arch_vm_map(vm, d->va, d->pa, d->size, 1, 0)) {
            log_error("VM %u: devs[%zu]: stage-2 mapping failed", vm->id, i);
            return -1;
        }
    }
    return 0;
}

/* Copy the image in; a separately loaded one is mapped only meanwhile. */
static void copy_image(struct vm *vm)
{
    const struct vm_config *cfg = vm->cfg;
    const void *src = (const void *)(uintptr_t)cfg->image.load_addr;

    if (cfg->image.separately_loaded)
        src = arch_hyp_map_phys(cfg->image.load_addr, cfg->image.size);
    vm_mem_copy_in(vm, cfg->image.base_addr, src, cfg->image.size);
    if (cfg->image.separately_loaded)
        arch_hyp_unmap_phys(cfg->image.load_addr, cfg->image.size);
}

/* The VM's device tree: its own, or the one generated for the machine's
 * guest timer. */
static struct vm_blob choose_device_tree(const struct vm *vm)
{
    struct vm_blob blob = vm->cfg->dtb;

    if (blob.size == 0 && vm->id < vm_dtb_count) {
        const struct vm_dtb_entry *gen = &vm_dtb_table[vm->id];
        bool direct = arch_guest_timer_is_direct();

        blob.load_addr = (uint64_t)(uintptr_t)(direct ? gen->timer_direct
                                                      : gen->timer_emulated);
        blob.size = direct ? gen->timer_direct_size : gen->timer_emulated_size;
    }
    return blob;
}

static void copy_boot_blobs(struct vm *vm)
{
    const struct vm_config *cfg = vm->cfg;
    struct vm_layout layout;

    if (vm_layout_compute(cfg, &layout))
        return;
    if (cfg->initrd.size)
        vm_mem_copy_in(vm, layout.initrd_gpa,
                       (const void *)(uintptr_t)cfg->initrd.load_addr,
                       cfg->initrd.size);
    if (vm->dtb.size)
        vm_mem_copy_in(vm, layout.dtb_gpa,
                       (const void *)(uintptr_t)vm->dtb.load_addr,
                       vm->dtb.size);
}

/*
 * What the hypervisor copies into the VM, exactly: the image (an inplace
 * one's own pages, which are in bao.bin), the initrd and the device tree.
 * The clear leaves these out; everything else of the VM's RAM is cleared.
 */
static size_t keep_ranges(const struct vm *vm,
                          struct gpa_range keep[CLEAR_KEEP_MAX])
{
    const struct vm_config *cfg = vm->cfg;
    struct vm_layout layout;
    size_t n = 0;

    keep[n++] = (struct gpa_range){cfg->image.base_addr, cfg->image.inplace
                                                             ? inplace_size(cfg)
                                                             : cfg->image.size};
    if (vm_layout_compute(cfg, &layout) == 0) {
        keep[n++] = (struct gpa_range){layout.initrd_gpa, cfg->initrd.size};
        keep[n++] = (struct gpa_range){layout.dtb_gpa, vm->dtb.size};
    }
    return n;
}

static void clear_run(void *ctx, uint64_t gpa, uint64_t size)
{
    arch_guest_clear(ctx, gpa, size);
}

void vm_clear_share(struct vm *vm, unsigned share, unsigned shares)
{
    struct clear_plan plan;

    plan.ram_num = vm->mem_num;
    for (unsigned i = 0; i < vm->mem_num; i++)
        plan.ram[i] = (struct gpa_range){vm->mem[i].gpa, vm->mem[i].size};
    plan.keep_num = keep_ranges(vm, plan.keep);
    clear_plan_share(&plan, share, shares, clear_run, vm);
}

static void copy_in(struct vm *vm)
{
    if (!vm->cfg->image.inplace)
        copy_image(vm);
    copy_boot_blobs(vm);
}

void vm_load_image(struct vm *vm)
{
    vm_clear_share(vm, 0, 1);
    copy_in(vm);
}

void vm_boot_clear(struct vcpu *vcpu)
{
    struct vm *vm = vcpu->vm;
    struct vcpu *boot = &vm->vcpus[0];

    vm_clear_share(vm, vcpu->id, vm->vcpu_num);
    /* The last share done starts vCPU 0 (acq_rel: the other harts' clears
     * happen before it, and through vcpu_start, before the guest runs). */
    if (__atomic_sub_fetch(&vm->clear_left, 1, __ATOMIC_ACQ_REL) == 0)
        vcpu_start(boot, boot->start_addr, boot->start_arg);
}

/*
 * VM id's vCPUs: those after the VMs before it in the configuration's
 * order (which the configuration check keeps within MAX_CPUS), so that the
 * same VM built again takes the same ones.
 */
static struct vcpu *vcpus_of(unsigned id, unsigned n)
{
    size_t first = 0;

    for (unsigned j = 0; j < id && j < config.vmlist_size; j++)
        first += config.vmlist[j].platform.cpu_num;
    return first + n <= MAX_CPUS ? &vcpu_pool[first] : NULL;
}

static int build_vcpus(struct vm *vm, const unsigned *harts)
{
    struct vm_layout layout;

    vm->vcpus = vcpus_of(vm->id, vm->vcpu_num);
    if (!vm->vcpus) {
        log_error("VM %u: more vCPUs than the hypervisor has (%u)", vm->id,
                  MAX_CPUS);
        return -1;
    }
    for (unsigned i = 0; i < vm->vcpu_num; i++) {
        struct vcpu *v = &vm->vcpus[i];

        v->vm = vm;
        v->id = i;
        v->hart = harts[i];
        v->state = VCPU_STOPPED;
        cpus[harts[i]].vcpu = v;
    }
    /* vCPU 0 boots at the entry point (docs/configuration.md); a1 = its DTB.
     * It starts once its VM's RAM is cleared (vm_boot_clear). */
    vm->boot_arg =
        vm_layout_compute(vm->cfg, &layout) == 0 ? layout.dtb_gpa : 0;
    vm->vcpus[0].start_addr = vm->cfg->entry;
    vm->vcpus[0].start_arg = vm->boot_arg;
    vm->clear_left = vm->vcpu_num;
    return 0;
}

/* Its interrupt controller, emulated UART, IPC sources and devices. */
static int build_interrupts(struct vm *vm)
{
    if (arch_vm_irqc_init(vm)) {
        log_error("VM %u: its interrupt controller cannot be set up", vm->id);
        return -1;
    }
    if (vm_uart_init(vm)) {
        log_error("VM %u: no room for its emulated UART", vm->id);
        return -1;
    }
    /* Virtual sources first: what is left of the devices' interrupts is
     * passed through. */
    return ipc_vm_init(vm) || irq_vm_take_devices(vm) ? -1 : 0;
}

int vm_build(unsigned id, const struct vm_config *cfg, const unsigned *harts)
{
    struct vm *vm = &vms[id];

    vm->id = id;
    vm->cfg = cfg;
    vm->vcpu_num = (unsigned)cfg->platform.cpu_num;
    vm->state = VM_RUNNING;
    vm->dtb = choose_device_tree(vm);
    if (arch_vm_init(vm)) {
        log_error("VM %u: no memory for its stage-2 page table", id);
        return -1;
    }
    if (build_memory(vm) || build_devices(vm))
        return -1;
    /* Before the interrupt controller: an MSI-mode VM's vCPUs get their
     * harts' interrupt files. */
    if (build_vcpus(vm, harts))
        return -1;
    if (build_interrupts(vm)) {
        /* A VM that is not there has no vCPU on any hart. */
        for (unsigned i = 0; i < vm->vcpu_num; i++)
            cpus[harts[i]].vcpu = NULL;
        vm->vcpus = NULL;
        return -1;
    }
    /* The copies now, on the boot hart alone; the clear of the rest is
     * shared by the VM's harts once they run (vm_boot_clear). */
    copy_in(vm);
    return 0;
}
