/* SPDX-License-Identifier: Apache-2.0 */
#ifndef ARCH_MMIO_EMUL_H
#define ARCH_MMIO_EMUL_H

#include <stdbool.h>
#include <stdint.h>

struct vcpu;

/*
 * The vCPU faulted on `gpa`: if that is a window the hypervisor emulates,
 * decode the access, perform it and step over the instruction. False when
 * there is nothing to emulate there or the access cannot be performed.
 */
bool mmio_emulate(struct vcpu *vcpu, uint64_t gpa, bool store);

#endif
