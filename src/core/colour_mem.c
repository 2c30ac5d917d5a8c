/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/colour.h>
#include <lib/string.h>

/* One mapping of the whole host span (superpages where they fit), not one
 * per page. */
void colour_mem_clear(const struct colour_mem *p)
{
    uint64_t span = colour_mem_span(p);
    uint8_t *va = arch_hyp_map_phys(p->base, span);

    if (!va)
        return;
    if (!p->mask)
        memset(va, 0, p->pages * PAGE_SIZE);
    for (uint64_t pg = 0; p->mask && pg < p->pages; pg++)
        memset(colour_mem_at(va, p, colour_page(p, pg)), 0, PAGE_SIZE);
    arch_hyp_unmap_phys(p->base, span);
}
