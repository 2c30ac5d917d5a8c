/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The RISC-V IOMMU (iommu_regs.h): a one-level device directory whose
 * device contexts translate DMA by the owning VM's own stage-2 table (the
 * IOVA is the guest-physical address, the first stage stays Bare), so a
 * master reaches exactly what its VM's harts reach. A master with no
 * context is refused. Faults come in on a wired interrupt, all causes on
 * the first wire, and each record goes to dma_fault(). Everything is set
 * up at boot; stage-2 tables never change after it, so nothing needs
 * invalidating later.
 */
#include <arch/iommu_regs.h>
#include <arch/mmu.h>
#include <arch/vcpu_regs.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/dma.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>
#include <lib/util.h>

#define QUEUE_BYTES PAGE_SIZE
#define CQ_ENTRIES (QUEUE_BYTES / 16)
#define CQ_LOG2 8 /* log2(CQ_ENTRIES) */
#define FQ_ENTRIES (QUEUE_BYTES / IOMMU_FAULT_RECORD_SIZE)
#define FQ_LOG2 7 /* log2(FQ_ENTRIES) */
/* Polls of a busy bit or a queue head before the IOMMU counts as stuck. */
#define IOMMU_POLLS 10000000UL

static uint64_t ddt[PAGE_SIZE / 8] __attribute__((aligned(PAGE_SIZE)));
static uint64_t cq[QUEUE_BYTES / 8] __attribute__((aligned(PAGE_SIZE)));
static uint64_t fq[QUEUE_BYTES / 8] __attribute__((aligned(PAGE_SIZE)));
static unsigned dc_size; /* bytes per device context */
static uint32_t cq_tail;

static volatile uint32_t *reg32(unsigned off)
{
    return (volatile uint32_t *)(uintptr_t)(machine.iommu.base + off);
}

static volatile uint64_t *reg64(unsigned off)
{
    return (volatile uint64_t *)(uintptr_t)(machine.iommu.base + off);
}

static uint64_t ppn_field(const void *p)
{
    return ((uint64_t)(uintptr_t)p >> PAGE_SHIFT) << IOMMU_PPN_SHIFT;
}

/* Poll until (reg & mask) == want; false if the IOMMU never gets there. */
static bool poll32(unsigned off, uint32_t mask, uint32_t want)
{
    for (unsigned long i = 0; i < IOMMU_POLLS; i++) {
        if ((*reg32(off) & mask) == want)
            return true;
    }
    return false;
}

static bool ddtp_idle(void)
{
    for (unsigned long i = 0; i < IOMMU_POLLS; i++) {
        if (!(*reg64(IOMMU_DDTP) & IOMMU_DDTP_BUSY))
            return true;
    }
    return false;
}

static void cmd_put(uint64_t d0, uint64_t d1)
{
    uint64_t *slot = &cq[(cq_tail % CQ_ENTRIES) * 2];

    slot[0] = d0;
    slot[1] = d1;
    cq_tail = (cq_tail + 1) % CQ_ENTRIES;
}

/* Run the queued commands, the last an IOFENCE.C: wait for them all. */
static int cmd_run(void)
{
    cmd_put(IOMMU_CMD_IOFENCE_C, 0);
    __asm__ volatile("fence ow, ow" ::: "memory");
    *reg32(IOMMU_CQT) = cq_tail;
    if (!poll32(IOMMU_CQH, 0xffffffffU, cq_tail) ||
        (*reg32(IOMMU_CQCSR) & IOMMU_CQCSR_ERRORS)) {
        log_error("IOMMU: its command queue stopped (cqcsr 0x%x)",
                  *reg32(IOMMU_CQCSR));
        return -1;
    }
    return 0;
}

/* Off, queues off: the state in which fctl may change (spec 5.4). */
static int quiesce(void)
{
    *reg64(IOMMU_DDTP) = IOMMU_DDTP_MODE_OFF;
    *reg32(IOMMU_CQCSR) = 0;
    *reg32(IOMMU_FQCSR) = 0;
    /* A pending bit the firmware left would hold the wire's edge back. */
    *reg32(IOMMU_IPSR) = IOMMU_IPSR_ALL;
    if (!ddtp_idle() || !poll32(IOMMU_CQCSR, IOMMU_QCSR_ON, 0) ||
        !poll32(IOMMU_FQCSR, IOMMU_QCSR_ON, 0)) {
        log_error("IOMMU: it does not turn off");
        return -1;
    }
    return 0;
}

static int queues_on(void)
{
    *reg64(IOMMU_CQB) = ppn_field(cq) | (CQ_LOG2 - 1);
    *reg32(IOMMU_CQT) = 0;
    *reg32(IOMMU_CQCSR) = IOMMU_QCSR_EN;
    *reg64(IOMMU_FQB) = ppn_field(fq) | (FQ_LOG2 - 1);
    *reg32(IOMMU_FQH) = 0;
    *reg32(IOMMU_FQCSR) = IOMMU_QCSR_EN | IOMMU_QCSR_IE;
    if (!poll32(IOMMU_CQCSR, IOMMU_QCSR_ON, IOMMU_QCSR_ON) ||
        !poll32(IOMMU_FQCSR, IOMMU_QCSR_ON, IOMMU_QCSR_ON)) {
        log_error("IOMMU: its queues do not start");
        return -1;
    }
    return 0;
}

/* What this driver needs of the IOMMU: NULL, or what it lacks. */
static const char *unusable(uint64_t caps)
{
    if (IOMMU_CAP_VERSION_MAJOR(caps & IOMMU_CAP_VERSION_MASK) != 1)
        return "a specification version other than 1.x";
    if (!(caps & IOMMU_CAP_SV39X4))
        return "no Sv39x4 second stage";
    if (((caps >> IOMMU_CAP_IGS_SHIFT) & IOMMU_CAP_IGS_MASK) ==
        IOMMU_CAP_IGS_MSI)
        return "no wired interrupts";
    if (!machine.arch.iommu_irq)
        return "no interrupt in the device tree";
    return NULL;
}

static void fault_interrupt(void);

int arch_iommu_init(void)
{
    uint64_t caps;
    const char *lack;

    if (mmu_hyp_map_device(machine.iommu.base, IOMMU_REGS_SIZE))
        return -1;
    caps = *reg64(IOMMU_CAPABILITIES);
    if ((lack = unusable(caps))) {
        log_error("IOMMU at 0x%lx (capabilities 0x%lx): %s", machine.iommu.base,
                  caps, lack);
        return -1;
    }
    dc_size =
        (caps & IOMMU_CAP_MSI_FLAT) ? IOMMU_DC_EXT_SIZE : IOMMU_DC_BASE_SIZE;
    if (quiesce())
        return -1;
    *reg32(IOMMU_FCTL) = IOMMU_FCTL_WSI;
    *reg64(IOMMU_ICVEC) = 0; /* every cause on the first wire */
    if (queues_on())
        return -1;
    /* An empty directory: every master is refused. */
    __asm__ volatile("fence w, w" ::: "memory");
    *reg64(IOMMU_DDTP) = ppn_field(ddt) | IOMMU_DDTP_MODE_1LVL;
    if (!ddtp_idle())
        return -1;
    cmd_put(IOMMU_CMD_IODIR_INVAL_DDT, 0);
    cmd_put(IOMMU_CMD_IOTINVAL_GVMA, 0);
    if (cmd_run())
        return -1;
    if (irq_take_for_hypervisor(machine.arch.iommu_irq, fault_interrupt, true))
        return -1;
    /* What came before the wire was taken (its edge is gone). */
    fault_interrupt();
    log_info("IOMMU at 0x%lx: DMA of devices no VM is given is refused; "
             "faults on interrupt %u",
             machine.iommu.base, machine.arch.iommu_irq);
    return 0;
}

int arch_iommu_attach(struct vm *vm, uint32_t device)
{
    unsigned max = PAGE_SIZE / dc_size;
    uint64_t *dc = &ddt[device * (dc_size / 8)];

    if (device >= max) {
        log_error("IOMMU: device id 0x%x is beyond the %u its one-level "
                  "directory holds",
                  device, max);
        return -1;
    }
    /* iohgatp has hgatp's layout: the VM's mode, VMID (as GSCID) and root
     * (spec 2.1.3.2). Valid last. */
    dc[IOMMU_DC_IOHGATP] = mmu_vm_hgatp(vm);
    __asm__ volatile("fence w, w" ::: "memory");
    dc[IOMMU_DC_TC] = IOMMU_DC_TC_V;
    cmd_put(IOMMU_CMD_IODIR_INVAL_DDT | IOMMU_CMD_DV |
                ((uint64_t)device << IOMMU_CMD_DID_SHIFT),
            0);
    cmd_put(IOMMU_CMD_IOTINVAL_GVMA | IOMMU_CMD_GV |
                ((uint64_t)vm->arch.vmid << IOMMU_CMD_GSCID_SHIFT),
            0);
    return cmd_run();
}

static void record_to_fault(const uint64_t *rec, struct dma_fault *f)
{
    unsigned cause = IOMMU_FAULT_CAUSE(rec[0]);

    f->device = IOMMU_FAULT_DID(rec[0]);
    f->addr = rec[2];
    f->cause = cause;
    /* The cause tells reads from writes; the transaction type need not
     * (QEMU gives "write" for both). */
    f->write = cause == IOMMU_CAUSE_WRITE_GUEST_PAGE ||
               cause == IOMMU_CAUSE_WRITE_ACCESS;
    switch (cause) {
    case IOMMU_CAUSE_READ_ACCESS:
    case IOMMU_CAUSE_WRITE_ACCESS:
    case IOMMU_CAUSE_READ_GUEST_PAGE:
    case IOMMU_CAUSE_WRITE_GUEST_PAGE:
        f->kind = DMA_FAULT_OUTSIDE;
        break;
    case IOMMU_CAUSE_ALL_DISALLOWED:
    case IOMMU_CAUSE_DDT_INVALID:
        f->kind = DMA_FAULT_NO_OWNER;
        break;
    default:
        f->kind = DMA_FAULT_OTHER;
        break;
    }
}

/* Drain the fault queue; then clear the interrupt, and drain again what
 * came meanwhile (the IOMMU signals only a new pending bit). */
static void fault_interrupt(void)
{
    bool overflowed = false;

    do {
        uint32_t head = *reg32(IOMMU_FQH);
        uint32_t csr;

        while (head != *reg32(IOMMU_FQT)) {
            struct dma_fault f;

            __asm__ volatile("fence ir, ir" ::: "memory");
            record_to_fault(&fq[head * (IOMMU_FAULT_RECORD_SIZE / 8)], &f);
            dma_fault(&f);
            head = (head + 1) % FQ_ENTRIES;
            *reg32(IOMMU_FQH) = head;
        }
        csr = *reg32(IOMMU_FQCSR);
        if (csr & (IOMMU_FQCSR_OF | IOMMU_QCSR_MF)) {
            overflowed = true;
            *reg32(IOMMU_FQCSR) = csr; /* W1C of the error bits */
        }
        *reg32(IOMMU_IPSR) = IOMMU_IPSR_FIP;
    } while (*reg32(IOMMU_FQH) != *reg32(IOMMU_FQT));
    dma_faults_end(overflowed);
}
