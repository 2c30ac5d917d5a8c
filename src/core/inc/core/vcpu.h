/* SPDX-License-Identifier: Apache-2.0 */
/*
 * vCPU life cycle, following the SBI HSM state machine (SBI spec 2.0, 9.1).
 * A vCPU is pinned to one hart; another hart starts it by marking it
 * START_PENDING and kicking that hart, which resets and enters it.
 */
#ifndef VCPU_H
#define VCPU_H

#include <stdbool.h>
#include <stdint.h>

struct vcpu;

/*
 * What a trap handler asks of the trap dispatcher, the only code that acts
 * on it: handlers never leave for the idle loop themselves.
 */
enum vcpu_action {
    VCPU_RESUME, /* back to the guest, at the pc its context holds */
    VCPU_IDLE,   /* the vCPU no longer runs (stopped, its VM down or
                    restarting): the hart goes idle */
};

/*
 * What brought a vCPU into the hypervisor, counted per vCPU over its VM's
 * run and said when the VM shuts down (`make bench` compares Linux boots
 * by it).
 */
enum vcpu_trap_kind {
    VCPU_TRAP_INTERRUPT, /* an interrupt came while the guest ran */
    VCPU_TRAP_CALL,      /* a call to the firmware or the hypervisor */
    VCPU_TRAP_ACCESS,    /* an access stage 2 does not map: an emulated
                            device, or a fault */
    VCPU_TRAP_OTHER,     /* an instruction refused, an exception */
    VCPU_TRAP_KINDS,
};

enum vcpu_start_result {
    VCPU_START_OK = 0,
    VCPU_START_NOT_STOPPED = -1, /* already started or starting */
    VCPU_START_VM_DOWN = -2,     /* its VM is shutting down */
};

/* Ask the vCPU's hart to start it at `entry` with a0 = id, a1 = arg. */
int vcpu_start(struct vcpu *target, uint64_t entry, uint64_t arg);
/* Mark the calling vCPU stopped; its trap handler then returns VCPU_IDLE. */
void vcpu_stop_self(struct vcpu *vcpu);
/*
 * HSM suspend of the calling vCPU: wait on its hart until it has an
 * interrupt to take (VCPU_RESUME), or until it is stopped because its VM
 * went down (VCPU_IDLE).
 */
enum vcpu_action vcpu_suspend(struct vcpu *vcpu);
/* Whether the vCPU runs (STARTED): false once an event stopped it. */
bool vcpu_is_running(const struct vcpu *vcpu);
/* The state the guest sees through HSM hart_get_status. */
int vcpu_status(const struct vcpu *vcpu);

#endif
