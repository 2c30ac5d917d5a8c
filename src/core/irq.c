/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/irq.h>
#include <core/vm.h>

/* Owner of each physical interrupt; written at boot, read at run time. */
static struct vm *irq_owner[MAX_IRQS];
/* The interrupts the hypervisor keeps: its console's input, its IOMMU's
 * faults. Written at boot, read at run time. */
#define HYP_IRQS_MAX 4
static struct {
    unsigned id;
    irq_handler_fn handler;
} hyp_irqs[HYP_IRQS_MAX];
static unsigned hyp_irq_num;

static irq_handler_fn hyp_handler(unsigned id)
{
    for (unsigned i = 0; i < hyp_irq_num; i++) {
        if (hyp_irqs[i].id == id)
            return hyp_irqs[i].handler;
    }
    return NULL;
}

static bool in_range(unsigned id)
{
    return id > 0 && id < MAX_IRQS;
}

int vm_virq_add(struct vm *vm, unsigned id, virq_completed_fn completed)
{
    if (!in_range(id) || vm->virq_num == MAX_VM_VIRQS)
        return -1;
    vm->virqs[vm->virq_num].id = id;
    vm->virqs[vm->virq_num].completed = completed;
    vm->virq_num++;
    arch_virq_add_virtual(vm, id);
    return 0;
}

bool vm_virq_is_virtual(const struct vm *vm, unsigned id)
{
    for (unsigned i = 0; i < vm->virq_num; i++) {
        if (vm->virqs[i].id == id)
            return true;
    }
    return false;
}

void vm_virq_completed(struct vm *vm, unsigned id)
{
    for (unsigned i = 0; i < vm->virq_num; i++) {
        if (vm->virqs[i].id == id && vm->virqs[i].completed)
            vm->virqs[i].completed(vm, id);
    }
}

/* Each of the VM's device interrupts that is not virtual, in turn. */
static int for_each_physical(struct vm *vm, int (*fn)(struct vm *, unsigned))
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->dev_num; i++) {
        for (size_t j = 0; j < p->devs[i].interrupt_num; j++) {
            unsigned id = (unsigned)p->devs[i].interrupts[j];

            if (!vm_virq_is_virtual(vm, id) && fn(vm, id))
                return -1;
        }
    }
    return 0;
}

static int take(struct vm *vm, unsigned id)
{
    if (!in_range(id) || hyp_handler(id) ||
        (irq_owner[id] && irq_owner[id] != vm)) {
        log_error("VM %u: interrupt %u is out of range or not free", vm->id,
                  id);
        return -1;
    }
    irq_owner[id] = vm;
    arch_irqc_route(vm, id);
    return 0;
}

int irq_vm_take_devices(struct vm *vm)
{
    return for_each_physical(vm, take);
}

static int route(struct vm *vm, unsigned id)
{
    arch_irqc_route(vm, id);
    return 0;
}

void irq_vm_restore(struct vm *vm)
{
    for (unsigned i = 0; i < vm->virq_num; i++)
        arch_virq_add_virtual(vm, vm->virqs[i].id);
    for_each_physical(vm, route);
}

static int count(struct vm *vm, unsigned id)
{
    (void)vm;
    (void)id;
    return 1;
}

void irq_vm_report(struct vm *vm)
{
    /* Only a VM with device interrupts of its own has anything to say. */
    if (for_each_physical(vm, count) == 0)
        return;
    log_info("VM %u: %lu device interrupts came through the hypervisor", vm->id,
             __atomic_load_n(&vm->irqs_forwarded, __ATOMIC_RELAXED));
}

int irq_take_for_hypervisor(unsigned id, irq_handler_fn handler, bool edge)
{
    if (hyp_irq_num == HYP_IRQS_MAX || !in_range(id)) {
        log_error("interrupt %u cannot be the hypervisor's", id);
        return -1;
    }
    if (irq_owner[id]) {
        log_error("interrupt %u, which the hypervisor needs, is VM %u's "
                  "(platform.devs[].interrupts)",
                  id, irq_owner[id]->id);
        return -1;
    }
    hyp_irqs[hyp_irq_num].id = id;
    hyp_irqs[hyp_irq_num].handler = handler;
    hyp_irq_num++;
    arch_irq_enable_hyp(id, edge);
    return 0;
}

enum irq_action irq_claimed(unsigned hart, unsigned id, struct vm **owner)
{
    /* A VM's first: the commonest, and never the hypervisor's (take). */
    *owner = in_range(id) ? irq_owner[id] : NULL;
    if (*owner) {
        __atomic_fetch_add(&(*owner)->irqs_forwarded, 1, __ATOMIC_RELAXED);
        return IRQ_FORWARD;
    }
    if (hyp_handler(id)) {
        hyp_handler(id)();
        return IRQ_COMPLETE;
    }
    log_warn("hart %u: interrupt %u belongs to no VM: masked", hart, id);
    return IRQ_MASK;
}
