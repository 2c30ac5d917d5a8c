/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What happens when a guest does what it may not: the report (rate-limited
 * per VM) and the VM's fault policy. The architecture describes the fault;
 * only the delivery of an access fault to the guest is left to it.
 */
#ifndef VM_FAULT_H
#define VM_FAULT_H

#include <core/vcpu.h>
#include <stdbool.h>
#include <stdint.h>

struct vcpu;

enum vm_access {
    VM_ACCESS_FETCH,
    VM_ACCESS_LOAD,
    VM_ACCESS_STORE,
};

/* An access to guest-physical memory the VM has no RAM or device at, or
 * one its emulated device cannot perform. */
struct vm_bad_access {
    enum vm_access access;
    uint64_t gpa;
    uint64_t pc;
    const char *reason;  /* e.g. "outside its memory" */
    bool guest_can_take; /* the guest has a trap vector for the fault */
};

/*
 * Report the access and apply the VM's fault policy. VCPU_RESUME: the
 * caller gives the guest the access fault a native hart would raise;
 * VCPU_IDLE: the vCPU no longer runs (its VM stopped or restarts).
 */
enum vcpu_action vm_fault_bad_access(struct vcpu *vcpu,
                                     const struct vm_bad_access *a);
/* A trap the hypervisor does not handle: the VM is shut down (VCPU_IDLE). */
enum vcpu_action vm_fault_unexpected(struct vcpu *vcpu, unsigned long code,
                                     uint64_t pc, uint64_t tval);

#endif
