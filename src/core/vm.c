/* SPDX-License-Identifier: Apache-2.0 */
#include <vm.h>

struct vm vms[MAX_VMS];
unsigned vm_count;

bool vm_gpa_to_hpa(const struct vm *vm, uint64_t gpa, uint64_t size,
                   uint64_t *hpa)
{
    for (unsigned i = 0; i < vm->mem_num; i++) {
        const struct vm_mem *m = &vm->mem[i];
        uint64_t len = size ? size : 1;

        if (gpa >= m->gpa && gpa - m->gpa < m->size &&
            len <= m->size - (gpa - m->gpa)) {
            *hpa = m->hpa + (gpa - m->gpa);
            return true;
        }
    }
    return false;
}

bool vm_gpa_is_ram(const struct vm *vm, uint64_t gpa, uint64_t size)
{
    uint64_t hpa;
    return vm_gpa_to_hpa(vm, gpa, size, &hpa);
}

struct vcpu *vm_vcpu(struct vm *vm, uint64_t vhartid)
{
    if (vhartid >= vm->vcpu_num)
        return NULL;
    return &vm->vcpus[vhartid];
}
