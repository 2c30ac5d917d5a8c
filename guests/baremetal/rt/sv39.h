/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The guest's own page table, for modes that test paging: Sv39 (priv. spec
 * 10.6) with the first 4 GiB (devices and RAM) identity-mapped by gigapages.
 * Modes may change other root entries while it is on.
 */
#ifndef BAREMETAL_SV39_H
#define BAREMETAL_SV39_H

#include <stdint.h>

#define SV39_GIGAPAGE_SHIFT 30
#define SV39_ENTRIES 512
/* The first virtual address above the identity map: unmapped unless a mode
 * maps it. */
#define SV39_UNMAPPED_VA (1UL << 32)

extern uint64_t sv39_root[SV39_ENTRIES];

/* A root entry: a gigapage (read, write, execute) at pa, or a pointer to a
 * next-level table at pa. */
uint64_t sv39_gigapage(uint64_t pa);
uint64_t sv39_table(uint64_t pa);

void sv39_on(void);  /* identity map, translation on */
void sv39_off(void); /* translation off, root cleared */

#endif
