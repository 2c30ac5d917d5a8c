/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The RAM a guest was given but does not occupy: it must read zero at
 * every boot (the hypervisor clears it), whatever was there before.
 */
#ifndef BAREMETAL_RAMCHECK_H
#define BAREMETAL_RAMCHECK_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Checks that every word of the RAM in the device tree at dtb, outside this
 * image (with its .bss and stacks) and the tree itself, is zero. Prints
 * "ramcheck: <n> bytes zero" or the first word that is not.
 */
bool ramcheck_zero(unsigned long dtb);

/* Writes `pattern` into every word ramcheck_zero() checks. */
void ramcheck_fill(unsigned long dtb, uint64_t pattern);

#endif
