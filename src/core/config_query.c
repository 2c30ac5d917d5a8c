/* SPDX-License-Identifier: Apache-2.0 */
#include <core/config_query.h>
#include <lib/util.h>

bool vm_dev_covers(const struct vm_dev_region *d, uint64_t base, uint64_t size)
{
    return size && ranges_overlap(d->pa, d->size, base, size);
}

bool vm_has_device_at(const struct vm_platform *p, uint64_t base, uint64_t size)
{
    for (size_t i = 0; p->devs && i < p->dev_num; i++) {
        if (ranges_overlap(p->devs[i].pa, p->devs[i].size, base, size))
            return true;
    }
    return false;
}

size_t console_uart_listers(const struct config *cfg, uint64_t base,
                            uint64_t size, size_t *first)
{
    size_t n = 0;

    for (size_t vm = 0; cfg->vmlist && vm < cfg->vmlist_size; vm++) {
        if (!vm_has_device_at(&cfg->vmlist[vm].platform, base, size))
            continue;
        if (n == 0 && first)
            *first = vm;
        n++;
    }
    return n;
}

bool vm_owns_console_uart(const struct config *cfg, size_t vm, uint64_t base,
                          uint64_t size)
{
    return size && vm_has_device_at(&cfg->vmlist[vm].platform, base, size) &&
           console_uart_listers(cfg, base, size, NULL) == 1;
}

bool vm_dev_is_emulated_uart(const struct config *cfg, size_t vm, size_t i,
                             uint64_t base, uint64_t size)
{
    return vm_dev_covers(&cfg->vmlist[vm].platform.devs[i], base, size) &&
           !vm_owns_console_uart(cfg, vm, base, size);
}
