/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The device tree the boot hart was given, read with the hypervisor's own
 * reader (src/lib/fdt.c, <fdt.h>), and the summary the default flow prints
 * ("dtb: ..." lines).
 */
#ifndef BAREMETAL_DTB_H
#define BAREMETAL_DTB_H

#include <stdbool.h>
#include <stdint.h>

/* Largest tree accepted, so that a stray pointer cannot claim all memory. */
#define DTB_MAX_SIZE (16U << 20)

/*
 * The tree at addr if fdt_check() accepts it (within DTB_MAX_SIZE), else
 * NULL. *err (err may be NULL) gets fdt_check()'s result: FDT_ERR_BADMAGIC
 * if addr is 0 or holds no tree at all.
 */
const void *dtb_open(unsigned long addr, int *err);

/*
 * Prints what the tree at addr (the boot hart's a1) describes: CPUs and
 * timebase, memory, the interrupts of the devices under /soc, the PLIC and
 * /chosen/bootargs. Prints "dtb: none" if addr is 0 or holds no FDT magic.
 */
void dtb_report(unsigned long addr);

/* The first RAM range of the tree at addr; false if there is none. */
bool dtb_memory(unsigned long addr, uint64_t *base, uint64_t *size);

#endif
