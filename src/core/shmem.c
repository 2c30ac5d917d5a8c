/* SPDX-License-Identifier: Apache-2.0 */
#include <arch_hooks.h>
#include <console.h>
#include <hyp_limits.h>
#include <lib/string.h>
#include <lib/util.h>
#include <page_alloc.h>
#include <shmem.h>

static uint64_t phys[MAX_SHMEMS];

static int place_shmem(const struct shmem *s, size_t id)
{
    uint64_t base;

    if (s->place_phys) {
        base = s->phys;
        if (!page_alloc_claim(&ram_alloc, base, s->size)) {
            log_error("shmemlist[%zu].phys 0x%lx+0x%zx is not free RAM on "
                      "this machine",
                      id, s->phys, s->size);
            return -1;
        }
    } else if (!page_alloc_get(&ram_alloc, s->size, PAGE_SIZE, &base)) {
        log_error("shmemlist[%zu]: no free RAM for 0x%zx bytes", id, s->size);
        return -1;
    }
    memset(arch_hyp_map_phys(base, s->size), 0, s->size);
    arch_hyp_unmap_phys(base, s->size);
    phys[id] = base;
    return 0;
}

int shmem_init(const struct config *cfg)
{
    /* Placed objects first: the others must not be allocated on them. */
    for (int placed = 1; placed >= 0; placed--) {
        for (size_t i = 0; i < cfg->shmemlist_size; i++) {
            const struct shmem *s = &cfg->shmemlist[i];

            if (s->place_phys == (bool)placed && place_shmem(s, i))
                return -1;
        }
    }
    return 0;
}

uint64_t shmem_phys(size_t id)
{
    return id < MAX_SHMEMS ? phys[id] : 0;
}
