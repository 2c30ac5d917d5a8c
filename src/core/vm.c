/* SPDX-License-Identifier: Apache-2.0 */
#include <core/vm.h>

struct vm vms[MAX_VMS];
unsigned vm_count;

const struct vm_mem *vm_mem_at(const struct vm *vm, uint64_t gpa, uint64_t size)
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

bool vm_gpa_is_ram(const struct vm *vm, uint64_t gpa, uint64_t size)
{
    return vm_mem_at(vm, gpa, size) != NULL;
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

int vm_add_emul(struct vm *vm, uint64_t base, uint64_t size,
                vm_emul_access_t access)
{
    if (vm->emul_num == MAX_VM_EMUL)
        return -1;
    vm->emul[vm->emul_num].base = base;
    vm->emul[vm->emul_num].size = size;
    vm->emul[vm->emul_num].access = access;
    vm->emul_num++;
    return 0;
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
