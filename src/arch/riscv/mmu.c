/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/csr.h>
#include <arch/mmu.h>
#include <arch/page_table.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/hyp_pool.h>
#include <core/vm.h>
#include <lib/util.h>

/* Linker script symbols. */
extern char _image_start[], _text_end[], _image_end[];

static struct page_table hyp_pt;

static void *table_alloc(void *ctx, size_t size)
{
    (void)ctx;
    return hyp_pool_alloc(size, size);
}

static int hyp_map(uint64_t base, uint64_t size, uint64_t flags)
{
    return pt_map(&hyp_pt, base, base, size, flags | PTE_G);
}

int mmu_hyp_build(void)
{
    uint64_t start = (uint64_t)(uintptr_t)_image_start;
    uint64_t text_end = (uint64_t)(uintptr_t)_text_end;
    uint64_t end = ALIGN_UP((uint64_t)(uintptr_t)_image_end, PAGE_SIZE);

    hyp_pt.fmt = &pt_sv39;
    hyp_pt.alloc_table = table_alloc;
    hyp_pt.root =
        hyp_pool_alloc(pt_root_size(&pt_sv39), pt_root_size(&pt_sv39));
    if (!hyp_pt.root)
        return -1;
    if (hyp_map(start, text_end - start, PTE_R | PTE_X) ||
        hyp_map(text_end, end - text_end, PTE_R | PTE_W) ||
        hyp_map(hyp_pool_base(), hyp_pool_size(), PTE_R | PTE_W))
        return -1;
    return 0;
}

/* The whole pages covering [pa, pa + size). */
static uint64_t page_span(uint64_t pa, uint64_t size)
{
    return ALIGN_UP(pa + size, PAGE_SIZE) - ALIGN_DOWN(pa, PAGE_SIZE);
}

static void sfence_vma_all(void)
{
    __asm__ volatile("sfence.vma zero, zero" ::: "memory");
}

/* Before paging is on (the boot's devices) or after (the IOMMU, mapped
 * once the VMs are built): the fence makes the mapping visible now. */
int mmu_hyp_map_device(uint64_t base, uint64_t size)
{
    int ret = hyp_map(ALIGN_DOWN(base, PAGE_SIZE), page_span(base, size),
                      PTE_R | PTE_W);

    sfence_vma_all();
    return ret;
}

void mmu_hyp_enable(void)
{
    sfence_vma_all();
    csr_write(CSR_SATP, SATP_MODE_SV39 |
                            ((uint64_t)(uintptr_t)hyp_pt.root >> PAGE_SHIFT));
    sfence_vma_all();
}

void *arch_hyp_map_phys(uint64_t pa, uint64_t size)
{
    if (hyp_map(ALIGN_DOWN(pa, PAGE_SIZE), page_span(pa, size),
                PTE_R | PTE_W)) {
        log_error("cannot map 0x%lx+0x%lx for the hypervisor", pa, size);
        return NULL;
    }
    return (void *)(uintptr_t)pa;
}

void arch_hyp_unmap_phys(uint64_t pa, uint64_t size)
{
    pt_unmap(&hyp_pt, ALIGN_DOWN(pa, PAGE_SIZE), page_span(pa, size));
    sfence_vma_all();
}

/* Stage 2 (priv. spec 8.5): the VMID is the VM id + 1; 0 is never used. */
int arch_vm_init(struct vm *vm)
{
    size_t root_size = pt_root_size(&pt_sv39x4);

    vm->arch.stage2_root = hyp_pool_alloc(root_size, root_size);
    vm->arch.vmid = (uint16_t)(vm->id + 1);
    return vm->arch.stage2_root ? 0 : -1;
}

int arch_vm_map(struct vm *vm, uint64_t gpa, uint64_t hpa, uint64_t size,
                int writable, int executable)
{
    struct page_table pt = {.fmt = &pt_sv39x4,
                            .root = vm->arch.stage2_root,
                            .alloc_table = table_alloc};
    /* Stage-2 leaves must have U set: guest accesses count as user (8.5.1). */
    uint64_t flags =
        PTE_R | PTE_U | (writable ? PTE_W : 0) | (executable ? PTE_X : 0);

    return pt_map(&pt, gpa, hpa, size, flags);
}

uint64_t mmu_vm_hgatp(const struct vm *vm)
{
    return HGATP_MODE_SV39X4 | ((uint64_t)vm->arch.vmid << HGATP_VMID_SHIFT) |
           ((uint64_t)(uintptr_t)vm->arch.stage2_root >> PAGE_SHIFT);
}

void mmu_vm_activate(const struct vm *vm)
{
    csr_write(CSR_HGATP, mmu_vm_hgatp(vm));
    __asm__ volatile(".option push\n.option arch, +h\n"
                     "hfence.gvma zero, zero\n.option pop" ::
                         : "memory");
}
