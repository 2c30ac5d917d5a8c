/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The interrupt section of the configuration: the ids a VM's devices and
 * IPC windows raise exist, then the architecture checks the VM's interrupt
 * controller (config_check_arch.h).
 */
#include <core/config_check_sections.h>

static int check_irq_ids(const irqid_t *ids, size_t n, const char *what,
                         size_t vm, size_t i, const struct config_target *t,
                         struct config_error *err)
{
    for (size_t j = 0; j < n; j++) {
        if (ids[j] == 0 || ids[j] >= t->irq_sources)
            return config_fail(err,
                               "VM %zu: platform.%s[%zu].interrupts[%zu] = %lu "
                               "does not exist (interrupt ids are 1..%u)",
                               vm, what, i, j, ids[j], t->irq_sources - 1);
    }
    return 0;
}

int config_check_interrupts(const struct vm_config *c, size_t vm,
                            const struct config_target *t,
                            struct config_error *err)
{
    const struct vm_platform *p = &c->platform;

    for (size_t i = 0; i < p->dev_num; i++) {
        if (check_irq_ids(p->devs[i].interrupts, p->devs[i].interrupt_num,
                          "devs", vm, i, t, err))
            return -1;
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        if (check_irq_ids(p->ipcs[i].interrupts, p->ipcs[i].interrupt_num,
                          "ipcs", vm, i, t, err))
            return -1;
    }
    return arch_config_check_vm(c, vm, t, err);
}
