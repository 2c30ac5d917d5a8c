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

/* The vCPUs placed so far, and the harts each VM may use. */
struct placement {
    unsigned (*harts)[MAX_CPUS];
    uint64_t allowed[MAX_VMS];
    uint64_t used;
    unsigned owner_vm[MAX_CPUS], owner_vcpu[MAX_CPUS]; /* of used harts */
};

static void take(struct placement *p, int hart, unsigned vm, unsigned vcpu)
{
    p->used |= 1UL << hart;
    p->owner_vm[hart] = vm;
    p->owner_vcpu[hart] = vcpu;
    p->harts[vm][vcpu] = (unsigned)hart;
}

/*
 * Give the vCPU the lowest free hart it may use. With none free, move a
 * vCPU placed earlier to another of its harts (recursively: an augmenting
 * path), so that a first come, first served choice never rejects a
 * configuration that has a placement. `seen` keeps the search finite.
 */
static bool place(struct placement *p, unsigned vm, unsigned vcpu,
                  uint64_t *seen)
{
    uint64_t cand = p->allowed[vm] & ~*seen & ((1UL << MAX_CPUS) - 1);
    int hart = lowest_bit(cand & ~p->used);

    if (hart >= 0) {
        take(p, hart, vm, vcpu);
        return true;
    }
    for (hart = 0; hart < MAX_CPUS; hart++) {
        if (!(cand & (1UL << hart)))
            continue;
        *seen |= 1UL << hart;
        if (place(p, p->owner_vm[hart], p->owner_vcpu[hart], seen)) {
            take(p, hart, vm, vcpu);
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

        if (!place(p, id, (unsigned)v, &seen)) {
            snprintf(err->msg, sizeof(err->msg),
                     "VM %u: vCPU %zu has no free hart (cpu_affinity 0x%lx, "
                     "harts 0x%lx, already taken 0x%lx)",
                     id, v, vm->cpu_affinity, p->allowed[id], p->used);
            return -1;
        }
    }
    return 0;
}

int hart_map_assign(const struct config *cfg, uint64_t hart_mask,
                    unsigned harts[MAX_VMS][MAX_CPUS], struct config_error *err)
{
    struct placement p = {.harts = harts};

    /* VMs that name their harts go first, so that others do not take them. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cfg->vmlist_size; i++) {
            const struct vm_config *vm = &cfg->vmlist[i];

            if ((pass == 0) != (vm->cpu_affinity != 0))
                continue;
            if (vm->cpu_affinity & ~hart_mask) {
                snprintf(err->msg, sizeof(err->msg),
                         "VM %zu: cpu_affinity 0x%lx names harts this machine "
                         "does not have (it has 0x%lx)",
                         i, vm->cpu_affinity, hart_mask);
                return -1;
            }
            p.allowed[i] = vm->cpu_affinity ? vm->cpu_affinity : hart_mask;
            if (assign_vm(&p, vm, (unsigned)i, err))
                return -1;
        }
    }
    return 0;
}
