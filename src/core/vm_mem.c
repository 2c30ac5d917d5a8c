/* SPDX-License-Identifier: Apache-2.0 */
#include <arch_hooks.h>
#include <lib/string.h>
#include <lib/util.h>
#include <vm.h>
#include <vm_mem.h>

/* Map runs of host-contiguous pages with one call each. */
static int map_pages(struct vm *vm, uint64_t gpa, const struct colour_mem *p)
{
    uint64_t run = 0;

    if (!p->mask)
        return arch_vm_map(vm, gpa, p->base, p->pages * PAGE_SIZE, 1, 1);
    for (uint64_t i = 1; i <= p->pages; i++) {
        if (i < p->pages &&
            colour_page(p, i) == colour_page(p, i - 1) + PAGE_SIZE)
            continue;
        if (arch_vm_map(vm, gpa + run * PAGE_SIZE, colour_page(p, run),
                        (i - run) * PAGE_SIZE, 1, 1))
            return -1;
        run = i;
    }
    return 0;
}

int vm_mem_add(struct vm *vm, uint64_t gpa, const struct colour_mem *pages)
{
    struct vm_mem *m = &vm->mem[vm->mem_num];

    if (vm->mem_num == ARRAY_SIZE(vm->mem) || map_pages(vm, gpa, pages))
        return -1;
    m->gpa = gpa;
    m->size = pages->pages * PAGE_SIZE;
    m->pages = *pages;
    vm->mem_num++;
    return 0;
}

/*
 * The hypervisor reaches a piece through one mapping of its whole host
 * span (superpages where they fit) rather than one per page. The pointer
 * to host-physical `hpa` of the piece, given the span's mapping `va`.
 */
static uint8_t *at(uint8_t *va, const struct colour_mem *p, uint64_t hpa)
{
    return va + (hpa - p->base);
}

void colour_mem_clear(const struct colour_mem *p)
{
    uint64_t span = colour_span(p);
    uint8_t *va = arch_hyp_map_phys(p->base, span);

    if (!va)
        return;
    if (!p->mask)
        memset(va, 0, p->pages * PAGE_SIZE);
    for (uint64_t pg = 0; p->mask && pg < p->pages; pg++)
        memset(at(va, p, colour_page(p, pg)), 0, PAGE_SIZE);
    arch_hyp_unmap_phys(p->base, span);
}

/* Copy into one piece from byte `off` on, a host-contiguous run at a time. */
static void copy_into(const struct vm_mem *m, uint64_t off, const uint8_t *src,
                      size_t size)
{
    const struct colour_mem *p = &m->pages;
    uint8_t *va = arch_hyp_map_phys(p->base, colour_span(p));

    while (va && size) {
        uint64_t in_page = off % PAGE_SIZE;
        size_t n = p->mask ? MIN(size, PAGE_SIZE - in_page) : size;

        memcpy(at(va, p, colour_page(p, off / PAGE_SIZE) + in_page), src, n);
        src += n;
        off += n;
        size -= n;
    }
    if (va)
        arch_hyp_unmap_phys(p->base, colour_span(p));
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
