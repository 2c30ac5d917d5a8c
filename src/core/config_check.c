/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The configuration check: the top-level lists, then each VM section by
 * section, then what two VMs may not share. The sections live in
 * config_check_<section>.c.
 */
#include <core/colour.h>
#include <core/config_check_sections.h>
#include <lib/format.h>
#include <stdarg.h>

int config_fail(struct config_error *err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return -1;
}

bool config_in_one_region(const struct vm_platform *p, uint64_t base,
                          uint64_t size)
{
    for (size_t i = 0; i < p->region_num; i++) {
        if (range_contains(p->regions[i].base, p->regions[i].size, base, size))
            return true;
    }
    return false;
}

bool config_touches_memory(const struct vm_platform *p, uint64_t base,
                           uint64_t size)
{
    for (size_t i = 0; i < p->region_num; i++) {
        if (ranges_overlap(p->regions[i].base, p->regions[i].size, base, size))
            return true;
    }
    return false;
}

bool config_has_interrupts(const struct vm_platform *p)
{
    for (size_t i = 0; i < p->dev_num; i++) {
        if (p->devs[i].interrupt_num)
            return true;
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        if (p->ipcs[i].interrupt_num)
            return true;
    }
    return false;
}

struct config_target config_target_for_platform(const struct platform *p,
                                                uint64_t cpu_mask)
{
    struct config_target t = {
        .cpu_mask = cpu_mask,
        .fw_base = p->firmware.base,
        .fw_size = p->firmware.size,
        .console_base = p->console_uart.base,
        .console_size = p->console_uart.size,
        .console_irq = p->console_uart.irq,
        /* The generic platform's cache is known at boot: any colour
         * passes the build, the boot checks them against it. */
        .colours = p->generic && !p->probed
                       ? COLOUR_MAX
                       : colour_count(p->llc.size, p->llc.ways),
        .iommu_base = p->iommu.base,
        .iommu_size = p->iommu.size,
        .iommu_present = p->iommu.size != 0,
        .devices = p->devices,
        .num_devices = p->num_devices,
    };

    arch_config_target(p, &t);
    return t;
}

static int check_vm(const struct config *cfg, size_t vm,
                    const struct config_target *t, struct config_error *err)
{
    const struct vm_config *c = &cfg->vmlist[vm];

    if (config_check_vcpus(c, vm, err))
        return -1;
    if ((unsigned)c->fault_policy > VM_FAULT_RESTART)
        return config_fail(err, "VM %zu: fault_policy %u is not a valid policy",
                           vm, (unsigned)c->fault_policy);
    if (c->platform.remio_dev_num)
        return config_fail(err,
                           "VM %zu: platform.remio_devs: Remote I/O is not "
                           "supported yet (remio_dev_num is %zu)",
                           vm, c->platform.remio_dev_num);
    if (config_check_memory(c, vm, t, err) ||
        config_check_image(c, vm, t, err) ||
        config_check_devices(c, vm, t, err) ||
        config_check_ipcs(cfg, c, vm, err) ||
        config_check_interrupts(c, vm, t, err) ||
        config_check_emulated_uart(cfg, vm, t, err) ||
        config_check_vm_colours(c, vm, t, err))
        return -1;
    return 0;
}

/* Physical resources no two VMs may share: placed RAM, devices, IRQs. */
static int check_pair(const struct config *cfg, size_t ai, size_t bi,
                      const struct config_target *t, struct config_error *err)
{
    const struct vm_config *a = &cfg->vmlist[ai], *b = &cfg->vmlist[bi];

    if (config_check_placed_pair(a, ai, b, bi, err) ||
        config_check_device_pair(a, ai, b, bi, t, err))
        return -1;
    return 0;
}

int config_check(const struct config *cfg, const struct config_target *target,
                 unsigned cpus[MAX_VMS][MAX_CPUS], struct config_error *err)
{
    unsigned placement[MAX_VMS][MAX_CPUS];

    if (cfg->vmlist_size == 0)
        return config_fail(err,
                           "config: vmlist_size is 0: there is no VM to run");
    if (cfg->vmlist_size > MAX_VMS)
        return config_fail(err,
                           "config: vmlist_size %zu exceeds the limit of %d",
                           cfg->vmlist_size, MAX_VMS);
    if (!cfg->vmlist)
        return config_fail(err, "config: vmlist is NULL");
    if (config_check_shmems(cfg, target, err))
        return -1;
    for (size_t i = 0; i < cfg->vmlist_size; i++) {
        if (check_vm(cfg, i, target, err))
            return -1;
        for (size_t j = 0; j < i; j++) {
            if (check_pair(cfg, j, i, target, err))
                return -1;
        }
    }
    if (config_check_channels(cfg, err))
        return -1;
    return config_place_vcpus(cfg, target->cpu_mask, cpus ? cpus : placement,
                              err);
}
