/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The configuration checker (src/core/config_check*.c, the build's and the
 * boot's) on configurations made of the fuzzer's bytes: up to 3 VMs with
 * up to 3 regions, devices and IPC windows each, and 2 shared-memory
 * objects, their addresses drawn near the places that matter (RAM, the
 * hypervisor, the UART, the limits) or anywhere. Whatever it accepts must
 * be safe to build: every vCPU on a hart of its own that exists, every
 * region and device within what the hardware maps, no device or placed
 * memory on the hypervisor or the firmware.
 */
#include <core/config.h>
#include <core/config_check.h>
#include <core/config_check_arch.h>
#include <lib/util.h>
#include <string.h>

#include "fuzz_input.h"

#define VMS 3
#define PER_VM 3
#define SHMEMS 2

static const struct config_target target = {
    .cpu_mask = 0xf,
    .hyp_base = 0x80200000,
    .hyp_size = 2 * MIB,
    .fw_base = 0x80000000,
    .fw_size = 2 * MIB,
    .irq_sources = 96,
    .arch = {.plic_window = 0x600000, .aplic_window = 0x8000},
    .console_base = 0x10000000,
    .console_size = 0x1000,
    .console_irq = 10,
    .colours = 32,
};

/* An address near one that matters, or any. */
static uint64_t addr(struct fuzz_in *in)
{
    static const uint64_t near[] = {
        0,          0x80000000, 0x80200000, 0x90000000, 0x10000000,
        0x10001000, 0xc000000,  0xf0000000, 1ULL << 41, 1ULL << 56,
        1ULL << 63, ~0ULL};
    uint8_t how = fuzz_u8(in);

    if (how < 200)
        return near[how % ARRAY_SIZE(near)] +
               (uint64_t)(int16_t)fuzz_bytes(in, 2) * PAGE_SIZE;
    return fuzz_u64(in);
}

static uint64_t size(struct fuzz_in *in)
{
    uint8_t how = fuzz_u8(in);

    return how < 200 ? (uint64_t)(how % 64 + 1) * 0x10000 : fuzz_u64(in);
}

static void check_accepted(const struct config *cfg,
                           unsigned cpus[MAX_VMS][MAX_CPUS])
{
    uint64_t used = 0;

    for (size_t v = 0; v < cfg->vmlist_size; v++) {
        const struct vm_platform *p = &cfg->vmlist[v].platform;

        for (size_t c = 0; c < p->cpu_num; c++) {
            FUZZ_ASSERT(target.cpu_mask >> cpus[v][c] & 1);
            FUZZ_ASSERT(!(used >> cpus[v][c] & 1));
            used |= 1ULL << cpus[v][c];
        }
        for (size_t r = 0; r < p->region_num; r++) {
            const struct vm_mem_region *m = &p->regions[r];

            FUZZ_ASSERT(m->base + m->size <= arch_config_gpa_limit());
            if (m->place_phys)
                FUZZ_ASSERT(m->phys + m->size <= arch_config_pa_limit() &&
                            !ranges_overlap(m->phys, m->size, target.hyp_base,
                                            target.hyp_size));
        }
        for (size_t d = 0; d < p->dev_num; d++) {
            const struct vm_dev_region *e = &p->devs[d];

            if (!e->size)
                continue;
            FUZZ_ASSERT(e->va + e->size <= arch_config_gpa_limit());
            FUZZ_ASSERT(e->pa + e->size <= arch_config_pa_limit());
            FUZZ_ASSERT(!ranges_overlap(e->pa, e->size, target.hyp_base,
                                        target.hyp_size) &&
                        !ranges_overlap(e->pa, e->size, target.fw_base,
                                        target.fw_size));
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
    static struct vm_mem_region regions[VMS][PER_VM];
    static struct vm_dev_region devs[VMS][PER_VM];
    static struct ipc ipcs[VMS][PER_VM];
    static irqid_t irqs[VMS][PER_VM][2];
    static struct vm_config vms[VMS];
    static struct shmem shmems[SHMEMS];
    static unsigned cpus[MAX_VMS][MAX_CPUS];
    struct fuzz_in in = {data, n};
    struct config cfg = {.vmlist = vms, .shmemlist = shmems};
    struct config_error err;

    memset(regions, 0, sizeof(regions));
    memset(devs, 0, sizeof(devs));
    memset(ipcs, 0, sizeof(ipcs));
    memset(vms, 0, sizeof(vms));
    memset(shmems, 0, sizeof(shmems));
    cfg.vmlist_size = fuzz_u8(&in) % (VMS + 1);
    cfg.shmemlist_size = fuzz_u8(&in) % (SHMEMS + 1);
    for (size_t s = 0; s < SHMEMS; s++) {
        shmems[s].size = size(&in);
        shmems[s].place_phys = fuzz_u8(&in) & 1;
        shmems[s].phys = addr(&in);
        shmems[s].colors = fuzz_u8(&in) & 1 ? fuzz_u32(&in) : 0;
    }
    for (size_t v = 0; v < VMS; v++) {
        struct vm_config *c = &vms[v];
        struct vm_platform *p = &c->platform;

        c->image.base_addr = addr(&in);
        c->image.load_addr = addr(&in);
        c->image.size = size(&in);
        c->image.inplace = fuzz_u8(&in) & 1;
        c->entry = addr(&in);
        c->cpu_affinity = fuzz_u8(&in) & 1 ? fuzz_u8(&in) : 0;
        c->colors = fuzz_u8(&in) & 1 ? fuzz_u32(&in) : 0;
        c->fault_policy = (enum vm_fault_policy)(fuzz_u8(&in) % 4);
        p->cpu_num = fuzz_u8(&in) % 6;
        p->region_num = fuzz_u8(&in) % (PER_VM + 1);
        p->dev_num = fuzz_u8(&in) % (PER_VM + 1);
        p->ipc_num = fuzz_u8(&in) % (PER_VM + 1);
        p->regions = regions[v];
        p->devs = devs[v];
        p->ipcs = ipcs[v];
        p->arch.irqc.plic.base = fuzz_u8(&in) & 1 ? addr(&in) : 0;
        for (size_t i = 0; i < PER_VM; i++) {
            regions[v][i] = (struct vm_mem_region){
                .base = addr(&in),
                .size = size(&in),
                .place_phys = fuzz_u8(&in) & 1,
                .phys = addr(&in)};
            irqs[v][i][0] = fuzz_u8(&in);
            irqs[v][i][1] = fuzz_u8(&in);
            devs[v][i] = (struct vm_dev_region){
                .pa = addr(&in),
                .va = addr(&in),
                .size = size(&in),
                .interrupt_num = fuzz_u8(&in) % 3,
                .interrupts = irqs[v][i]};
            ipcs[v][i] = (struct ipc){.base = addr(&in),
                                      .size = size(&in),
                                      .shmem_id = fuzz_u8(&in) % 3,
                                      .interrupt_num = fuzz_u8(&in) % 3,
                                      .interrupts = irqs[v][i]};
        }
    }
    if (config_check(&cfg, &target, cpus, &err) == 0)
        check_accepted(&cfg, cpus);
    return 0;
}
