/* SPDX-License-Identifier: Apache-2.0 */
#include "sv39.h"
#include "riscv.h"

#define SATP_MODE_SV39 (8UL << 60)
#define PAGE_SHIFT 12
#define PTE_PPN_SHIFT 10
#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define IDENTITY_GIGAPAGES 4

uint64_t sv39_root[SV39_ENTRIES] __attribute__((aligned(1 << PAGE_SHIFT)));

uint64_t sv39_table(uint64_t pa)
{
    return (pa >> PAGE_SHIFT) << PTE_PPN_SHIFT | PTE_V;
}

uint64_t sv39_gigapage(uint64_t pa)
{
    return sv39_table(pa) | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
}

void sv39_on(void)
{
    for (unsigned long g = 0; g < IDENTITY_GIGAPAGES; g++)
        sv39_root[g] = sv39_gigapage(g << SV39_GIGAPAGE_SHIFT);
    csr_write(satp, SATP_MODE_SV39 |
                        ((unsigned long)(uintptr_t)sv39_root >> PAGE_SHIFT));
    asm volatile("sfence.vma" : : : "memory");
}

void sv39_off(void)
{
    csr_write(satp, 0);
    asm volatile("sfence.vma" : : : "memory");
    for (unsigned i = 0; i < SV39_ENTRIES; i++)
        sv39_root[i] = 0;
}
