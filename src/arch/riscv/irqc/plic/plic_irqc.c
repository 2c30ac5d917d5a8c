/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Device interrupts for VMs with a PLIC. A VM's sources are masked in the
 * physical PLIC until the guest enables them in its virtual PLIC; then they
 * are enabled on the hart of the vCPU whose context enabled them. The
 * hypervisor claims a physical interrupt, marks it pending in the vPLIC and
 * raises hvip.VSEIP on the vCPUs whose line is now up; the physical source
 * stays claimed until the guest completes it in its vPLIC.
 */
#include <arch/irqc.h>
#include <arch/irqc_driver.h>
#include <arch/mmu.h>
#include <arch/vcpu_lines.h>
#include <arch/vm_irqc.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>
#include <lib/bitmap.h>
#include <plic/plic.h>
#include <plic/vplic.h>

_Static_assert(VPLIC_MAX_SOURCES == MAX_IRQS,
               "the vPLIC models every physical source id");

/* Priority the physical PLIC gives every source a VM owns. */
#define PHYS_PRIORITY 1

/* The hart whose context claimed the source; it completes it there. */
static unsigned irq_claim_hart[VPLIC_MAX_SOURCES];

static bool is_virtual(const struct vm *vm, unsigned id)
{
    return id < VPLIC_MAX_SOURCES && bitmap_test(vm->arch.virtual_src, id);
}

static unsigned s_context_of(unsigned vcpu_id)
{
    return vcpu_id * VPLIC_CONTEXTS_PER_VCPU + 1;
}

/* Mirror a vCPU's S-context enables into its hart's physical context. */
static void sync_enables(struct vm *vm, unsigned ctx)
{
    const struct vplic *p = &vm->arch.vplic;
    unsigned vcpu = ctx / VPLIC_CONTEXTS_PER_VCPU;

    if (ctx % VPLIC_CONTEXTS_PER_VCPU == 0 || vcpu >= vm->vcpu_num)
        return; /* M-mode contexts drive nothing */
    for (unsigned id = 1; id < p->num_sources; id++) {
        if (vplic_is_assigned(p, id) && !is_virtual(vm, id))
            plic_enable(vm->vcpus[vcpu].hart, id, vplic_is_enabled(p, ctx, id));
    }
}

/* vCPU i's line: its S context's, in the vPLIC. */
static bool plic_line(const struct vm *vm, unsigned i)
{
    return vplic_context_irq(&vm->arch.vplic, s_context_of(i));
}

/* Every vCPU's line after a change in the vPLIC; irq_lock held. */
static struct vcpu_lines record_lines(struct vm *vm)
{
    uint32_t up = 0;

    for (unsigned i = 0; i < vm->vcpu_num; i++)
        up |= (uint32_t)plic_line(vm, i) << i;
    return vcpu_lines_record(vm, up);
}

static void vcpu_sync_irq_line(struct vcpu *vcpu)
{
    struct vm *vm = vcpu->vm;

    if (!vm->cfg->platform.arch.irqc.plic.base)
        return;
    spin_lock(&vm->arch.irq_lock);
    vcpu_line_set(vcpu, plic_line(vm, vcpu->id));
    spin_unlock(&vm->arch.irq_lock);
}

/* The guest completed virtual source id: replay a latched edge. */
static void virtual_completed(struct vm *vm, unsigned id)
{
    struct vcpu_lines lines = {0, 0};

    spin_lock(&vm->arch.irq_lock);
    if (bitmap_test(vm->arch.edge_latched, id)) {
        bitmap_clear(vm->arch.edge_latched, id);
        if (vplic_raise(&vm->arch.vplic, id))
            lines = record_lines(vm);
    }
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
    vm_virq_completed(vm, id);
}

static int vplic_access(struct vcpu *vcpu, uint64_t offset, unsigned width,
                        bool write, uint64_t *value)
{
    struct vm *vm = vcpu->vm;
    struct vcpu_lines lines = {0, 0};
    struct vplic_result r;

    spin_lock(&vm->arch.irq_lock);
    if (write)
        r = vplic_write(&vm->arch.vplic, offset, width, (uint32_t)*value);
    else
        r = vplic_read(&vm->arch.vplic, offset, width);
    if (r.ok && r.enables_changed)
        sync_enables(vm, r.enable_ctx);
    if (r.ok && r.lines_changed)
        lines = record_lines(vm);
    spin_unlock(&vm->arch.irq_lock);
    if (!r.ok)
        return -1;
    if (!write)
        *value = r.value;
    if (r.completed_id && is_virtual(vm, r.completed_id))
        virtual_completed(vm, r.completed_id);
    else if (r.completed_id)
        plic_complete(irq_claim_hart[r.completed_id], r.completed_id);
    vcpu_lines_notify(vm, lines);
    return 0;
}

static void route(struct vm *vm, unsigned id)
{
    if (!vm->cfg->platform.arch.irqc.plic.base || id >= VPLIC_MAX_SOURCES)
        return;
    spin_lock(&vm->arch.irq_lock);
    vplic_assign(&vm->arch.vplic, id);
    spin_unlock(&vm->arch.irq_lock);
    plic_set_priority(id, PHYS_PRIORITY);
}

static int vm_init(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    if (!p->arch.irqc.plic.base)
        return 0;
    vplic_init(&vm->arch.vplic, vm_plic_sources(&platform.arch), vm->vcpu_num);
    if (vm_add_emul(vm, p->arch.irqc.plic.base, vm_plic_size(&platform.arch),
                    vplic_access)) {
        log_error("VM %u: no room for its PLIC's window", vm->id);
        return -1;
    }
    return 0;
}

static void vm_reset_irqs(struct vm *vm)
{
    struct vplic *p = &vm->arch.vplic;

    if (!vm->cfg->platform.arch.irqc.plic.base)
        return;
    spin_lock(&vm->arch.irq_lock);
    for (unsigned id = 1; id < p->num_sources; id++) {
        if (!vplic_is_assigned(p, id) || is_virtual(vm, id))
            continue;
        for (unsigned i = 0; i < vm->vcpu_num; i++)
            plic_enable(vm->vcpus[i].hart, id, false);
        /* Claimed physically when it was forwarded: whether the guest had
         * claimed it too (in flight) or not yet (pending), complete it, or
         * the physical PLIC would never deliver it again. */
        if (vplic_is_in_flight(p, id) || vplic_is_pending(p, id))
            plic_complete(irq_claim_hart[id], id);
    }
    vplic_init(p, vm_plic_sources(&platform.arch), vm->vcpu_num);
    vm->arch.lines_up = 0;
    bitmap_zero(vm->arch.edge_latched, VPLIC_WORDS);
    bitmap_zero(vm->arch.virtual_src, VPLIC_WORDS);
    spin_unlock(&vm->arch.irq_lock);
}

static int init(void)
{
    if (mmu_hyp_map_device(platform.arch.plic.base, platform.arch.plic.size))
        return -1;
    plic_init();
    return 0;
}

static int init_hart(unsigned hart)
{
    plic_init_hart(hart);
    return 0;
}

static void vcpu_reset(struct vcpu *vcpu)
{
    (void)vcpu; /* a vPLIC keeps nothing per hart */
}

/* A physical source the VM owns came: pending in its vPLIC. */
static void forward(struct vm *vm, unsigned id)
{
    struct vcpu_lines lines = {0, 0};

    spin_lock(&vm->arch.irq_lock);
    if (vplic_raise(&vm->arch.vplic, id))
        lines = record_lines(vm);
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
}

static bool send_ipi(unsigned hart)
{
    (void)hart;
    return false; /* a PLIC has no way: the firmware's IPI */
}

static void handle_external(unsigned hart)
{
    unsigned id;

    while ((id = plic_claim(hart)) != 0) {
        struct vm *vm = NULL;

        switch (irq_claimed(hart, id, &vm)) {
        case IRQ_FORWARD:
            irq_claim_hart[id] = hart;
            forward(vm, id);
            break;
        case IRQ_MASK:
            plic_enable(hart, id, false);
            plic_complete(hart, id);
            break;
        default:
            plic_complete(hart, id);
            break;
        }
    }
}

static void virq_add_virtual(struct vm *vm, unsigned id)
{
    if (!vm->cfg->platform.arch.irqc.plic.base || id >= VPLIC_MAX_SOURCES)
        return;
    spin_lock(&vm->arch.irq_lock);
    bitmap_set(vm->arch.virtual_src, id);
    vplic_assign(&vm->arch.vplic, id);
    spin_unlock(&vm->arch.irq_lock);
}

static void virq_set_level(struct vm *vm, unsigned id, bool level)
{
    struct vcpu_lines lines = {0, 0};

    if (!is_virtual(vm, id))
        return;
    spin_lock(&vm->arch.irq_lock);
    if (level ? vplic_raise(&vm->arch.vplic, id)
              : vplic_lower(&vm->arch.vplic, id))
        lines = record_lines(vm);
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
}

static void virq_trigger(struct vm *vm, unsigned id)
{
    struct vcpu_lines lines = {0, 0};

    if (!is_virtual(vm, id))
        return;
    /*
     * Edges coalesce into one pending request; one that comes while the
     * guest handles the previous (in flight) is latched and raised at its
     * completion, so no notification is lost.
     */
    spin_lock(&vm->arch.irq_lock);
    if (vplic_is_in_flight(&vm->arch.vplic, id))
        bitmap_set(vm->arch.edge_latched, id);
    else if (vplic_raise(&vm->arch.vplic, id))
        lines = record_lines(vm);
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
}

static void enable_hyp(unsigned id, bool edge)
{
    (void)edge; /* the PLIC latches a pulse as it does a level */
    plic_set_priority(id, PHYS_PRIORITY);
    plic_enable(cpu_self()->hartid, id, true);
}

const struct irqc_driver plic_driver = {
    .init = init,
    .init_hart = init_hart,
    .handle_external = handle_external,
    .send_ipi = send_ipi,
    .vcpu_reset = vcpu_reset,
    .vcpu_sync_irq_line = vcpu_sync_irq_line,
    .vm_init = vm_init,
    .route = route,
    .vm_reset_irqs = vm_reset_irqs,
    .virq_add_virtual = virq_add_virtual,
    .virq_set_level = virq_set_level,
    .virq_trigger = virq_trigger,
    .enable_hyp = enable_hyp,
};
