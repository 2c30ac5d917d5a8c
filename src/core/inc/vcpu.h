/* SPDX-License-Identifier: Apache-2.0 */
/*
 * vCPU life cycle, following the SBI HSM state machine (SBI spec 2.0, 9.1).
 * A vCPU is pinned to one hart; another hart starts it by marking it
 * START_PENDING and kicking that hart, which resets and enters it.
 */
#ifndef VCPU_H
#define VCPU_H

#include <stdint.h>

struct vcpu;

enum vcpu_start_result {
    VCPU_START_OK = 0,
    VCPU_START_NOT_STOPPED = -1, /* already started or starting */
    VCPU_START_VM_DOWN = -2,     /* its VM is shutting down */
};

/* Ask the vCPU's hart to start it at `entry` with a0 = id, a1 = arg. */
int vcpu_start(struct vcpu *target, uint64_t entry, uint64_t arg);
/* Stop the calling vCPU and idle its hart. */
void vcpu_stop_self(struct vcpu *vcpu) __attribute__((noreturn));
/* The state the guest sees through HSM hart_get_status. */
int vcpu_status(const struct vcpu *vcpu);

#endif
