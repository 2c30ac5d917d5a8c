/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The IPC section of the configuration: the shared memory objects
 * (shmemlist), the windows VMs map them through (platform.ipcs) and the
 * channels two VMs write.
 */
#include <core/config_check_sections.h>
#include <core/ipc_layout.h>

static int check_shmem_placement(const struct config *cfg, size_t i,
                                 const struct config_target *t,
                                 struct config_error *err)
{
    const struct shmem *s = &cfg->shmemlist[i];

    if (!s->place_phys)
        return 0;
    if (!config_page_aligned(s->phys))
        return config_fail(err,
                           "config: shmemlist[%zu].phys 0x%lx is not aligned "
                           "to 0x%lx",
                           i, s->phys, PAGE_SIZE);
    if (config_pa_unmappable(s->phys, s->size))
        return config_fail(err,
                           "config: shmemlist[%zu].phys 0x%lx+0x%zx is beyond "
                           "the physical limit 0x%lx stage 2 can map",
                           i, s->phys, s->size, arch_config_pa_limit());
    if (ranges_overlap(s->phys, s->size, t->hyp_base, t->hyp_size) ||
        ranges_overlap(s->phys, s->size, t->fw_base, t->fw_size) ||
        config_on_placed_region(cfg, s->phys, s->size))
        return config_fail(err,
                           "config: shmemlist[%zu].phys 0x%lx+0x%zx overlaps "
                           "the hypervisor, the firmware or a placed VM region",
                           i, s->phys, s->size);
    for (size_t j = 0; j < i; j++) {
        const struct shmem *o = &cfg->shmemlist[j];

        if (o->place_phys && ranges_overlap(o->phys, o->size, s->phys, s->size))
            return config_fail(err,
                               "config: shmemlist[%zu] and shmemlist[%zu] are "
                               "placed on the same physical memory",
                               j, i);
    }
    return 0;
}

int config_check_shmems(const struct config *cfg, const struct config_target *t,
                        struct config_error *err)
{
    if (cfg->shmemlist_size && !cfg->shmemlist)
        return config_fail(err, "config: shmemlist is NULL");
    if (cfg->shmemlist_size > MAX_SHMEMS)
        return config_fail(err,
                           "config: shmemlist_size %zu exceeds the limit of %d",
                           cfg->shmemlist_size, MAX_SHMEMS);
    for (size_t i = 0; i < cfg->shmemlist_size; i++) {
        if (cfg->shmemlist[i].size == 0 ||
            !config_page_aligned(cfg->shmemlist[i].size))
            return config_fail(err,
                               "config: shmemlist[%zu].size 0x%zx must be a "
                               "non-zero multiple of 0x%lx",
                               i, cfg->shmemlist[i].size, PAGE_SIZE);
        if (check_shmem_placement(cfg, i, t, err) ||
            config_check_shmem_colours(&cfg->shmemlist[i], i, t, err))
            return -1;
    }
    return 0;
}

/* An IPC window is mapped like a device: nothing else of the VM there. */
static int check_ipc_window(const struct vm_platform *p, size_t i, size_t vm,
                            struct config_error *err)
{
    const struct ipc *ipc = &p->ipcs[i];

    for (size_t j = 0; j < p->dev_num; j++) {
        if (ranges_overlap(ipc->base, ipc->size, p->devs[j].va,
                           p->devs[j].size))
            return config_fail(err,
                               "VM %zu: platform.ipcs[%zu] at 0x%lx overlaps "
                               "platform.devs[%zu]",
                               vm, i, ipc->base, j);
    }
    for (size_t j = 0; j < i; j++) {
        if (ranges_overlap(ipc->base, ipc->size, p->ipcs[j].base,
                           p->ipcs[j].size))
            return config_fail(err,
                               "VM %zu: platform.ipcs[%zu] at 0x%lx overlaps "
                               "platform.ipcs[%zu]",
                               vm, i, ipc->base, j);
    }
    return 0;
}

/*
 * IPC interrupts are raised by the hypervisor in the VM's interrupt
 * controller only: they may not be one of its device interrupts (the same
 * id in another VM is fine, each VM has its own controller).
 */
static int check_ipc_irqs(const struct vm_platform *p, size_t i, size_t vm,
                          struct config_error *err)
{
    const struct ipc *ipc = &p->ipcs[i];

    for (size_t x = 0; ipc->interrupts && x < ipc->interrupt_num; x++) {
        for (size_t j = 0; j < p->dev_num; j++) {
            for (size_t y = 0; y < p->devs[j].interrupt_num; y++) {
                if (p->devs[j].interrupts[y] == ipc->interrupts[x])
                    return config_fail(err,
                                       "VM %zu: platform.ipcs[%zu]."
                                       "interrupts[%zu] = %lu is also "
                                       "platform.devs[%zu]'s interrupt",
                                       vm, i, x, ipc->interrupts[x], j);
            }
        }
    }
    return 0;
}

int config_check_ipcs(const struct config *cfg, const struct vm_config *c,
                      size_t vm, struct config_error *err)
{
    const struct vm_platform *p = &c->platform;

    if (p->ipc_num && !p->ipcs)
        return config_fail(err, "VM %zu: platform.ipcs is NULL", vm);
    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *ipc = &p->ipcs[i];

        if (ipc->shmem_id >= cfg->shmemlist_size)
            return config_fail(err,
                               "VM %zu: platform.ipcs[%zu].shmem_id %zu does "
                               "not exist (shmemlist_size is %zu)",
                               vm, i, ipc->shmem_id, cfg->shmemlist_size);
        if (ipc->size == 0 || !config_page_aligned(ipc->base) ||
            !config_page_aligned(ipc->size))
            return config_fail(err,
                               "VM %zu: platform.ipcs[%zu]: base 0x%lx and "
                               "size 0x%zx must be non-zero multiples of 0x%lx",
                               vm, i, ipc->base, ipc->size, PAGE_SIZE);
        if (ipc->size > cfg->shmemlist[ipc->shmem_id].size)
            return config_fail(err,
                               "VM %zu: platform.ipcs[%zu].size 0x%zx is "
                               "larger than shmem %zu (0x%zx)",
                               vm, i, ipc->size, ipc->shmem_id,
                               cfg->shmemlist[ipc->shmem_id].size);
        if (config_touches_memory(p, ipc->base, ipc->size))
            return config_fail(err,
                               "VM %zu: platform.ipcs[%zu] at 0x%lx overlaps "
                               "the VM's memory",
                               vm, i, ipc->base);
        if (ipc->interrupt_num && !ipc->interrupts)
            return config_fail(
                err, "VM %zu: platform.ipcs[%zu].interrupts is NULL", vm, i);
        if (check_ipc_window(p, i, vm, err) || check_ipc_irqs(p, i, vm, err))
            return -1;
    }
    return 0;
}

/* A shmem's channel_size must leave room for two channels in each window. */
int config_check_channels(const struct config *cfg, struct config_error *err)
{
    for (size_t s = 0; s < cfg->shmemlist_size; s++) {
        size_t c = cfg->shmemlist[s].channel_size;

        if (!c)
            continue;
        if (ipc_sharers(cfg, s) != 2)
            return config_fail(err,
                               "config: shmemlist[%zu].channel_size is set but "
                               "%zu VMs map it (channels need exactly 2)",
                               s, ipc_sharers(cfg, s));
        for (size_t v = 0; v < cfg->vmlist_size; v++) {
            const struct vm_platform *p = &cfg->vmlist[v].platform;

            for (size_t i = 0; i < p->ipc_num; i++) {
                if (p->ipcs[i].shmem_id == s && p->ipcs[i].size / 2 < c)
                    return config_fail(err,
                                       "config: shmemlist[%zu].channel_size "
                                       "0x%zx: two channels do not fit VM "
                                       "%zu's platform.ipcs[%zu] (0x%zx)",
                                       s, c, v, i, p->ipcs[i].size);
            }
        }
    }
    return 0;
}
