/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Guest exceptions the hypervisor takes: the RISC-V side of a fault (which
 * address, which access, emulate it or not) and the injection of an
 * exception into the guest. What to do about a bad access is core policy
 * (vm_fault.h).
 */
#ifndef ARCH_GUEST_FAULT_H
#define ARCH_GUEST_FAULT_H

#include <arch/vcpu_trap.h>
#include <core/vcpu.h>
#include <stdint.h>

struct vcpu;

/* A guest-page fault: an emulated device's window, or an access outside
 * the VM's memory and devices. */
enum vcpu_action guest_fault_page(struct vcpu *vcpu,
                                  const struct vcpu_trap *trap);
/* An exception the hypervisor did not expect from a guest. */
enum vcpu_action guest_fault_unexpected(struct vcpu *vcpu,
                                        const struct vcpu_trap *trap);
/* Make the guest take exception `cause` at its trap vector. */
void vcpu_inject_exception(struct vcpu *vcpu, unsigned long cause,
                           uint64_t tval);

#endif
