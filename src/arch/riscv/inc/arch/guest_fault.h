/* SPDX-License-Identifier: Apache-2.0 */
/* What happens when a guest does something it may not. */
#ifndef ARCH_GUEST_FAULT_H
#define ARCH_GUEST_FAULT_H

#include <stdint.h>

struct vcpu;

/* A guest-page fault: an access outside the VM's memory and devices. */
void guest_fault_page(struct vcpu *vcpu, unsigned long cause);
/* An exception the hypervisor did not expect from a guest. */
void guest_fault_unexpected(struct vcpu *vcpu, unsigned long cause)
    __attribute__((noreturn));
/* Make the guest take exception `cause` at its trap vector. */
void guest_inject_exception(struct vcpu *vcpu, unsigned long cause,
                            uint64_t tval);

#endif
