/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the build and the boot say about a valid configuration: fields
 * accepted but not applied, and how the console UART is shared.
 */
#include <core/config_check.h>
#include <core/config_query.h>
#include <lib/format.h>
#include <lib/util.h>
#include <stdarg.h>

static unsigned say(config_note_fn note, void *arg, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static unsigned say(config_note_fn note, void *arg, const char *fmt, ...)
{
    struct config_error msg;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg.msg, sizeof(msg.msg), fmt, ap);
    va_end(ap);
    note(msg.msg, arg);
    return 1;
}

/* Whether the VM gives any IOMMU device id (devs[].id). */
static bool gives_device_ids(const struct vm_platform *p)
{
    for (size_t i = 0; p->devs && i < p->dev_num; i++) {
        if (p->devs[i].id)
            return true;
    }
    return false;
}

/* What a device of `p` that masters DMA can reach, where that is more than
 * the VM's own memory or less than it needs. */
static unsigned warn_dma_device(const struct vm_platform *p, size_t vm,
                                size_t i, const struct platform_device *pd,
                                const struct config_target *t,
                                config_note_fn note, void *arg)
{
    if (pd->dma == PLATFORM_DMA_UNCONFINED ||
        (pd->dma == PLATFORM_DMA_IOMMU && !t->iommu_present))
        return say(note, arg,
                   "VM %zu: platform.devs[%zu] (%s at 0x%lx) masters DMA, "
                   "which nothing confines (%s): through it the VM can read "
                   "and write all physical memory, other VMs', the "
                   "hypervisor's and the firmware's",
                   vm, i, pd->name, (unsigned long)pd->base,
                   pd->dma == PLATFORM_DMA_UNCONFINED
                       ? "it is not behind an IOMMU"
                       : "there is no IOMMU");
    if (pd->dma == PLATFORM_DMA_IOMMU && !gives_device_ids(p))
        return say(note, arg,
                   "VM %zu: platform.devs[%zu] (%s at 0x%lx): its DMA "
                   "masters are behind the IOMMU and the VM names none of "
                   "them (devs[].id): their DMA will be refused",
                   vm, i, pd->name, (unsigned long)pd->base);
    return 0;
}

/* The devices of `p` that master DMA. */
static unsigned warn_dma(const struct vm_platform *p, size_t vm,
                         const struct config_target *t, config_note_fn note,
                         void *arg)
{
    unsigned n = 0;

    for (size_t i = 0; p->devs && i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];

        for (size_t k = 0; k < t->num_devices; k++) {
            const struct platform_device *pd = &t->devices[k];

            if (!ranges_overlap(d->pa, d->size, pd->base, pd->size))
                continue;
            if (d->id && t->iommu_present && pd->dma != PLATFORM_DMA_IOMMU)
                n += say(note, arg,
                         "VM %zu: platform.devs[%zu].id 0x%lx: %s at 0x%lx is "
                         "not behind the IOMMU; the id gives the VM whatever "
                         "master has it there",
                         vm, i, (unsigned long)d->id, pd->name,
                         (unsigned long)pd->base);
            if (pd->dma != PLATFORM_DMA_NONE)
                n += warn_dma_device(p, vm, i, pd, t, note, arg);
            break;
        }
    }
    return n;
}

unsigned config_unapplied(const struct config *cfg,
                          const struct config_target *t, config_note_fn note,
                          void *arg)
{
    unsigned n = 0;

    if (cfg->hyp.colors)
        n += say(note, arg,
                 "hyp.colors 0x%lx not applied: the hypervisor's own memory "
                 "is not coloured yet",
                 cfg->hyp.colors);
    if (cfg->hyp.relocate)
        n += say(note, arg,
                 "hyp.relocate not applied: the hypervisor runs where the "
                 "firmware loads it");
    for (size_t vm = 0; vm < cfg->vmlist_size; vm++) {
        const struct vm_platform *p = &cfg->vmlist[vm].platform;

        for (size_t i = 0; p->devs && i < p->dev_num; i++) {
            if (p->devs[i].id && !t->iommu_present)
                n += say(note, arg,
                         "VM %zu: platform.devs[%zu].id 0x%lx not applied: "
                         "there is no IOMMU",
                         vm, i, (unsigned long)p->devs[i].id);
        }
        n += warn_dma(p, vm, t, note, arg);
    }
    return n;
}

/* "VM 0 and VM 1", "VM 0, VM 1 and VM 2": the VMs listing the UART. */
static void uart_listers_text(const struct config *cfg,
                              const struct config_target *t, char *buf,
                              size_t len)
{
    size_t total =
        console_uart_listers(cfg, t->console_base, t->console_size, NULL);
    size_t seen = 0, n = 0;

    buf[0] = '\0';
    for (size_t vm = 0; vm < cfg->vmlist_size && n < len; vm++) {
        if (!vm_has_device_at(&cfg->vmlist[vm].platform, t->console_base,
                              t->console_size))
            continue;
        seen++;
        n += (size_t)snprintf(buf + n, len - n, "%sVM %zu",
                              seen == 1       ? ""
                              : seen == total ? " and "
                                              : ", ",
                              vm);
    }
}

unsigned config_notes(const struct config *cfg, const struct config_target *t,
                      config_note_fn note, void *arg)
{
    size_t owner = 0;
    size_t n =
        console_uart_listers(cfg, t->console_base, t->console_size, &owner);
    char who[96];

    if (!t->console_size || n == 0)
        return 0;
    if (n == 1)
        return say(note, arg,
                   "VM %zu has the console UART 0x%lx passed through: the "
                   "hypervisor still prints its own lines there but reads no "
                   "input from it%s",
                   owner, t->console_base,
                   cfg->vmlist_size > 1
                       ? " (the other VMs' emulated UARTs get none)"
                       : "");
    uart_listers_text(cfg, t, who, sizeof(who));
    return say(note, arg,
               "%s list the console UART 0x%lx: each gets an emulated 16550 "
               "there (output tagged, input by Ctrl-\\ N)",
               who, t->console_base);
}
