/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupts on an AIA machine. The supervisor APLIC runs in MSI mode: each
 * source the hypervisor takes is delivered as an MSI to the supervisor
 * interrupt file of the hart that took it, with its own number as the
 * identity, and claimed there through stopei.
 *
 * VMs get no interrupt controller here yet (the configuration check refuses
 * platform.arch.irqc fields on this platform), so the hooks that serve a
 * VM's controller have nothing to do.
 */
#include <aia/aia_host.h>
#include <aia/aplic.h>
#include <aia/aplic_regs.h>
#include <aia/imsic.h>
#include <arch/irqc.h>
#include <arch/mmu.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>

/* The supervisor interrupt file of a hart (its guest files are 1..). */
#define SUPERVISOR_FILE 0

int irqc_init(void)
{
    if (mmu_hyp_map_device(platform.arch.aia.aplic.base,
                           platform.arch.aia.aplic.size))
        return -1;
    aplic_init();
    return 0;
}

void irqc_init_hart(unsigned hart)
{
    (void)hart;
    imsic_init_hart(aia_machine.imsic.num_ids);
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

void irqc_handle_external(void)
{
    unsigned hart = cpu_self()->hartid;
    unsigned id;

    while ((id = imsic_claim()) != 0) {
        struct vm *vm = NULL;

        switch (irq_claimed(hart, id, &vm)) {
        case IRQ_COMPLETE:
            resend_if_asserted(id);
            break;
        case IRQ_FORWARD:
            /* No VM has an interrupt controller on this platform yet. */
            log_error("hart %u: interrupt %u of VM %u cannot be delivered: "
                      "masked",
                      hart, id, vm->id);
            aplic_enable(id, false);
            break;
        default:
            aplic_enable(id, false);
            break;
        }
    }
}

void arch_irq_enable_hyp(unsigned id)
{
    int index = aia_hart_index(&aia_machine, cpu_self()->hartid);

    if (index < 0 || id == 0 || id > aia_machine.aplic.num_sources)
        return; /* the boot's machine check makes this impossible */
    /* Level-triggered, as the platform's devices are. */
    aplic_configure(id, APLIC_SM_LEVEL1, (unsigned)index, SUPERVISOR_FILE, id);
    imsic_enable(id, true);
    aplic_enable(id, true);
}

/* ---- A VM's interrupt controller: none on this platform yet ---- */

int arch_vm_irqc_init(struct vm *vm)
{
    (void)vm;
    return 0;
}

void arch_irqc_route(struct vm *vm, unsigned id)
{
    (void)vm;
    (void)id;
}

void arch_vm_reset_irqs(struct vm *vm)
{
    (void)vm;
}

void arch_vcpu_sync_irq_line(struct vcpu *vcpu)
{
    (void)vcpu;
}

void arch_virq_add_virtual(struct vm *vm, unsigned id)
{
    (void)vm;
    (void)id;
}

void arch_virq_set_level(struct vm *vm, unsigned id, bool level)
{
    (void)vm;
    (void)id;
    (void)level;
}

void arch_virq_trigger(struct vm *vm, unsigned id)
{
    (void)vm;
    (void)id;
}
