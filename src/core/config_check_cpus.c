/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The CPU section of the configuration: a VM's vCPU count, and the
 * placement of every vCPU on a physical CPU of its cpu_affinity (each
 * physical CPU runs one vCPU).
 */
#include <core/config_check_sections.h>

int config_check_vcpus(const struct vm_config *c, size_t vm,
                       struct config_error *err)
{
    if (c->platform.cpu_num == 0)
        return config_fail(err, "VM %zu: platform.cpu_num is 0", vm);
    if (c->platform.cpu_num > MAX_CPUS)
        return config_fail(err,
                           "VM %zu: platform.cpu_num %zu exceeds the limit of "
                           "%d",
                           vm, c->platform.cpu_num, MAX_CPUS);
    return 0;
}

static int lowest_bit(uint64_t mask)
{
    for (int i = 0; i < 64; i++) {
        if (mask & (1UL << i))
            return i;
    }
    return -1;
}

/* The vCPUs placed so far, and the physical CPUs each VM may use. */
struct placement {
    unsigned (*cpus)[MAX_CPUS];
    uint64_t allowed[MAX_VMS];
    uint64_t used;
    unsigned owner_vm[MAX_CPUS], owner_vcpu[MAX_CPUS]; /* of used CPUs */
};

static void take(struct placement *p, int cpu, unsigned vm, unsigned vcpu)
{
    p->used |= 1UL << cpu;
    p->owner_vm[cpu] = vm;
    p->owner_vcpu[cpu] = vcpu;
    p->cpus[vm][vcpu] = (unsigned)cpu;
}

/*
 * Give the vCPU the lowest free CPU it may use. With none free, move a vCPU
 * placed earlier to another of its CPUs (recursively: an augmenting path),
 * so that a first come, first served choice never rejects a configuration
 * that has a placement. `seen` keeps the search finite.
 */
static bool place(struct placement *p, unsigned vm, unsigned vcpu,
                  uint64_t *seen)
{
    uint64_t cand = p->allowed[vm] & ~*seen & ((1UL << MAX_CPUS) - 1);
    int cpu = lowest_bit(cand & ~p->used);

    if (cpu >= 0) {
        take(p, cpu, vm, vcpu);
        return true;
    }
    for (cpu = 0; cpu < MAX_CPUS; cpu++) {
        if (!(cand & (1UL << cpu)))
            continue;
        *seen |= 1UL << cpu;
        if (place(p, p->owner_vm[cpu], p->owner_vcpu[cpu], seen)) {
            take(p, cpu, vm, vcpu);
            return true;
        }
    }
    return false;
}

static int assign_vm(struct placement *p, const struct vm_config *vm,
                     unsigned id, struct config_error *err)
{
    for (size_t v = 0; v < vm->platform.cpu_num; v++) {
        uint64_t seen = 0;

        if (!place(p, id, (unsigned)v, &seen))
            return config_fail(err,
                               "VM %u: platform.cpu_num %zu: vCPU %zu has no "
                               "free physical CPU (cpu_affinity 0x%lx, may "
                               "use 0x%lx, already taken 0x%lx)",
                               id, vm->platform.cpu_num, v, vm->cpu_affinity,
                               p->allowed[id], p->used);
    }
    return 0;
}

int config_place_vcpus(const struct config *cfg, uint64_t cpu_mask,
                       unsigned cpus[MAX_VMS][MAX_CPUS],
                       struct config_error *err)
{
    struct placement p = {.cpus = cpus};

    /* VMs that name their CPUs go first, so that others do not take them. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cfg->vmlist_size; i++) {
            const struct vm_config *vm = &cfg->vmlist[i];

            if ((pass == 0) != (vm->cpu_affinity != 0))
                continue;
            if (vm->cpu_affinity & ~cpu_mask)
                return config_fail(err,
                                   "VM %zu: cpu_affinity 0x%lx names physical "
                                   "CPUs this machine does not have (it has "
                                   "0x%lx)",
                                   i, vm->cpu_affinity, cpu_mask);
            p.allowed[i] = vm->cpu_affinity ? vm->cpu_affinity : cpu_mask;
            if (assign_vm(&p, vm, (unsigned)i, err))
                return -1;
        }
    }
    return 0;
}
