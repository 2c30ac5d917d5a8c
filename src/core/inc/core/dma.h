/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DMA confinement. Where the machine has an IOMMU, each DMA master the
 * configuration gives a VM (its devs[].id) reaches that VM's memory and
 * nothing else, and every other master is refused; what the IOMMU blocks
 * is reported here, named by VM. Where it has none, the build and the boot
 * warn (config_unapplied) and nothing is confined.
 */
#ifndef DMA_H
#define DMA_H

#include <stdbool.h>
#include <stdint.h>

struct vm;

/* Boot hart, after the VMs are built: give each VM its DMA masters. 0, or
 * -1 (logged, naming the VM and device) if the IOMMU cannot take one. */
int dma_confine(void);

/* What a blocked DMA tried. */
enum dma_fault_kind {
    DMA_FAULT_OUTSIDE,  /* an address the owner VM does not map */
    DMA_FAULT_NO_OWNER, /* a master no VM was given */
    DMA_FAULT_OTHER,    /* anything else the IOMMU refused (cause) */
};

struct dma_fault {
    enum dma_fault_kind kind;
    uint32_t device; /* the master's device id */
    uint64_t addr;   /* the (guest-physical) address it used */
    bool write;
    unsigned cause; /* the IOMMU's own code, for DMA_FAULT_OTHER */
};

/*
 * The IOMMU's fault handler, one call per record, then dma_faults_end()
 * once the queue is drained: `overflowed`, records were lost (the IOMMU
 * had no room for them).
 * Consecutive records of one master, kind and direction (a DMA faults once
 * per word) make one report; each VM's first DMA_REPORTS_MAX are printed,
 * the rest only counted.
 */
void dma_fault(const struct dma_fault *f);
void dma_faults_end(bool overflowed);

/* At the VM's shutdown: how many of its devices' DMA accesses were
 * blocked, over all its boots (nothing when none was). */
void dma_vm_report(const struct vm *vm);

/* The VM given master `device`, or NULL. */
struct vm *dma_owner(uint32_t device);

#define DMA_REPORTS_MAX 16

#endif
