/* SPDX-License-Identifier: Apache-2.0 */
#include <core/colour.h>
#include <core/console.h>
#include <core/hyp_limits.h>
#include <core/page_alloc.h>
#include <core/shmem.h>
#include <lib/util.h>

static struct colour_mem objects[MAX_SHMEMS];

static bool place(const struct shmem *s, size_t id, struct colour_mem *m)
{
    m->pages = s->size / PAGE_SIZE;
    m->mask = 0;
    if (s->colors) {
        if (colour_alloc(&ram_colours, m->pages, s->colors, m) == 0)
            return true;
        log_error("shmemlist[%zu]: no free RAM for 0x%zx bytes of colours "
                  "0x%lx",
                  id, s->size, s->colors);
        return false;
    }
    if (s->place_phys) {
        m->base = s->phys;
        if (page_alloc_claim(&ram_alloc, m->base, s->size) == 0)
            return true;
        log_error("shmemlist[%zu].phys 0x%lx+0x%zx is not free RAM on this "
                  "machine",
                  id, s->phys, s->size);
        return false;
    }
    if (page_alloc_get(&ram_alloc, s->size, PAGE_SIZE, &m->base) == 0)
        return true;
    log_error("shmemlist[%zu]: no free RAM for 0x%zx bytes", id, s->size);
    return false;
}

int shmem_init(const struct config *cfg)
{
    /* Placed objects first: the others must not be allocated on them. */
    for (int placed = 1; placed >= 0; placed--) {
        for (size_t i = 0; i < cfg->shmemlist_size; i++) {
            const struct shmem *s = &cfg->shmemlist[i];

            if (s->place_phys != (bool)placed)
                continue;
            if (!place(s, i, &objects[i]))
                return -1;
            colour_mem_clear(&objects[i]);
        }
    }
    return 0;
}

const struct colour_mem *shmem_pages(size_t id)
{
    return id < MAX_SHMEMS ? &objects[id] : NULL;
}
