/* SPDX-License-Identifier: Apache-2.0 */
#include <arch_hooks.h>
#include <console.h>
#include <cpu.h>
#include <lib/string.h>
#include <lib/util.h>
#include <page_alloc.h>
#include <vm.h>
#include <vm_build.h>

static struct vcpu vcpu_pool[MAX_CPUS];
static unsigned vcpu_pool_used;

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

static bool place_region(const struct vm_mem_region *r, uint64_t *hpa)
{
    if (r->place_phys) {
        *hpa = r->phys;
        return page_alloc_claim(&ram_alloc, r->phys, r->size);
    }
    /* Try the alignment that gives the largest pages, then settle. */
    for (uint64_t align = best_alignment(r->base, r->size);;
         align = align > 2 * MIB ? 2 * MIB : PAGE_SIZE) {
        if (page_alloc_get(&ram_alloc, r->size, align, hpa))
            return true;
        if (align == PAGE_SIZE)
            return false;
    }
}

static int build_memory(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->region_num; i++) {
        const struct vm_mem_region *r = &p->regions[i];
        struct vm_mem *m = &vm->mem[vm->mem_num];

        if (!place_region(r, &m->hpa)) {
            log_error("VM %u: regions[%zu]: no free RAM for 0x%lx bytes%s",
                      vm->id, i, r->size,
                      r->place_phys ? " at the requested phys" : "");
            return -1;
        }
        m->gpa = r->base;
        m->size = r->size;
        if (arch_vm_map(vm, m->gpa, m->hpa, m->size, 1, 1)) {
            log_error("VM %u: regions[%zu]: stage-2 mapping failed", vm->id, i);
            return -1;
        }
        vm->mem_num++;
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
        if (arch_vm_map(vm, d->va, d->pa, d->size, 1, 0)) {
            log_error("VM %u: devs[%zu]: stage-2 mapping failed", vm->id, i);
            return -1;
        }
    }
    return 0;
}

int vm_load_image(struct vm *vm)
{
    const struct vm_config *cfg = vm->cfg;
    uint64_t hpa;

    for (unsigned i = 0; i < vm->mem_num; i++) {
        void *va = arch_hyp_map_phys(vm->mem[i].hpa, vm->mem[i].size);
        memset(va, 0, vm->mem[i].size);
        arch_hyp_unmap_phys(vm->mem[i].hpa, vm->mem[i].size);
    }
    if (!vm_gpa_to_hpa(vm, cfg->image.base_addr, cfg->image.size, &hpa)) {
        log_error("VM %u: image does not fit in one memory region", vm->id);
        return -1;
    }
    memcpy(arch_hyp_map_phys(hpa, cfg->image.size),
           (const void *)(uintptr_t)cfg->image.load_addr, cfg->image.size);
    arch_hyp_unmap_phys(hpa, cfg->image.size);
    return 0;
}

static void build_vcpus(struct vm *vm, const unsigned *harts)
{
    vm->vcpus = &vcpu_pool[vcpu_pool_used];
    vcpu_pool_used += vm->vcpu_num;
    for (unsigned i = 0; i < vm->vcpu_num; i++) {
        struct vcpu *v = &vm->vcpus[i];

        v->vm = vm;
        v->id = i;
        v->hart = harts[i];
        v->state = VCPU_STOPPED;
        cpus[harts[i]].vcpu = v;
    }
    /* vCPU 0 boots at the entry point (ARCHITECTURE 3.3); a1 = its DTB. */
    vm->vcpus[0].start_addr = vm->cfg->entry;
    vm->vcpus[0].start_arg = 0;
    vm->vcpus[0].state = VCPU_START_PENDING;
}

int vm_build(unsigned id, const struct vm_config *cfg, const unsigned *harts)
{
    struct vm *vm = &vms[id];

    vm->id = id;
    vm->cfg = cfg;
    vm->vcpu_num = (unsigned)cfg->platform.cpu_num;
    vm->state = VM_RUNNING;
    if (arch_vm_init(vm)) {
        log_error("VM %u: no memory for its stage-2 page table", id);
        return -1;
    }
    if (build_memory(vm) || build_devices(vm) || vm_load_image(vm))
        return -1;
    build_vcpus(vm, harts);
    return 0;
}
