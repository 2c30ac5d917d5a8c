/* SPDX-License-Identifier: Apache-2.0 */
#include <arch_hooks.h>
#include <console.h>
#include <ipc.h>
#include <shmem.h>
#include <vm.h>

int ipc_vm_init(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *c = &p->ipcs[i];

        /* Data only: never executable. */
        if (arch_vm_map(vm, c->base, shmem_phys(c->shmem_id), c->size, 1, 0)) {
            log_error("VM %u: ipcs[%zu]: stage-2 mapping failed", vm->id, i);
            return -1;
        }
        for (size_t j = 0; j < c->interrupt_num; j++)
            arch_virq_add_virtual(vm, (unsigned)c->interrupts[j]);
    }
    return 0;
}

/* Raise `event` in every IPC window of `vm` onto object `shmem_id`. */
static void raise_in(struct vm *vm, size_t shmem_id, unsigned long event)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *c = &p->ipcs[i];

        if (c->shmem_id == shmem_id && event < c->interrupt_num)
            arch_virq_trigger(vm, (unsigned)c->interrupts[event]);
    }
}

int ipc_notify(struct vm *vm, unsigned long ipc, unsigned long event)
{
    const struct vm_platform *p = &vm->cfg->platform;
    const struct ipc *c;

    if (ipc >= p->ipc_num)
        return -1;
    c = &p->ipcs[ipc];
    if (event >= c->interrupt_num)
        return -1;
    for (unsigned i = 0; i < vm_count; i++) {
        if (&vms[i] != vm && vms[i].state == VM_RUNNING)
            raise_in(&vms[i], c->shmem_id, event);
    }
    return 0;
}
