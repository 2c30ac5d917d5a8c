/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM's virtual APLIC on an AIA board (src/arch/riscv/irqc/aia/
 * vaplic_irqc.c), on the real vAPLIC model, core's interrupt ownership and
 * the vCPU lines, with the physical APLIC faked here and the CSRs an array
 * (-DCSR_FAKE): what the guest configures and enables goes to the physical
 * APLIC aimed at its vCPU's hart, an arriving MSI raises that vCPU's line
 * (hvip.VSEIP here, an event for another hart), a level source stays
 * pending while the device holds it and drops when it lets go, and a reset
 * leaves nothing active. An MSI-mode VM's vCPUs get guest interrupt files,
 * mapped by stage 2, at which the physical APLIC aims its sources with the
 * guest's identities; what the model sends is stored into those files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fakes.h"
#include <aia/aia_host.h>
#include <aia/aia_irqc.h>
#include <aia/aplic.h>
#include <arch/csr.h>
#include <arch/irqc.h>
#include <arch/irqc_driver.h>
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>

#define APLIC_GPA 0xd000000UL
#define DISK_IRQ 8
#define UART_IRQ 10
#define HART0 3 /* vCPU 0's hart: hart index 1 */
#define HART1 5 /* vCPU 1's hart: hart index 2 */

/* AIA 4.5 offsets, written out. */
#define SOURCECFG(i) (0x0000UL + 4UL * (i))
#define SETIENUM 0x1edcUL
#define CLRIENUM 0x1fdcUL
#define TARGET(i) (0x3000UL + 4UL * (i))
#define DOMAINCFG 0x0000UL
#define IDELIVERY(v) (0x4000UL + 32UL * (v))
#define CLAIMI(v) (0x401cUL + 32UL * (v))
#define LEVEL1 6
#define EDGE1 4

struct platform platform = {
    .name = "test-aia",
    .arch = {.irqc = ARCH_IRQC_AIA,
             .aia = {.aplic = {.base = 0xd000000,
                               .size = 0x8000,
                               .num_sources = 96},
                     .imsic = {.base = 0x28000000,
                               .size = 0x8000,
                               .num_ids = 255,
                               .guest_index_bits = 1}}},
};
#define IMSIC_PA 0x28000000UL
#define IMSIC_GPA 0x30000000UL
struct aia_host aia_machine = {
    .aplic = {.num_sources = 96, .msi = true},
    .imsic = {.base = IMSIC_PA,
              .size = 0x8000,
              .num_ids = 255,
              .guest_index_bits = 1},
    .num_harts = 3,
    .hartid = {0, HART0, HART1},
};
unsigned aia_guest_files;
/* Hart index i's guest file 1: two pages a hart (AIA 3.6). */
#define GUEST_FILE(i) (IMSIC_PA + (i)*0x2000UL + 0x1000UL)

/* ---- the interrupt files, faked ----------------------------------------*/
static struct {
    uint64_t file;
    unsigned id;
} sent[8];
static unsigned sent_n, file_clears;

void imsic_send(volatile void *file, unsigned id)
{
    assert_true(sent_n < 8);
    sent[sent_n].file = (uint64_t)(uintptr_t)file;
    sent[sent_n++].id = id;
}

void imsic_guest_file_clear(unsigned num_ids)
{
    assert_int_equal(num_ids, 255);
    file_clears++;
}

/* ---- stage 2, faked ------------------------------------------------------*/
static struct {
    uint64_t gpa, hpa, size;
    int writable, executable;
} maps[4];
static unsigned maps_n;

int arch_vm_map(struct vm *vm, uint64_t gpa, uint64_t hpa, uint64_t size,
                int writable, int executable)
{
    (void)vm;
    assert_true(maps_n < 4);
    maps[maps_n++] = (typeof(maps[0])){gpa, hpa, size, writable, executable};
    return 0;
}

/* ---- the physical APLIC, faked -----------------------------------------*/
static struct {
    unsigned sm, hart_index, file, eiid;
    bool enabled, asserted;
    unsigned configured; /* sourcecfg writes */
} phys[97];

void aplic_init(bool msi)
{
    (void)msi;
}

void aplic_configure(unsigned id, unsigned sm, unsigned hart_index,
                     unsigned file, unsigned eiid)
{
    phys[id].sm = sm;
    phys[id].hart_index = hart_index;
    phys[id].file = file;
    phys[id].eiid = eiid;
    phys[id].enabled = false;
    phys[id].configured++;
}

void aplic_target(unsigned id, unsigned hart_index, unsigned file,
                  unsigned eiid)
{
    phys[id].hart_index = hart_index;
    phys[id].file = file;
    phys[id].eiid = eiid;
}

void aplic_enable(unsigned id, bool on)
{
    phys[id].enabled = on;
}

bool aplic_asserted(unsigned id)
{
    return phys[id].asserted;
}

void aplic_resend(unsigned id)
{
    (void)id;
}

/* The host side (aia_irqc.c) is not linked: the hypervisor takes nothing
 * here. */
static void enable_hyp(unsigned id, bool edge)
{
    (void)edge;
    fail_msg("hypervisor interrupt %u taken", id);
}

/* ---- the VM --------------------------------------------------------------*/
static irqid_t disk_irqs[] = {DISK_IRQ};
static struct vm_dev_region devs[] = {
    {.pa = 0x10001000,
     .va = 0x10001000,
     .size = 0x1000,
     .interrupt_num = 1,
     .interrupts = disk_irqs},
};
static struct vm_config cfg = {
    .platform = {.cpu_num = 2,
                 .dev_num = 1,
                 .devs = devs,
                 .arch = {.irqc.aia.aplic.base = APLIC_GPA}},
};
static struct vcpu vcpus[2];

static int setup(void **state)
{
    (void)state;
    aia_machine.aplic.msi = true;
    cfg.platform.arch.irqc.aia.imsic.base = 0;
    sent_n = maps_n = file_clears = 0;
    aia_guest_files = 1;
    fake_reset();
    memset(fake_csrs, 0, sizeof(fake_csrs));
    memset(phys, 0, sizeof(phys));
    memset(vms, 0, sizeof(vms));
    vms[0].cfg = &cfg;
    vms[0].vcpus = vcpus;
    vms[0].vcpu_num = 2;
    for (unsigned i = 0; i < 2; i++) {
        vcpus[i] = (struct vcpu){.vm = &vms[0], .id = i};
        vcpus[i].hart = i ? HART1 : HART0;
        cpus[vcpus[i].hart].vcpu = &vcpus[i];
    }
    vm_count = 1;
    fake.current_hart = HART1;
    assert_int_equal(vaplic_irqc_vm_init(&vms[0]), 0);
    assert_int_equal(vm_virq_add(&vms[0], UART_IRQ, NULL), 0);
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0);
    return 0;
}

/* The guest's 32-bit access to its APLIC window, from vCPU `v`. */
static uint32_t rw(unsigned v, uint64_t offset, bool write, uint32_t value)
{
    const struct vm_emul *w = vm_find_emul(&vms[0], APLIC_GPA);
    uint64_t x = value;

    assert_non_null(w);
    assert_int_equal(w->access(&vcpus[v], offset, 4, write, &x), 0);
    return (uint32_t)x;
}

/* What Linux's aplic-direct driver does for a source aimed at vCPU v. */
static void guest_sets_up(unsigned id, unsigned sm, unsigned v)
{
    rw(v, DOMAINCFG, true, 1u << 8);
    rw(v, IDELIVERY(v), true, 1);
    rw(v, SOURCECFG(id), true, sm);
    rw(v, TARGET(id), true, (uint32_t)v << 18 | 1);
    rw(v, SETIENUM, true, id);
}

static bool vseip(void)
{
    return fake_csrs[CSR_HVIP] & MIP_VSEIP;
}

static void
a_source_goes_live_physically_only_when_the_guest_enables_it(void **state)
{
    (void)state;
    assert_false(phys[DISK_IRQ].enabled);
    rw(1, SOURCECFG(DISK_IRQ), true, LEVEL1);
    rw(1, TARGET(DISK_IRQ), true, 1u << 18 | 1);
    assert_false(phys[DISK_IRQ].enabled);
    rw(1, SETIENUM, true, DISK_IRQ);
    /* Aimed at vCPU 1's hart (index 2), its supervisor file, id 8. */
    assert_true(phys[DISK_IRQ].enabled);
    assert_int_equal(phys[DISK_IRQ].sm, LEVEL1);
    assert_int_equal(phys[DISK_IRQ].hart_index, 2);
    assert_int_equal(phys[DISK_IRQ].file, AIA_SUPERVISOR_FILE);
    assert_int_equal(phys[DISK_IRQ].eiid, DISK_IRQ);
    /* Retargeted at vCPU 0, then disabled. */
    rw(1, TARGET(DISK_IRQ), true, 0u << 18 | 1);
    assert_int_equal(phys[DISK_IRQ].hart_index, 1);
    rw(1, CLRIENUM, true, DISK_IRQ);
    assert_false(phys[DISK_IRQ].enabled);
    /* The virtual UART never reaches the physical APLIC. */
    guest_sets_up(UART_IRQ, LEVEL1, 1);
    assert_false(phys[UART_IRQ].enabled);
}

static void a_level_source_is_pending_while_the_device_holds_it(void **s)
{
    (void)s;
    guest_sets_up(DISK_IRQ, LEVEL1, 1);
    assert_false(vseip());
    phys[DISK_IRQ].asserted = true;
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_true(vseip()); /* vCPU 1 is on this hart */
    /* Claimed while still asserted: it stays pending. */
    assert_int_equal(rw(1, CLAIMI(1), false, 0), DISK_IRQ << 16 | 1);
    assert_true(vseip());
    /* The device lets go: the next claim finds nothing, the line drops. */
    phys[DISK_IRQ].asserted = false;
    assert_int_equal(rw(1, CLAIMI(1), false, 0), 0);
    assert_false(vseip());
}

static void another_harts_vcpu_hears_by_an_event(void **state)
{
    (void)state;
    guest_sets_up(DISK_IRQ, EDGE1, 0);
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_false(vseip());
    assert_int_equal(fake.events_n, 1);
    assert_int_equal(fake.events[0].hart, HART0);
    assert_int_equal(fake.events[0].event, CPU_EV_IRQ_LINE);
    /* Edges coalesce while pending; one claim takes it. */
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_int_equal(rw(0, CLAIMI(0), false, 0), DISK_IRQ << 16 | 1);
    assert_int_equal(rw(0, CLAIMI(0), false, 0), 0);
}

static void a_level_input_held_across_the_enable_is_not_missed(void **s)
{
    (void)s;
    /* Asserted before the guest enables it: no MSI will come for it. */
    phys[DISK_IRQ].asserted = true;
    guest_sets_up(DISK_IRQ, LEVEL1, 1);
    assert_true(vseip());
    assert_int_equal(rw(1, CLAIMI(1), false, 0), DISK_IRQ << 16 | 1);
}

static void an_emulated_device_drives_its_virtual_source(void **state)
{
    (void)state;
    guest_sets_up(UART_IRQ, LEVEL1, 1);
    vaplic_irqc_set_level(&vms[0], UART_IRQ, true);
    assert_true(vseip());
    vaplic_irqc_set_level(&vms[0], UART_IRQ, false);
    assert_false(vseip());
}

static void an_inverted_edge_is_not_lost(void **state)
{
    (void)state;
    /* Edge0: the first MSI after choosing it is an interrupt too. */
    guest_sets_up(DISK_IRQ, 5, 1);
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_true(vseip());
    assert_int_equal(rw(1, CLAIMI(1), false, 0), DISK_IRQ << 16 | 1);
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_int_equal(rw(1, CLAIMI(1), false, 0), DISK_IRQ << 16 | 1);
}

static void a_disabled_level_source_still_shows_its_input(void **state)
{
    (void)state;
    /* Active physically in the guest's mode as soon as it is the guest's,
     * so its input (and a level source's pending bit) reads true. */
    rw(1, SOURCECFG(DISK_IRQ), true, LEVEL1);
    assert_int_equal(phys[DISK_IRQ].sm, LEVEL1);
    assert_false(phys[DISK_IRQ].enabled);
    phys[DISK_IRQ].asserted = true;
    assert_int_equal(rw(1, 0x1d00, false, 0), 1u << DISK_IRQ); /* in_clrip */
    assert_int_equal(rw(1, 0x1c00, false, 0), 1u << DISK_IRQ); /* setip */
}

/*
 * A machine whose APLIC delivers directly: a level source stays pending
 * there while the device holds its line, so the forwarded one is masked
 * until the guest, looking at its APLIC, sees the line low.
 */
static void a_direct_machine_holds_a_forwarded_level(void **state)
{
    (void)state;
    aia_machine.aplic.msi = false;
    guest_sets_up(DISK_IRQ, LEVEL1, 1);
    assert_true(phys[DISK_IRQ].enabled);
    phys[DISK_IRQ].asserted = true;
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_false(phys[DISK_IRQ].enabled);
    assert_true(vseip());
    /* The guest's claim while the device still holds it: still masked,
     * even when the guest enables the source again. */
    assert_int_equal(rw(1, CLAIMI(1), false, 0), DISK_IRQ << 16 | 1);
    rw(1, SETIENUM, true, DISK_IRQ);
    assert_false(phys[DISK_IRQ].enabled);
    /* Served: the next claim finds nothing and the source is live again. */
    phys[DISK_IRQ].asserted = false;
    assert_int_equal(rw(1, CLAIMI(1), false, 0), 0);
    assert_true(phys[DISK_IRQ].enabled);
    assert_false(vseip());
    /* An edge is not held: its pending bit ends with the claim. */
    guest_sets_up(DISK_IRQ, EDGE1, 1);
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_true(phys[DISK_IRQ].enabled);
}

/* A reset forgets what was held: the restarted guest's enable is live. */
static void a_reset_releases_a_held_source(void **state)
{
    (void)state;
    aia_machine.aplic.msi = false;
    guest_sets_up(DISK_IRQ, LEVEL1, 1);
    phys[DISK_IRQ].asserted = true;
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    assert_false(phys[DISK_IRQ].enabled);
    vaplic_irqc_vm_reset(&vms[0]);
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0);
    phys[DISK_IRQ].asserted = false;
    guest_sets_up(DISK_IRQ, LEVEL1, 1);
    assert_true(phys[DISK_IRQ].enabled);
}

static void enabling_one_source_reprograms_no_other(void **state)
{
    (void)state;
    guest_sets_up(DISK_IRQ, EDGE1, 1);
    unsigned before = phys[DISK_IRQ].configured;

    guest_sets_up(UART_IRQ, LEVEL1, 1);
    rw(1, CLRIENUM, true, UART_IRQ);
    rw(1, 0x1e00, true, 1u << UART_IRQ); /* setie[0] */
    assert_int_equal(phys[DISK_IRQ].configured, before);
    assert_true(phys[DISK_IRQ].enabled);
}

static void a_reset_leaves_no_source_active(void **state)
{
    (void)state;
    guest_sets_up(DISK_IRQ, LEVEL1, 1);
    phys[DISK_IRQ].asserted = true;
    vaplic_irqc_forward(&vms[0], DISK_IRQ);
    vaplic_irqc_vm_reset(&vms[0]);
    assert_false(phys[DISK_IRQ].enabled);
    assert_int_equal(phys[DISK_IRQ].sm, 0);
    assert_int_equal(vms[0].arch.lines_up, 0);
    assert_false(vaplic_is_assigned(&vms[0].arch.vaplic, DISK_IRQ));
    /* Given back by core, the source is there again, inactive. */
    irq_vm_restore(&vms[0]);
    assert_true(vaplic_is_assigned(&vms[0].arch.vaplic, DISK_IRQ));
    assert_false(vaplic_is_active(&vms[0].arch.vaplic, DISK_IRQ));
}

/* ---- MSI mode -----------------------------------------------------------*/
#define GENMSI 0x3000UL
#define SETIPNUM_LE 0x2000UL
#define IE (1u << 8)

static int setup_msi(void **state)
{
    cfg.platform.arch.irqc.aia.imsic.base = IMSIC_GPA;
    setup(state);
    cfg.platform.arch.irqc.aia.imsic.base = IMSIC_GPA; /* setup cleared it */
    memset(vms, 0, sizeof(vms));
    sent_n = maps_n = 0;
    vms[0].cfg = &cfg;
    vms[0].vcpus = vcpus;
    vms[0].vcpu_num = 2;
    assert_int_equal(vaplic_irqc_vm_init(&vms[0]), 0);
    assert_int_equal(vm_virq_add(&vms[0], UART_IRQ, NULL), 0);
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0);
    return 0;
}

/* What Linux's aplic-msi driver does for a source aimed at vCPU v. */
static void guest_aims(unsigned id, unsigned sm, unsigned v, unsigned eiid)
{
    rw(v, DOMAINCFG, true, IE);
    rw(v, SOURCECFG(id), true, sm);
    rw(v, TARGET(id), true, (uint32_t)v << 18 | eiid);
    rw(v, SETIENUM, true, id);
}

static void each_vcpu_gets_its_harts_guest_file(void **state)
{
    (void)state;
    assert_int_equal(vms[0].arch.guest_file, 1);
    assert_int_equal(maps_n, 2);
    for (unsigned i = 0; i < 2; i++) {
        assert_int_equal(maps[i].gpa, IMSIC_GPA + i * 0x1000);
        /* vCPU i is on hart index i + 1. */
        assert_int_equal(maps[i].hpa, GUEST_FILE(i + 1));
        assert_int_equal(maps[i].size, 0x1000);
        assert_true(maps[i].writable);
        assert_false(maps[i].executable);
    }
    /* Its file is cleared, and selected, on its hart when it starts. */
    vaplic_irqc_vcpu_reset(&vcpus[1]);
    assert_int_equal(file_clears, 1);
    assert_int_equal((fake_csrs[CSR_HSTATUS] & HSTATUS_VGEIN_MASK) >>
                         HSTATUS_VGEIN_SHIFT,
                     1);
}

static void without_guest_files_an_msi_vm_is_refused(void **state)
{
    (void)state;
    memset(vms, 0, sizeof(vms));
    vms[0].cfg = &cfg;
    vms[0].vcpus = vcpus;
    vms[0].vcpu_num = 2;
    aia_guest_files = 0;
    assert_int_equal(vaplic_irqc_vm_init(&vms[0]), -1);
    assert_non_null(strstr(fake.printk_last, "VM 0: platform.arch.irqc.aia."
                                             "imsic.base is set, but this "
                                             "machine's harts have no guest "
                                             "interrupt file"));
}

/* The hardware delivers straight to the guest: its file, its identity. */
static void a_device_is_aimed_at_the_guests_file(void **state)
{
    (void)state;
    guest_aims(DISK_IRQ, LEVEL1, 1, 0x21);
    assert_true(phys[DISK_IRQ].enabled);
    assert_int_equal(phys[DISK_IRQ].hart_index, 2);
    assert_int_equal(phys[DISK_IRQ].file, 1);
    assert_int_equal(phys[DISK_IRQ].eiid, 0x21);
    /* Nothing goes out while the guest's domain is off, or with no
     * identity (a torn-down interrupt, AIA 4.5.16). */
    rw(1, DOMAINCFG, true, 0);
    assert_false(phys[DISK_IRQ].enabled);
    rw(1, DOMAINCFG, true, IE);
    assert_true(phys[DISK_IRQ].enabled);
    rw(1, TARGET(DISK_IRQ), true, 1u << 18 | 0);
    assert_false(phys[DISK_IRQ].enabled);
    /* No line of the hypervisor's is ever raised for it. */
    assert_false(vseip());
    assert_int_equal(sent_n, 0);
}

/* Linux's level EOI (AIA 4.9.2): setipnum_le sends again only while the
 * device still asserts (this is also what keeps QEMU 7.2's APLIC from
 * sending for a low input). */
static void a_level_eoi_resends_only_while_asserted(void **state)
{
    (void)state;
    guest_aims(DISK_IRQ, LEVEL1, 0, 0x21);
    rw(0, SETIPNUM_LE, true, DISK_IRQ);
    assert_int_equal(sent_n, 0);
    phys[DISK_IRQ].asserted = true;
    rw(0, SETIPNUM_LE, true, DISK_IRQ);
    assert_int_equal(sent_n, 1);
    assert_int_equal(sent[0].file, GUEST_FILE(1));
    assert_int_equal(sent[0].id, 0x21);
}

static void an_emulated_device_sends_into_the_file(void **state)
{
    (void)state;
    guest_aims(UART_IRQ, LEVEL1, 1, 5);
    vaplic_irqc_set_level(&vms[0], UART_IRQ, true);
    assert_int_equal(sent_n, 1);
    assert_int_equal(sent[0].file, GUEST_FILE(2));
    assert_int_equal(sent[0].id, 5);
    assert_false(vseip());
    /* Still high at the guest's EOI: again; low: no more. */
    rw(1, SETIPNUM_LE, true, UART_IRQ);
    assert_int_equal(sent_n, 2);
    vaplic_irqc_set_level(&vms[0], UART_IRQ, false);
    rw(1, SETIPNUM_LE, true, UART_IRQ);
    assert_int_equal(sent_n, 2);
    /* An edge (an IPC notification) once per trigger. */
    rw(1, SOURCECFG(UART_IRQ), true, EDGE1);
    vaplic_irqc_trigger(&vms[0], UART_IRQ);
    assert_int_equal(sent_n, 3);
    assert_false(phys[UART_IRQ].enabled);
}

/* A restart gives the guest its APLIC as at its first boot: still in MSI
 * mode (domaincfg.DM reads 1), nothing enabled. */
static void a_reset_keeps_the_delivery_mode(void **state)
{
    (void)state;
    guest_aims(DISK_IRQ, LEVEL1, 1, 0x21);
    vaplic_irqc_vm_reset(&vms[0]);
    irq_vm_restore(&vms[0]);
    assert_int_equal(rw(0, DOMAINCFG, false, 0), 0x80000004);
    assert_false(phys[DISK_IRQ].enabled);
    guest_aims(DISK_IRQ, LEVEL1, 1, 0x22);
    assert_true(phys[DISK_IRQ].enabled);
    assert_int_equal(phys[DISK_IRQ].file, 1);
    assert_int_equal(phys[DISK_IRQ].eiid, 0x22);
}

static void genmsi_reaches_the_vcpus_file(void **state)
{
    (void)state;
    rw(0, GENMSI, true, 1u << 18 | 0x33);
    assert_int_equal(sent_n, 1);
    assert_int_equal(sent[0].file, GUEST_FILE(2));
    assert_int_equal(sent[0].id, 0x33);
}

/* The AIA driver's VM side, as aia_irqc.c's table has it: what core's
 * code linked here (irq.c, vm.c) calls through arch/irqc.c. */
const struct irqc_driver aia_driver = {
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(
            a_source_goes_live_physically_only_when_the_guest_enables_it,
            setup),
        cmocka_unit_test_setup(
            a_level_source_is_pending_while_the_device_holds_it, setup),
        cmocka_unit_test_setup(another_harts_vcpu_hears_by_an_event, setup),
        cmocka_unit_test_setup(
            a_level_input_held_across_the_enable_is_not_missed, setup),
        cmocka_unit_test_setup(an_emulated_device_drives_its_virtual_source,
                               setup),
        cmocka_unit_test_setup(an_inverted_edge_is_not_lost, setup),
        cmocka_unit_test_setup(a_disabled_level_source_still_shows_its_input,
                               setup),
        cmocka_unit_test_setup(a_direct_machine_holds_a_forwarded_level, setup),
        cmocka_unit_test_setup(a_reset_releases_a_held_source, setup),
        cmocka_unit_test_setup(enabling_one_source_reprograms_no_other, setup),
        cmocka_unit_test_setup(a_reset_leaves_no_source_active, setup),
        cmocka_unit_test_setup(each_vcpu_gets_its_harts_guest_file, setup_msi),
        cmocka_unit_test_setup(without_guest_files_an_msi_vm_is_refused,
                               setup_msi),
        cmocka_unit_test_setup(a_device_is_aimed_at_the_guests_file, setup_msi),
        cmocka_unit_test_setup(a_level_eoi_resends_only_while_asserted,
                               setup_msi),
        cmocka_unit_test_setup(an_emulated_device_sends_into_the_file,
                               setup_msi),
        cmocka_unit_test_setup(genmsi_reaches_the_vcpus_file, setup_msi),
        cmocka_unit_test_setup(a_reset_keeps_the_delivery_mode, setup_msi),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
