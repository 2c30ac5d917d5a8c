/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM's interrupt controller on an AIA board: a virtual APLIC (vaplic.c)
 * at platform.arch.irqc.aia.aplic.base, in one of two delivery modes.
 *
 * MSI mode (platform.arch.irqc.aia.imsic.base set): each vCPU has a guest
 * interrupt file of its hart, mapped by stage 2 where the guest believes
 * its supervisor file is, and selected by hstatus.VGEIN. A physical source
 * the guest enables is aimed by the physical APLIC at that file with the
 * guest's own identity, so its interrupts reach the guest without the
 * hypervisor; only the guest's configuration writes trap. What the model
 * itself sends (virtual sources, the guest's setip and genmsi requests) the
 * hypervisor stores into the file.
 *
 * Direct mode: the vAPLIC's IDCs drive each vCPU's hvip.VSEIP, and what
 * follows is about it.
 *
 * A physical source the VM owns is active in the physical APLIC while it
 * is in the guest's copy, in the guest's source mode, and delivers while
 * the guest enables it to the hart of the vCPU the guest targets: as an
 * MSI to its supervisor interrupt file, or on a machine without IMSICs to
 * its IDC, and from there (aia_irqc.c) into the model as an input change.
 * A level source's input stays as the physical APLIC sees it (in_clrip)
 * each time the guest looks, so its pending bit follows the device as AIA
 * 4.7 says for direct mode. On a direct-delivery machine a forwarded level
 * source is held masked until then (vm->arch.held). Emulated devices drive
 * virtual sources, which exist only in the model.
 */
#include <aia/aia_host.h>
#include <aia/aia_irqc.h>
#include <aia/aplic.h>
#include <aia/aplic_regs.h>
#include <aia/imsic.h>
#include <aia/vaplic.h>
#include <arch/csr.h>
#include <arch/irqc.h>
#include <arch/vcpu_lines.h>
#include <arch/vm_irqc.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>
#include <lib/bitmap.h>

_Static_assert(VAPLIC_MAX_SOURCES == MAX_IRQS,
               "the vAPLIC models every physical source id");
_Static_assert(VAPLIC_MAX_VCPUS >= MAX_CPUS,
               "a VM's vCPUs (one per hart at most) fit the vAPLIC");

/* The priority bits (IPRIOLEN) of the VMs' APLICs, as QEMU's. */
#define VAPLIC_IPRIO_BITS 3
/* Identity bits of MSI-mode targets: unused in direct mode. */
#define VAPLIC_EIID_BITS 8

/* The guest file an MSI-mode VM's vCPUs get on their harts. */
#define VM_GUEST_FILE 1

static bool has_vaplic(const struct vm *vm)
{
    return vm->cfg->platform.arch.irqc.aia.aplic.base != 0;
}

static bool msi_mode(const struct vm *vm)
{
    return vm->arch.guest_file != 0;
}

static bool is_virtual(const struct vm *vm, unsigned id)
{
    return id < VAPLIC_MAX_SOURCES && bitmap_test(vm->arch.virtual_src, id);
}

static bool vaplic_line(const struct vm *vm, unsigned i)
{
    return vaplic_idc_irq(&vm->arch.vaplic, i);
}

/* Every vCPU's line after a change in the vAPLIC; irq_lock held. */
static struct vcpu_lines record_lines(struct vm *vm)
{
    return vcpu_lines_record(vm, vaplic_lines(&vm->arch.vaplic));
}

void vaplic_irqc_sync_line(struct vcpu *vcpu)
{
    struct vm *vm = vcpu->vm;

    if (!has_vaplic(vm))
        return;
    spin_lock(&vm->arch.irq_lock);
    vcpu_line_set(vcpu, vaplic_line(vm, vcpu->id));
    spin_unlock(&vm->arch.irq_lock);
}

/* The model's wire for a physical source whose input is (not) asserted in
 * the mode the guest gave it (the physical source runs in that mode). */
static bool wire_of(const struct vaplic *a, unsigned id, bool asserted)
{
    return asserted != aplic_sm_is_inverted(vaplic_source_mode(a, id));
}

static bool feed(struct vm *vm, unsigned id, bool asserted)
{
    return vaplic_set_input(&vm->arch.vaplic, id,
                            wire_of(&vm->arch.vaplic, id, asserted));
}

/* The hart index of the vCPU a source targets, or -1. */
static int target_index(const struct vm *vm, unsigned id)
{
    unsigned v = vaplic_target_vcpu(&vm->arch.vaplic, id);

    if (v >= vm->vcpu_num)
        return -1;
    return aia_hart_index(&aia_machine, vm->vcpus[v].hart);
}

/*
 * A physical source delivers while the guest has it active, enabled and
 * aimed at one of its vCPUs; in MSI mode, where nothing else stands between
 * it and the guest, also only while the guest's domain is enabled and with
 * an identity (0 is none, AIA 4.5.16); irq_lock held.
 */
static void mirror_enable(struct vm *vm, unsigned id)
{
    const struct vaplic *a = &vm->arch.vaplic;
    bool on = vaplic_is_active(a, id) && vaplic_is_enabled(a, id) &&
              target_index(vm, id) >= 0;

    if (msi_mode(vm))
        on = on && a->ie && vaplic_target_eiid(a, id) != 0;
    aplic_enable(id, on && !bitmap_test(vm->arch.held, id));
}

/* Direct-delivery machine: the guest has seen a held source low; it may
 * interrupt again. irq_lock held. */
static void release(struct vm *vm, unsigned id)
{
    if (!bitmap_test(vm->arch.held, id))
        return;
    bitmap_clear(vm->arch.held, id);
    mirror_enable(vm, id);
}

/*
 * The guest changed a physical source's target, or with `mode` its mode:
 * the physical one follows, active in the guest's mode while the guest's
 * is (so its input reads as the guest's would), aimed at the vCPU's hart;
 * irq_lock held.
 */
static void follow_source(struct vm *vm, unsigned id, bool mode)
{
    const struct vaplic *a = &vm->arch.vaplic;
    unsigned sm = vaplic_source_mode(a, id);
    int index = target_index(vm, id);

    /* MSI mode: the vCPU's guest file, the guest's identity; direct: the
     * hypervisor's file, the source's number (aia_irqc.c). */
    unsigned file = vm->arch.guest_file;
    unsigned eiid = file ? vaplic_target_eiid(a, id) : id;

    if (is_virtual(vm, id) || !vaplic_is_assigned(a, id))
        return;
    if (mode) {
        bitmap_clear(vm->arch.held, id); /* its input is read again below */
        aplic_configure(id, sm, index < 0 ? 0 : (unsigned)index, file, eiid);
    } else if (index >= 0)
        aplic_target(id, (unsigned)index, file, eiid);
    mirror_enable(vm, id);
    if (file) {
        /* MSI mode: the physical APLIC pends a source made active while
         * asserted and sends it itself; the model must not send it too. */
        vaplic_drop_pending(&vm->arch.vaplic, id);
        return;
    }
    /* A level input already asserted sends no MSI until it rises again:
     * take it from the physical APLIC now (say, across a restart). */
    if (aplic_sm_is_level(sm))
        feed(vm, id, aplic_asserted(id));
}

static void mirror_enables(struct vm *vm, unsigned word)
{
    for (unsigned b = 0; b < 32; b++) {
        unsigned id = word * 32 + b;

        if (vaplic_is_assigned(&vm->arch.vaplic, id) && !is_virtual(vm, id))
            mirror_enable(vm, id);
    }
}

/*
 * Level sources follow their physical input; irq_lock held. In MSI mode
 * the input only decides the guest's setip requests: the hardware sent
 * the source's MSIs itself.
 */
static bool refresh_levels(struct vm *vm)
{
    struct vaplic *a = &vm->arch.vaplic;
    bool changed = false;

    /* Only the VM's physical sources: this runs on every guest access. */
    for (unsigned w = 0; w < VAPLIC_WORDS; w++) {
        uint32_t ours = a->assigned[w] & ~vm->arch.virtual_src[w];

        for (unsigned b = 0; ours; b++, ours >>= 1) {
            unsigned id = w * 32 + b;
            bool asserted;

            if (!(ours & 1) || !aplic_sm_is_level(vaplic_source_mode(a, id)))
                continue;
            asserted = aplic_asserted(id);
            if (msi_mode(vm)) {
                vaplic_follow_wire(a, id, wire_of(a, id, asserted));
                continue;
            }
            changed |= feed(vm, id, asserted);
            if (!asserted)
                release(vm, id);
        }
    }
    return changed;
}

/* vCPU v's guest file, as the hypervisor reaches it. */
static volatile void *guest_file_of(const struct vm *vm, unsigned v)
{
    return (volatile void *)vm->arch.guest_file_pa[v];
}

/* MSI mode: send what the model has to send (AIA 4.9); irq_lock held. */
static void send_msis(struct vm *vm)
{
    unsigned id, v, eiid;

    while (vaplic_take_msi(&vm->arch.vaplic, &id, &v, &eiid)) {
        if (eiid && v < vm->vcpu_num)
            imsic_send(guest_file_of(vm, v), eiid);
    }
}

/* After a change in the model: MSIs to send, or lines to recompute. */
static struct vcpu_lines deliver(struct vm *vm)
{
    struct vcpu_lines none = {0, 0};

    if (!msi_mode(vm))
        return record_lines(vm);
    send_msis(vm);
    return none;
}

void vaplic_irqc_forward(struct vm *vm, unsigned id)
{
    struct vcpu_lines lines = {0, 0};
    unsigned sm;
    bool changed;

    spin_lock(&vm->arch.irq_lock);
    sm = vaplic_source_mode(&vm->arch.vaplic, id);
    /* A direct-delivery machine: no MSI ends a level source's interrupts,
     * the device's line does; hold it until the guest sees it low. */
    if (!aia_machine_msi() && aplic_sm_is_level(sm)) {
        bitmap_set(vm->arch.held, id);
        aplic_enable(id, false);
    }
    /* An edge rises from rest and is over once it came; a level stays
     * (refresh_levels follows it down). */
    if (!aplic_sm_is_level(sm))
        feed(vm, id, false);
    changed = feed(vm, id, true);
    if (!aplic_sm_is_level(sm))
        feed(vm, id, false);
    if (changed)
        lines = deliver(vm);
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
}

static int vaplic_access(struct vcpu *vcpu, uint64_t offset, unsigned width,
                         bool write, uint64_t *value)
{
    struct vm *vm = vcpu->vm;
    struct vcpu_lines lines = {0, 0};
    struct vaplic_result r;
    bool inputs_changed;

    spin_lock(&vm->arch.irq_lock);
    inputs_changed = refresh_levels(vm);
    if (write)
        r = vaplic_write(&vm->arch.vaplic, offset, width, (uint32_t)*value);
    else
        r = vaplic_read(&vm->arch.vaplic, offset, width);
    if (r.ok && r.source_changed)
        follow_source(vm, r.source_changed, r.mode_changed);
    if (r.ok && r.enables_changed)
        mirror_enables(vm, r.enables_word);
    if (r.ok && r.ie_changed && msi_mode(vm))
        for (unsigned w = 0; w < VAPLIC_WORDS; w++)
            mirror_enables(vm, w);
    if (r.ok && r.genmsi && r.genmsi_eiid)
        imsic_send(guest_file_of(vm, r.genmsi_vcpu), r.genmsi_eiid);
    if (r.lines_changed || inputs_changed)
        lines = deliver(vm);
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
    if (!r.ok)
        return -1;
    if (!write)
        *value = r.value;
    return 0;
}

/* MSI mode: vCPU i's guest file where the guest believes its supervisor
 * file is, imsic.base + i pages (read-write, never executable). */
static int map_guest_files(struct vm *vm)
{
    uint64_t base = vm->cfg->platform.arch.irqc.aia.imsic.base;

    if (aia_guest_files < VM_GUEST_FILE) {
        log_error("VM %u: platform.arch.irqc.aia.imsic.base is set, but this "
                  "machine's harts have no guest interrupt file for it (QEMU: "
                  "-M virt,aia=aplic-imsic,aia-guests=1)",
                  vm->id);
        return -1;
    }
    vm->arch.guest_file = VM_GUEST_FILE;
    for (unsigned i = 0; i < vm->vcpu_num; i++) {
        int index = aia_hart_index(&aia_machine, vm->vcpus[i].hart);
        uint64_t file =
            index < 0
                ? 0
                : aia_imsic_file(&aia_machine, (unsigned)index, VM_GUEST_FILE);

        vm->arch.guest_file_pa[i] = (uintptr_t)file;
        if (!file || arch_vm_map(vm, base + (uint64_t)i * PAGE_SIZE, file,
                                 PAGE_SIZE, 1, 0)) {
            log_error("VM %u: cannot map vCPU %u's interrupt file", vm->id, i);
            return -1;
        }
    }
    return 0;
}

void vaplic_irqc_vcpu_reset(struct vcpu *vcpu)
{
    if (!msi_mode(vcpu->vm))
        return;
    csr_clear(CSR_HSTATUS, HSTATUS_VGEIN_MASK);
    csr_set(CSR_HSTATUS,
            (unsigned long)vcpu->vm->arch.guest_file << HSTATUS_VGEIN_SHIFT);
    imsic_guest_file_clear(aia_machine.imsic.num_ids);
}

/* Identity bits of the guest's files: as many as their identities need. */
static unsigned eiid_bits(unsigned num_ids)
{
    unsigned bits = 1;

    while ((1u << bits) <= num_ids)
        bits++;
    return bits;
}

/* The vAPLIC as at reset, in the VM's delivery mode. */
static void reset_model(struct vm *vm)
{
    bool msi = msi_mode(vm);

    vaplic_init(&vm->arch.vaplic, vm_aplic_sources(&platform.arch),
                vm->vcpu_num, msi, VAPLIC_IPRIO_BITS,
                msi ? eiid_bits(vm_imsic_ids(&platform.arch))
                    : VAPLIC_EIID_BITS);
}

int vaplic_irqc_vm_init(struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    if (!has_vaplic(vm))
        return 0;
    if (p->arch.irqc.aia.imsic.base && map_guest_files(vm))
        return -1;
    reset_model(vm);
    if (vm_add_emul(vm, p->arch.irqc.aia.aplic.base,
                    vm_aplic_size(&platform.arch), vaplic_access)) {
        log_error("VM %u: no room for its APLIC's window", vm->id);
        return -1;
    }
    return 0;
}

void vaplic_irqc_route(struct vm *vm, unsigned id)
{
    if (!has_vaplic(vm) || id >= VAPLIC_MAX_SOURCES)
        return;
    spin_lock(&vm->arch.irq_lock);
    vaplic_assign(&vm->arch.vaplic, id);
    spin_unlock(&vm->arch.irq_lock);
}

void vaplic_irqc_vm_reset(struct vm *vm)
{
    struct vaplic *a = &vm->arch.vaplic;

    if (!has_vaplic(vm))
        return;
    spin_lock(&vm->arch.irq_lock);
    for (unsigned id = 1; id < VAPLIC_MAX_SOURCES; id++) {
        if (vaplic_is_assigned(a, id) && !is_virtual(vm, id))
            aplic_configure(id, APLIC_SM_INACTIVE, 0, AIA_SUPERVISOR_FILE, 0);
    }
    reset_model(vm);
    vm->arch.lines_up = 0;
    bitmap_zero(vm->arch.virtual_src, VPLIC_WORDS);
    bitmap_zero(vm->arch.held, VPLIC_WORDS);
    spin_unlock(&vm->arch.irq_lock);
}

void vaplic_irqc_add_virtual(struct vm *vm, unsigned id)
{
    if (!has_vaplic(vm) || id >= VAPLIC_MAX_SOURCES)
        return;
    spin_lock(&vm->arch.irq_lock);
    bitmap_set(vm->arch.virtual_src, id);
    vaplic_assign(&vm->arch.vaplic, id);
    spin_unlock(&vm->arch.irq_lock);
}

void vaplic_irqc_set_level(struct vm *vm, unsigned id, bool level)
{
    struct vcpu_lines lines = {0, 0};

    if (!is_virtual(vm, id))
        return;
    spin_lock(&vm->arch.irq_lock);
    if (vaplic_set_input(&vm->arch.vaplic, id, level))
        lines = deliver(vm);
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
}

void vaplic_irqc_trigger(struct vm *vm, unsigned id)
{
    struct vcpu_lines lines = {0, 0};
    unsigned v, eiid;

    if (!is_virtual(vm, id))
        return;
    /* An edge: the wire pulses from low; edges coalesce while pending. In
     * MSI mode (the IPC notification path) it is one store into the
     * vCPU's guest file, and no line to compute. */
    spin_lock(&vm->arch.irq_lock);
    if (msi_mode(vm)) {
        if (vaplic_pulse_msi(&vm->arch.vaplic, id, &v, &eiid) && eiid &&
            v < vm->vcpu_num)
            imsic_send(guest_file_of(vm, v), eiid);
        spin_unlock(&vm->arch.irq_lock);
        return;
    }
    if (vaplic_pulse(&vm->arch.vaplic, id))
        lines = record_lines(vm);
    spin_unlock(&vm->arch.irq_lock);
    vcpu_lines_notify(vm, lines);
}
