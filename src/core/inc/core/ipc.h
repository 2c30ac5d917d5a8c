/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inter-VM communication (docs/ipc.md): each of a VM's ipcs[] maps a
 * shared-memory object at its base; the IPC notify hypercall raises the
 * object's interrupts in the other VMs that map it.
 */
#ifndef IPC_H
#define IPC_H

struct vm;

/* At VM build: map the VM's IPC windows and register their interrupts. */
int ipc_vm_init(struct vm *vm);
/*
 * The VM notifies event `event` on its ipcs[ipc]: raise that interrupt of
 * every other running VM mapping the same object (pending interrupts
 * coalesce). 0, or -1 when ipc or event does not exist (nothing happens).
 */
int ipc_notify(struct vm *vm, unsigned long ipc, unsigned long event);

#endif
