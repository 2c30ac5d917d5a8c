/* Device tree summary printed by the default flow ("dtb: ..." lines). */
#ifndef BAREMETAL_DTB_H
#define BAREMETAL_DTB_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Prints what the tree at addr (the boot hart's a1) describes: CPUs and
 * timebase, memory, the interrupts of the devices under /soc, the PLIC and
 * /chosen/bootargs. Prints "dtb: none" if addr is 0 or holds no FDT magic.
 */
void dtb_report(unsigned long addr);

/* The first RAM range of the tree at addr; false if there is none. */
bool dtb_memory(unsigned long addr, uint64_t *base, uint64_t *size);

#endif
