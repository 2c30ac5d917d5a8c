/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The RISC-V part of the configuration check: guest-physical addresses are
 * what Sv39x4 translates, and a VM's interrupt controller is the board's
 * kind, emulated: a virtual PLIC (platform.arch.irqc.plic) on a PLIC board,
 * a virtual APLIC (platform.arch.irqc.aia.aplic) on an AIA board.
 */
#include <arch/vm_irqc.h>
#include <core/config_check_arch.h>
#include <lib/util.h>

/* Guest-physical addresses Sv39x4 can translate (priv. spec 8.5.1). */
#define GPA_LIMIT (1UL << 41)
/* Host-physical addresses a stage-2 PTE holds: its 44-bit PPN, of 4 KiB
 * pages (priv. spec 4.4.1, Sv39's PTE, which Sv39x4 uses). */
#define PA_LIMIT (1UL << 56)

#define PLIC_FIELD "platform.arch.irqc.plic.base"
#define APLIC_FIELD "platform.arch.irqc.aia.aplic.base"
#define IMSIC_FIELD "platform.arch.irqc.aia.imsic.base"

uint64_t arch_config_gpa_limit(void)
{
    return GPA_LIMIT;
}

uint64_t arch_config_pa_limit(void)
{
    return PA_LIMIT;
}

static unsigned min_u(unsigned a, unsigned b)
{
    return a < b ? a : b;
}

/*
 * Ids a VM may be given: those of the board's controller that its virtual
 * one shows (at most the hypervisor's, arch/vm_irqc.h). The generic platform
 * before boot knows only the latter, and either kind: each VM's configuration
 * says which it is shown (the boot checks again against the board's).
 */
void arch_config_target(const struct platform *p, struct config_target *t)
{
    const struct arch_platform *a = &p->arch;

    t->arch.irqc = a->irqc;
    t->arch.irqc_unknown = p->generic && !p->probed;
    if (t->arch.irqc_unknown) {
        t->irq_sources = min_u(vm_plic_sources(a), vm_aplic_sources(a) + 1);
        t->arch.guest_files = t->arch.imsics = true;
    } else if (a->irqc == ARCH_IRQC_AIA) {
        /* APLIC sources are 1..N; the target counts ids 1..N as N + 1. */
        t->irq_sources =
            min_u(a->aia.aplic.num_sources, vm_aplic_sources(a)) + 1;
        t->arch.guest_files = a->aia.imsic.guest_index_bits > 0;
        t->arch.imsics = a->aia.imsic.base != 0;
    } else {
        t->irq_sources = min_u(a->plic.num_sources, vm_plic_sources(a));
    }
    t->arch.plic_window = vm_plic_size(a);
    t->arch.aplic_window = vm_aplic_size(a);
}

static bool is_aia(const struct config_target *t)
{
    return t->arch.irqc == ARCH_IRQC_AIA;
}

/* The kind of controller a VM is shown: the board's, or, on the generic
 * platform before boot, the one its configuration names. */
static bool vm_is_aia(const struct vm_platform *p,
                      const struct config_target *t)
{
    if (!t->arch.irqc_unknown)
        return is_aia(t);
    return p->arch.irqc.aia.aplic.base || p->arch.irqc.aia.imsic.base;
}

bool arch_config_irqc_window(const struct vm_platform *p,
                             const struct config_target *t,
                             struct config_window *w)
{
    bool aia = vm_is_aia(p, t);

    *w = (struct config_window){
        .base = aia ? p->arch.irqc.aia.aplic.base : p->arch.irqc.plic.base,
        .size = aia ? t->arch.aplic_window : t->arch.plic_window,
        .field = aia ? APLIC_FIELD : PLIC_FIELD,
    };
    return w->base != 0;
}

bool arch_config_irqc_window2(const struct vm_platform *p,
                              const struct config_target *t,
                              struct config_window *w)
{
    *w = (struct config_window){
        .base = vm_is_aia(p, t) ? p->arch.irqc.aia.imsic.base : 0,
        .size = (uint64_t)p->cpu_num * PAGE_SIZE,
        .field = IMSIC_FIELD,
    };
    return w->base != 0;
}

/* The controller's window: page-aligned and clear of the VM's others. */
static int check_window(const struct vm_platform *p, size_t vm,
                        const struct config_window *w, const char *what,
                        struct config_error *err)
{
    if (!IS_ALIGNED(w->base, PAGE_SIZE) || range_wraps(w->base, w->size) ||
        w->base + w->size > GPA_LIMIT)
        return config_fail(err,
                           "VM %zu: %s 0x%lx is not a page-aligned "
                           "guest-physical address",
                           vm, w->field, w->base);
    if (config_touches_memory(p, w->base, w->size))
        return config_fail(err,
                           "VM %zu: %s 0x%lx: the %s window overlaps the VM's "
                           "memory",
                           vm, w->field, w->base, what);
    for (size_t i = 0; i < p->dev_num; i++) {
        if (ranges_overlap(w->base, w->size, p->devs[i].va, p->devs[i].size))
            return config_fail(err,
                               "VM %zu: %s 0x%lx: the %s window overlaps "
                               "platform.devs[%zu]",
                               vm, w->field, w->base, what, i);
    }
    for (size_t i = 0; i < p->ipc_num; i++) {
        if (ranges_overlap(w->base, w->size, p->ipcs[i].base, p->ipcs[i].size))
            return config_fail(err,
                               "VM %zu: %s 0x%lx: the %s window overlaps "
                               "platform.ipcs[%zu]",
                               vm, w->field, w->base, what, i);
    }
    return 0;
}

/* A PLIC board: only a PLIC can be emulated. */
static int check_plic_vm(const struct vm_platform *p, size_t vm,
                         struct config_error *err)
{
    if (p->arch.irqc.aia.aplic.base || p->arch.irqc.aia.imsic.base)
        return config_fail(err,
                           "VM %zu: platform.arch.irqc.aia is set, but this "
                           "platform's interrupt controller is a PLIC: use "
                           "platform.arch.irqc.plic",
                           vm);
    return 0;
}

/*
 * An MSI-mode VM's interrupt files: vCPU i's at imsic.base + i pages, the
 * window aligned to its size rounded up to a power of two (the guest finds
 * a hart's file from the base and its index, AIA 3.6, with no guest index
 * bits). The harts must have guest files to give them.
 */
static int check_imsic_window(const struct vm_platform *p, size_t vm,
                              const struct config_target *t,
                              struct config_error *err)
{
    struct config_window w;
    uint64_t align = PAGE_SIZE;

    arch_config_irqc_window2(p, t, &w);
    if (!t->arch.imsics)
        return config_fail(err,
                           "VM %zu: " IMSIC_FIELD " is set, but this "
                           "platform has no IMSICs (its APLIC delivers "
                           "directly), so no guest interrupt files for an "
                           "MSI-mode VM; leave it 0 (direct mode)",
                           vm);
    if (!t->arch.guest_files)
        return config_fail(err,
                           "VM %zu: " IMSIC_FIELD " is set, but this "
                           "platform's harts have no guest interrupt files "
                           "for an MSI-mode VM; leave it 0 (direct mode)",
                           vm);
    while (align < w.size)
        align <<= 1;
    if (!IS_ALIGNED(w.base, align))
        return config_fail(err,
                           "VM %zu: " IMSIC_FIELD " 0x%lx is not aligned to "
                           "0x%lx (its %zu vCPUs' interrupt files, a power "
                           "of two of pages)",
                           vm, w.base, align, p->cpu_num);
    if (ranges_overlap(w.base, w.size, p->arch.irqc.aia.aplic.base,
                       t->arch.aplic_window))
        return config_fail(err,
                           "VM %zu: " IMSIC_FIELD " 0x%lx: the interrupt "
                           "files overlap the APLIC window",
                           vm, w.base);
    return check_window(p, vm, &w, "interrupt files", err);
}

/* An AIA board: a virtual APLIC, delivering directly or, with interrupt
 * files, by MSIs. */
static int check_aia_vm(const struct vm_platform *p, size_t vm,
                        const struct config_target *t, struct config_error *err)
{
    if (p->arch.irqc.plic.base)
        return config_fail(err,
                           "VM %zu: " PLIC_FIELD " is set, but this "
                           "platform's interrupt controller is an APLIC: "
                           "use " APLIC_FIELD,
                           vm);
    if (!p->arch.irqc.aia.imsic.base)
        return 0;
    if (!p->arch.irqc.aia.aplic.base)
        return config_fail(err,
                           "VM %zu: " IMSIC_FIELD " is set, but " APLIC_FIELD
                           " is not: an MSI-mode VM's devices reach its "
                           "interrupt files through its APLIC",
                           vm);
    return check_imsic_window(p, vm, t, err);
}

int arch_config_check_vm(const struct vm_config *c, size_t vm,
                         const struct config_target *t,
                         struct config_error *err)
{
    const struct vm_platform *p = &c->platform;
    struct config_window w;

    if (t->arch.irqc_unknown && p->arch.irqc.plic.base &&
        (p->arch.irqc.aia.aplic.base || p->arch.irqc.aia.imsic.base))
        return config_fail(err,
                           "VM %zu: " PLIC_FIELD " and platform.arch.irqc.aia "
                           "are both set: a VM is shown one controller, the "
                           "board's kind",
                           vm);
    if (vm_is_aia(p, t) ? check_aia_vm(p, vm, t, err)
                        : check_plic_vm(p, vm, err))
        return -1;
    if (!arch_config_irqc_window(p, t, &w))
        return config_has_interrupts(p)
                   ? config_fail(err,
                                 "VM %zu: %s is not set, but the VM has "
                                 "interrupts",
                                 vm, w.field)
                   : 0;
    return check_window(p, vm, &w, vm_is_aia(p, t) ? "APLIC" : "PLIC", err);
}
