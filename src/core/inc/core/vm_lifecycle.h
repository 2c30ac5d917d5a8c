/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shutting down and restarting one VM. Both are called on a vCPU of that VM
 * (SBI SRST, or a fault policy) and leave it stopped: its trap handler
 * returns VCPU_IDLE (a restarted VM's vCPU 0 starts from the idle loop).
 */
#ifndef VM_LIFECYCLE_H
#define VM_LIFECYCLE_H

struct vcpu;
struct vm;

/* Stop every vCPU of the VM; power off when no VM is left running. */
void vm_shutdown(struct vm *vm, struct vcpu *self, const char *why);
/* Stop every vCPU, reload the image and boot vCPU 0 at the entry again. */
void vm_restart(struct vm *vm, struct vcpu *self, const char *why);

#endif
