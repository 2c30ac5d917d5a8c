/* Device tree summary printed by the default flow ("dtb: ..." lines). */
#ifndef BAREMETAL_DTB_H
#define BAREMETAL_DTB_H

/*
 * Prints what the tree at addr (the boot hart's a1) describes: CPUs and
 * timebase, memory, the interrupts of the devices under /soc, the PLIC and
 * /chosen/bootargs. Prints "dtb: none" if addr is 0 or holds no FDT magic.
 */
void dtb_report(unsigned long addr);

#endif
