/* SPDX-License-Identifier: Apache-2.0 */
#include <config_check.h>
#include <lib/format.h>

static int lowest_bit(uint64_t mask)
{
    for (int i = 0; i < 64; i++) {
        if (mask & (1UL << i))
            return i;
    }
    return -1;
}

static int assign_vm(const struct vm_config *vm, unsigned id, uint64_t allowed,
                     uint64_t *used, unsigned *harts, struct config_error *err)
{
    for (size_t v = 0; v < vm->platform.cpu_num; v++) {
        int hart = lowest_bit(allowed & ~*used);

        if (hart < 0 || hart >= MAX_CPUS) {
            snprintf(err->msg, sizeof(err->msg),
                     "VM %u: vCPU %zu has no free hart (cpu_affinity 0x%lx, "
                     "harts 0x%lx, already taken 0x%lx)",
                     id, v, vm->cpu_affinity, allowed, *used);
            return -1;
        }
        *used |= 1UL << hart;
        harts[v] = (unsigned)hart;
    }
    return 0;
}

int hart_map_assign(const struct config *cfg, uint64_t hart_mask,
                    unsigned harts[MAX_VMS][MAX_CPUS], struct config_error *err)
{
    uint64_t used = 0;

    /* VMs that name their harts go first, so that others do not take them. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cfg->vmlist_size; i++) {
            const struct vm_config *vm = &cfg->vmlist[i];
            uint64_t allowed = vm->cpu_affinity & hart_mask;

            if ((pass == 0) != (vm->cpu_affinity != 0))
                continue;
            if (vm->cpu_affinity & ~hart_mask) {
                snprintf(err->msg, sizeof(err->msg),
                         "VM %zu: cpu_affinity 0x%lx names harts this machine "
                         "does not have (it has 0x%lx)",
                         i, vm->cpu_affinity, hart_mask);
                return -1;
            }
            if (!vm->cpu_affinity)
                allowed = hart_mask;
            if (assign_vm(vm, (unsigned)i, allowed, &used, harts[i], err))
                return -1;
        }
    }
    return 0;
}
