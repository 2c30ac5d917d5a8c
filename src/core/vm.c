/* SPDX-License-Identifier: Apache-2.0 */
#include <vm.h>
#include <vm_uart.h>

struct vm vms[MAX_VMS];
unsigned vm_count;

/* The piece of RAM holding all of [gpa, gpa + size), or NULL. */
static const struct vm_mem *piece_holding(const struct vm *vm, uint64_t gpa,
                                          uint64_t size)
{
    uint64_t len = size ? size : 1;

    for (unsigned i = 0; i < vm->mem_num; i++) {
        const struct vm_mem *m = &vm->mem[i];

        if (gpa >= m->gpa && gpa - m->gpa < m->size &&
            len <= m->size - (gpa - m->gpa))
            return m;
    }
    return NULL;
}

bool vm_gpa_to_hpa(const struct vm *vm, uint64_t gpa, uint64_t size,
                   uint64_t *hpa)
{
    const struct vm_mem *m = piece_holding(vm, gpa, size);
    uint64_t off;

    if (!m)
        return false;
    off = gpa - m->gpa;
    if (m->pages.mask && off % PAGE_SIZE + (size ? size : 1) > PAGE_SIZE)
        return false;
    *hpa = colour_page(&m->pages, off / PAGE_SIZE) + off % PAGE_SIZE;
    return true;
}

bool vm_gpa_is_ram(const struct vm *vm, uint64_t gpa, uint64_t size)
{
    return piece_holding(vm, gpa, size) != NULL;
}

bool vm_all_shut_down(void)
{
    for (unsigned i = 0; i < vm_count; i++) {
        if (vms[i].state != VM_SHUTDOWN)
            return false;
    }
    return true;
}

struct vcpu *vm_vcpu(struct vm *vm, uint64_t vhartid)
{
    if (vhartid >= vm->vcpu_num)
        return NULL;
    return &vm->vcpus[vhartid];
}

bool vm_add_emul(struct vm *vm, uint64_t base, uint64_t size,
                 mmio_handler_t access)
{
    if (vm->emul_num == MAX_VM_EMUL)
        return false;
    vm->emul[vm->emul_num].base = base;
    vm->emul[vm->emul_num].size = size;
    vm->emul[vm->emul_num].access = access;
    vm->emul_num++;
    return true;
}

const struct vm_emul *vm_find_emul(const struct vm *vm, uint64_t gpa)
{
    for (unsigned i = 0; i < vm->emul_num; i++) {
        if (gpa >= vm->emul[i].base &&
            gpa - vm->emul[i].base < vm->emul[i].size)
            return &vm->emul[i];
    }
    return NULL;
}

void vm_virq_completed(struct vm *vm, unsigned id)
{
    vm_uart_irq_completed(vm, id);
}
