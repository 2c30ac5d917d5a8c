/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/vm.h>
#include <core/vm_mem.h>
#include <lib/string.h>
#include <lib/util.h>

/* Runs of host-contiguous pages are mapped with one call each. */
int vm_map_pages(struct vm *vm, uint64_t gpa, const struct colour_mem *p,
                 uint64_t size, bool executable)
{
    uint64_t pages = size / PAGE_SIZE, run = 0;

    if (!p->mask)
        return arch_vm_map(vm, gpa, p->base, size, 1, executable);
    for (uint64_t i = 1; i <= pages; i++) {
        if (i < pages && colour_page(p, i) == colour_page(p, i - 1) + PAGE_SIZE)
            continue;
        if (arch_vm_map(vm, gpa + run * PAGE_SIZE, colour_page(p, run),
                        (i - run) * PAGE_SIZE, 1, executable))
            return -1;
        run = i;
    }
    return 0;
}

int vm_mem_add(struct vm *vm, uint64_t gpa, const struct colour_mem *pages)
{
    struct vm_mem *m = &vm->mem[vm->mem_num];

    if (vm->mem_num == ARRAY_SIZE(vm->mem) ||
        vm_map_pages(vm, gpa, pages, pages->pages * PAGE_SIZE, true))
        return -1;
    m->gpa = gpa;
    m->size = pages->pages * PAGE_SIZE;
    m->pages = *pages;
    vm->mem_num++;
    return 0;
}

/* Copy into one piece from byte `off` on, a host-contiguous run at a time. */
static void copy_into(const struct vm_mem *m, uint64_t off, const uint8_t *src,
                      size_t size)
{
    const struct colour_mem *p = &m->pages;
    uint8_t *va = arch_hyp_map_phys(p->base, colour_mem_span(p));

    while (va && size) {
        uint64_t in_page = off % PAGE_SIZE;
        size_t n = p->mask ? MIN(size, PAGE_SIZE - in_page) : size;

        memcpy(colour_mem_at(va, p, colour_page(p, off / PAGE_SIZE) + in_page),
               src, n);
        src += n;
        off += n;
        size -= n;
    }
    if (va)
        arch_hyp_unmap_phys(p->base, colour_mem_span(p));
}

void vm_mem_copy_in(struct vm *vm, uint64_t gpa, const void *src, size_t size)
{
    const uint8_t *s = src;
    const struct vm_mem *m;

    /* A range may cross from one piece into the next (an inplace image). */
    while (size && (m = vm_mem_at(vm, gpa, 0)) != NULL) {
        uint64_t off = gpa - m->gpa;
        size_t n = (size_t)MIN(size, m->size - off);

        copy_into(m, off, s, n);
        s += n;
        gpa += n;
        size -= n;
    }
}
