/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupts on an AIA machine. With IMSICs the supervisor APLIC runs in
 * MSI mode: each source the hypervisor takes is delivered as an MSI to the
 * supervisor interrupt file of the hart that took it, with its own number
 * as the identity, and claimed there through stopei. Without (a direct-only
 * machine, QEMU's aia=aplic) it runs in direct mode: the source goes to
 * that hart's IDC and is claimed there through claimi.
 *
 * With IMSICs the harts also interrupt each other through their files: a
 * store of the IPI identity (the one after the sources') instead of an
 * SBI call into the firmware, which sends its own IPI from M-mode.
 *
 * A source a VM owns goes the same way to the hart of the vCPU the guest
 * targets it at, and on into the VM's virtual APLIC (vaplic_irqc.c).
 */
#include <aia/aia_host.h>
#include <aia/aia_irqc.h>
#include <aia/aplic.h>
#include <aia/aplic_regs.h>
#include <aia/imsic.h>
#include <arch/csr.h>
#include <arch/irqc.h>
#include <arch/irqc_driver.h>
#include <arch/mmu.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>

unsigned aia_guest_files;
/* Direct mode: each hart's IDC (its hart index in the APLIC). */
static unsigned idc_of[MAX_CPUS];
/* MSI mode: the identity the harts' IPIs use (0: none, the firmware's),
 * and each hart's supervisor file once it takes them. */
static unsigned ipi_id;
static volatile uintptr_t ipi_file[MAX_CPUS];

/* How interrupts come on this machine, for the boot log. */
static void say_delivery(void)
{
    if (!aia_machine_msi()) {
        log_info("interrupts: APLIC at 0x%lx in direct mode (no IMSICs): "
                 "VMs get direct-mode APLICs",
                 (unsigned long)aia_machine.aplic.base);
        return;
    }
    log_info("interrupts: APLIC at 0x%lx in MSI mode, IMSICs at 0x%lx, "
             "guest interrupt files per hart: %u; IPIs between harts %s",
             (unsigned long)aia_machine.aplic.base,
             (unsigned long)aia_machine.imsic.base, aia_guest_files,
             ipi_id ? "through the files" : "through the firmware");
}

static int init(void)
{
    /* The interrupt files too: the hypervisor sends MSIs into its VMs'. */
    if (mmu_hyp_map_device(platform.arch.aia.aplic.base,
                           platform.arch.aia.aplic.size) ||
        (aia_machine_msi() &&
         mmu_hyp_map_device(aia_machine.imsic.base, aia_machine.imsic.size)))
        return -1;
    aplic_init(aia_machine_msi());
    /* The identity after the sources', if the files implement it; no
     * hart takes it until it opened its file. */
    for (unsigned h = 0; h < MAX_CPUS; h++)
        ipi_file[h] = 0;
    ipi_id = aia_machine_msi() &&
                     aia_machine.aplic.num_sources < aia_machine.imsic.num_ids
                 ? aia_machine.aplic.num_sources + 1
                 : 0;
    /* Guest files need both the harts' (GEILEN) and room for them in the
     * IMSIC's address space. */
    aia_guest_files = aia_machine_msi() && aia_machine.imsic.guest_index_bits
                          ? imsic_guest_files()
                          : 0;
    say_delivery();
    return 0;
}

/* Direct mode: this hart's IDC delivers, and is found on every claim. */
static int init_idc(unsigned hart)
{
    int index = aia_hart_index(&aia_machine, cpus[hart].hartid);

    if (index < 0) /* the boot's machine check makes this impossible */
        return -1;
    idc_of[hart] = (unsigned)index;
    aplic_idc_init((unsigned)index);
    return 0;
}

/*
 * MSI mode: every source's identity is open in every hart's file: a source
 * comes only when the APLIC enables it, targeted at one hart, and a VM's
 * may be retargeted from any hart (a file is set up only from its own).
 */
static void init_file(void)
{
    imsic_init_hart(aia_machine.imsic.num_ids);
    for (unsigned id = 1; id <= aia_machine.aplic.num_sources; id++)
        imsic_enable(id, true);
}

/* MSI mode: this hart takes IPIs through its file from now on. */
static void open_ipis(unsigned hart)
{
    int index = aia_hart_index(&aia_machine, cpus[hart].hartid);

    if (!ipi_id || index < 0)
        return;
    imsic_enable(ipi_id, true);
    __atomic_store_n(&ipi_file[hart],
                     (uintptr_t)aia_imsic_file(&aia_machine, (unsigned)index,
                                               AIA_SUPERVISOR_FILE),
                     __ATOMIC_RELEASE);
}

static bool send_ipi(unsigned hart)
{
    uintptr_t file = hart < MAX_CPUS
                         ? __atomic_load_n(&ipi_file[hart], __ATOMIC_ACQUIRE)
                         : 0;

    /* Not before the target opened its file: then the firmware's. */
    if (!file)
        return false;
    imsic_send((volatile void *)file, ipi_id);
    return true;
}

static int init_hart(unsigned hart)
{
    const struct vcpu *vcpu = cpus[hart].vcpu;

    if (!aia_machine_msi())
        return init_idc(hart);
    init_file();
    open_ipis(hart);
    /* GEILEN was counted on the boot hart: this one must have the file its
     * vCPU is given, or its first access to it would fault here. */
    if (vcpu && vcpu->vm->arch.guest_file > imsic_guest_files()) {
        log_error("hart %u has no guest interrupt file %u for VM %u's vCPU "
                  "%u",
                  hart, vcpu->vm->arch.guest_file, vcpu->vm->id, vcpu->id);
        return -1;
    }
    return 0;
}

/*
 * A level source waits for a new rising edge once its MSI went out (AIA
 * 4.9.2): if its input is still asserted after the handler ran, make it
 * pending again so the MSI comes again and nothing is left unserved.
 */
static void resend_if_asserted(unsigned id)
{
    if (aplic_asserted(id))
        aplic_resend(id);
}

static unsigned claim(unsigned hart)
{
    return aia_machine_msi() ? imsic_claim() : aplic_claim(idc_of[hart]);
}

static void handle_external(unsigned hart)
{
    unsigned id;

    while ((id = claim(hart)) != 0) {
        struct vm *vm = NULL;

        if (id == ipi_id) {
            /* Another hart's IPI: a software interrupt from here on. */
            csr_set(CSR_SIP, MIP_SSIP);
            continue;
        }
        switch (irq_claimed(hart, id, &vm)) {
        case IRQ_COMPLETE:
            /* Direct mode: a level source stays pending while asserted. */
            if (aia_machine_msi())
                resend_if_asserted(id);
            break;
        case IRQ_FORWARD:
            vaplic_irqc_forward(vm, id);
            break;
        default:
            aplic_enable(id, false);
            break;
        }
    }
}

static void enable_hyp(unsigned id, bool edge)
{
    int index = aia_hart_index(&aia_machine, cpu_self()->hartid);

    if (index < 0 || id == 0 || id > aia_machine.aplic.num_sources)
        return; /* the boot's machine check makes this impossible */
    /* Level-triggered as the platform's devices are, or rising-edge (a
     * pulse would be lost in level mode); direct mode ignores the file and
     * identity. */
    aplic_configure(id, edge ? APLIC_SM_EDGE1 : APLIC_SM_LEVEL1,
                    (unsigned)index, AIA_SUPERVISOR_FILE, id);
    aplic_enable(id, true);
}

const struct irqc_driver aia_driver = {
    .init = init,
    .init_hart = init_hart,
    .handle_external = handle_external,
    .send_ipi = send_ipi,
    .vcpu_reset = vaplic_irqc_vcpu_reset,
    .vcpu_sync_irq_line = vaplic_irqc_sync_line,
    .vm_init = vaplic_irqc_vm_init,
    .route = vaplic_irqc_route,
    .vm_reset_irqs = vaplic_irqc_vm_reset,
    .virq_add_virtual = vaplic_irqc_add_virtual,
    .virq_set_level = vaplic_irqc_set_level,
    .virq_trigger = vaplic_irqc_trigger,
    .enable_hyp = enable_hyp,
};
