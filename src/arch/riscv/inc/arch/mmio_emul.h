/* SPDX-License-Identifier: Apache-2.0 */
#ifndef ARCH_MMIO_EMUL_H
#define ARCH_MMIO_EMUL_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/vcpu_trap.h>

struct vcpu;

enum mmio_result {
    MMIO_NOT_EMULATED, /* nothing the hypervisor emulates at that address */
    MMIO_DONE,         /* performed, and the vCPU steps over it */
    MMIO_WALK,         /* the guest's page-table walk touched the device */
    MMIO_NO_INSN,      /* the instruction could not be read */
    MMIO_BAD_INSN,     /* not a load or store we emulate (e.g. FP) */
    MMIO_REFUSED,      /* the device refused the access (width, offset) */
};

/*
 * The vCPU took a load or store guest-page fault: if its address is in a
 * window the hypervisor emulates, decode the access, perform it and step
 * over the instruction.
 */
enum mmio_result mmio_emulate(struct vcpu *vcpu, const struct vcpu_trap *trap);

/* What went wrong, for the fault report ("" for MMIO_DONE). */
const char *mmio_result_reason(enum mmio_result r);

#endif
