/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DMA confinement: which VM each DMA master belongs to, and the reports of
 * what the IOMMU blocked. The IOMMU driver (arch) does the hardware.
 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/dma.h>
#include <core/platform.h>
#include <core/vm.h>
#include <lib/format.h>
#include <lib/spinlock.h>

struct vm *dma_owner(uint32_t device)
{
    for (unsigned v = 0; v < vm_count; v++) {
        const struct vm_platform *p = &vms[v].cfg->platform;

        for (size_t i = 0; i < p->dev_num; i++) {
            if (p->devs[i].id && p->devs[i].id == device)
                return &vms[v];
        }
    }
    return NULL;
}

static int attach_vm(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->dev_num; i++) {
        streamid_t id = p->devs[i].id;

        if (!id)
            continue;
        if (arch_iommu_attach(vm, (uint32_t)id)) {
            log_error("VM %u: platform.devs[%zu].id 0x%lx: the IOMMU cannot "
                      "confine this device",
                      vm->id, i, (unsigned long)id);
            return -1;
        }
        log_info("VM %u: DMA of device 0x%lx confined to the VM's memory",
                 vm->id, (unsigned long)id);
    }
    return 0;
}

int dma_confine(void)
{
    if (!machine.iommu.size)
        return 0; /* config_unapplied said what that leaves open */
    if (arch_iommu_init())
        return -1;
    for (unsigned v = 0; v < vm_count; v++) {
        if (attach_vm(&vms[v]))
            return -1;
    }
    return 0;
}

/*
 * The report being gathered: records of one master, kind and direction in
 * a row (a blocked DMA faults once per word). One fault handler runs at a
 * time (the IOMMU raises one interrupt), the lock is for a second hart
 * that takes a stale one.
 */
static spinlock_t report_lock = SPINLOCK_INIT;
static struct dma_fault open_report;
static uint64_t open_last;  /* the highest address of the run */
static unsigned open_count; /* 0: none open */
static unsigned unowned_reports;

static const char *direction(bool write)
{
    return write ? "write" : "read";
}

/* Count one more report against `vm` (or the unowned): whether to print. */
static bool report_allowed(struct vm *vm)
{
    unsigned *n = vm ? &vm->dma_reports : &unowned_reports;

    if (*n == DMA_REPORTS_MAX)
        log_warn("%s%u: further blocked DMA is not reported",
                 vm ? "VM " : "devices of no VM: ", vm ? vm->id : 0);
    return ++*n <= DMA_REPORTS_MAX;
}

static void print_report(void)
{
    const struct dma_fault *f = &open_report;
    struct vm *vm = dma_owner(f->device);
    char who[16] = "";

    if (vm) {
        vm->dma_faults += open_count;
        snprintf(who, sizeof(who), "VM %u: ", vm->id);
    }
    if (!report_allowed(vm))
        return;
    switch (f->kind) {
    case DMA_FAULT_OUTSIDE:
        log_warn("%sDMA %s by device 0x%x at 0x%lx-0x%lx blocked: outside "
                 "the VM's memory (%u faults); the VM runs on",
                 who, direction(f->write), f->device, f->addr, open_last,
                 open_count);
        break;
    case DMA_FAULT_NO_OWNER:
        log_warn("DMA by device 0x%x blocked: no VM is given this device "
                 "(%u faults)",
                 f->device, open_count);
        break;
    default:
        log_warn("%sDMA %s by device 0x%x at 0x%lx blocked: IOMMU cause %u "
                 "(%u faults)",
                 who, direction(f->write), f->device, f->addr, f->cause,
                 open_count);
        break;
    }
}

static bool same_run(const struct dma_fault *f)
{
    return open_count && f->kind == open_report.kind &&
           f->device == open_report.device && f->write == open_report.write &&
           f->cause == open_report.cause;
}

void dma_fault(const struct dma_fault *f)
{
    spin_lock(&report_lock);
    if (!same_run(f)) {
        if (open_count)
            print_report();
        open_report = *f;
        open_last = f->addr;
        open_count = 0;
    }
    if (f->addr < open_report.addr)
        open_report.addr = f->addr;
    if (f->addr > open_last)
        open_last = f->addr;
    open_count++;
    spin_unlock(&report_lock);
}

void dma_faults_end(bool overflowed)
{
    spin_lock(&report_lock);
    if (open_count)
        print_report();
    open_count = 0;
    spin_unlock(&report_lock);
    if (overflowed)
        log_warn("IOMMU: its fault queue overflowed: more blocked DMA "
                 "accesses came than were recorded");
}

void dma_vm_report(const struct vm *vm)
{
    unsigned long n = __atomic_load_n(&vm->dma_faults, __ATOMIC_RELAXED);

    if (n)
        log_info("VM %u: %lu DMA accesses of its devices were blocked", vm->id,
                 n);
}
