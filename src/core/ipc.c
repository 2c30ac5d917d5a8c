/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/ipc.h>
#include <core/irq.h>
#include <core/shmem.h>
#include <core/vm.h>
#include <core/vm_mem.h>

/* The window onto the object's first pages: data only, never executable. */
static int map_window(struct vm *vm, const struct ipc *c)
{
    return vm_map_pages(vm, c->base, shmem_pages(c->shmem_id), c->size, false);
}

int ipc_vm_init(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *c = &p->ipcs[i];

        if (map_window(vm, c)) {
            log_error("VM %u: ipcs[%zu]: stage-2 mapping failed", vm->id, i);
            return -1;
        }
        for (size_t j = 0; j < c->interrupt_num; j++) {
            if (vm_virq_add(vm, (unsigned)c->interrupts[j], NULL)) {
                log_error("VM %u: ipcs[%zu]: interrupt %u: more than %u "
                          "virtual sources or out of range",
                          vm->id, i, (unsigned)c->interrupts[j], MAX_VM_VIRQS);
                return -1;
            }
        }
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
