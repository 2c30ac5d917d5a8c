/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A trap from a running guest, read from the CSRs once at entry and handed
 * to the handlers, which return what the dispatcher should do next
 * (enum vcpu_action): only the dispatcher leaves for the idle loop.
 */
#ifndef ARCH_VCPU_TRAP_H
#define ARCH_VCPU_TRAP_H

#include <stdint.h>

struct vcpu_trap {
    unsigned long cause;  /* scause */
    unsigned long tval;   /* stval: the faulting virtual address */
    unsigned long htval;  /* guest-physical address >> 2 (priv. spec 8.6.3) */
    unsigned long htinst; /* the transformed instruction, or 0 (8.6.3) */
};

/* The guest-physical address of a guest-page fault (priv. spec 8.6.3). */
static inline uint64_t vcpu_trap_gpa(const struct vcpu_trap *trap)
{
    return ((uint64_t)trap->htval << 2) | (trap->tval & 3);
}

#endif
