/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hypervisor's interrupts on an AIA machine (src/arch/riscv/irqc/aia/
 * aia_irqc.c), with core's interrupt ownership (irq.c) and the APLIC and
 * interrupt-file drivers and the VMs' side (vaplic_irqc.c) faked here: a
 * source the hypervisor takes is
 * targeted at its own hart's supervisor file with its own number, claims
 * run its handler, a level source still asserted after it is sent again,
 * and what no one owns is masked.
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
#include <aia/aplic_regs.h>
#include <aia/imsic.h>
#include <arch/csr.h>
#include <arch/irqc.h>
#include <arch/irqc_driver.h>
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>

#define UART_IRQ 10
#define NOBODY_IRQ 9
#define HART 3

struct platform platform = {
    .name = "test-aia",
    .arch = {.irqc = ARCH_IRQC_AIA,
             .aia = {.aplic = {.base = 0xd000000,
                               .size = 0x8000,
                               .num_sources = 96}}},
};
struct aia_host aia_machine;

/* ---- the drivers, faked ------------------------------------------------*/
static struct {
    unsigned sm, hart_index, file, eiid;
    bool enabled, asserted;
    unsigned resent;
} src[97];
static bool file_enabled[256];
static unsigned claims[8], claims_n, claims_at, init_ids;
static bool domain_msi;
static unsigned idc_inits[4], idc_inits_n, idc_claimed_from;

void aplic_init(bool msi)
{
    domain_msi = msi;
}

void aplic_idc_init(unsigned hart_index)
{
    idc_inits[idc_inits_n++] = hart_index;
}

unsigned aplic_claim(unsigned hart_index)
{
    idc_claimed_from = hart_index;
    return claims_at < claims_n ? claims[claims_at++] : 0;
}

void aplic_configure(unsigned id, unsigned sm, unsigned hart_index,
                     unsigned file, unsigned eiid)
{
    src[id].sm = sm;
    src[id].hart_index = hart_index;
    src[id].file = file;
    src[id].eiid = eiid;
    src[id].enabled = false;
}

void aplic_enable(unsigned id, bool on)
{
    src[id].enabled = on;
}

bool aplic_asserted(unsigned id)
{
    return src[id].asserted;
}

void aplic_resend(unsigned id)
{
    src[id].resent++;
}

void imsic_init_hart(unsigned num_ids)
{
    init_ids = num_ids;
}

void imsic_enable(unsigned id, bool on)
{
    file_enabled[id] = on;
}

unsigned imsic_claim(void)
{
    return claims_at < claims_n ? claims[claims_at++] : 0;
}

static struct {
    uintptr_t file;
    unsigned id;
} sent[4];
static unsigned sent_n;

void imsic_send(volatile void *file, unsigned id)
{
    sent[sent_n].file = (uintptr_t)file;
    sent[sent_n++].id = id;
}

/* The harts' GEILEN, as the hgeie probe finds it. */
static unsigned geilen = 1;

unsigned imsic_guest_files(void)
{
    return geilen;
}

static struct {
    struct vm *vm;
    unsigned id;
} forwarded[4];
static unsigned forwarded_n;

void vaplic_irqc_forward(struct vm *vm, unsigned id)
{
    forwarded[forwarded_n].vm = vm;
    forwarded[forwarded_n++].id = id;
}

/* The VM side (vaplic_irqc.c) is not linked: the driver's table names it,
 * and core's ownership (irq.c) routes through it. */
void vaplic_irqc_route(struct vm *vm, unsigned id)
{
    (void)vm;
    (void)id;
}

void vaplic_irqc_add_virtual(struct vm *vm, unsigned id)
{
    (void)vm;
    (void)id;
}

void vaplic_irqc_sync_line(struct vcpu *vcpu)
{
    (void)vcpu;
    fail_msg("no vCPU runs here");
}

void vaplic_irqc_vcpu_reset(struct vcpu *vcpu)
{
    (void)vcpu;
    fail_msg("no vCPU runs here");
}

int vaplic_irqc_vm_init(struct vm *vm)
{
    (void)vm;
    return 0;
}

void vaplic_irqc_vm_reset(struct vm *vm)
{
    (void)vm;
}

void vaplic_irqc_set_level(struct vm *vm, unsigned id, bool level)
{
    (void)vm;
    (void)level;
    fail_msg("virtual interrupt %u driven", id);
}

void vaplic_irqc_trigger(struct vm *vm, unsigned id)
{
    (void)vm;
    fail_msg("virtual interrupt %u triggered", id);
}

int mmu_hyp_map_device(uint64_t base, uint64_t size);
int mmu_hyp_map_device(uint64_t base, uint64_t size)
{
    (void)base;
    (void)size;
    return 0;
}

/* ---- the hypervisor's console interrupt --------------------------------*/
static unsigned uart_handled;

static void uart_handler(void)
{
    uart_handled++;
}

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(src, 0, sizeof(src));
    memset(file_enabled, 0, sizeof(file_enabled));
    claims_n = claims_at = uart_handled = init_ids = forwarded_n = 0;
    idc_inits_n = sent_n = 0;
    idc_claimed_from = ~0u;
    memset(fake_csrs, 0, sizeof(fake_csrs));
    /* The device tree lists hart 3 second: its hart index is 1. */
    aia_machine = (struct aia_host){.aplic = {.num_sources = 96, .msi = true},
                                    .imsic = {.base = 0x28000000,
                                              .size = 0x8000,
                                              .num_ids = 255,
                                              .guest_index_bits = 1},
                                    .num_harts = 2,
                                    .hartid = {0, HART}};
    fake.current_hart = HART;
    return 0;
}

static void each_hart_opens_its_file_with_the_machines_identities(void **s)
{
    (void)s;
    assert_int_equal(aia_driver.init_hart(HART), 0);
    assert_int_equal(init_ids, 255);
    /* Every source's identity is open: the APLIC decides what comes. */
    for (unsigned id = 1; id <= 96; id++)
        assert_true(file_enabled[id]);
    assert_false(file_enabled[97]);
}

static void a_hypervisor_source_targets_this_harts_file(void **state)
{
    (void)state;
    irq_take_for_hypervisor(UART_IRQ, uart_handler, false);
    assert_int_equal(src[UART_IRQ].sm, APLIC_SM_LEVEL1);
    assert_int_equal(src[UART_IRQ].hart_index, 1);
    assert_int_equal(src[UART_IRQ].file, 0);
    assert_int_equal(src[UART_IRQ].eiid, UART_IRQ);
    assert_true(src[UART_IRQ].enabled);
}

static void a_claim_runs_the_handler_and_resends_a_held_level(void **s)
{
    (void)s;
    irq_take_for_hypervisor(UART_IRQ, uart_handler, false);
    claims[claims_n++] = UART_IRQ;
    aia_driver.handle_external(fake.current_hart);
    assert_int_equal(uart_handled, 1);
    assert_int_equal(src[UART_IRQ].resent, 0);
    /* Still asserted after the handler: its MSI must come again. */
    src[UART_IRQ].asserted = true;
    claims[claims_n++] = UART_IRQ;
    aia_driver.handle_external(fake.current_hart);
    assert_int_equal(uart_handled, 2);
    assert_int_equal(src[UART_IRQ].resent, 1);
}

static void a_vms_source_goes_to_its_vaplic(void **state)
{
    static irqid_t disk_irqs[] = {8};
    static struct vm_dev_region devs[] = {
        {.pa = 0x10001000,
         .va = 0x10001000,
         .size = 0x1000,
         .interrupt_num = 1,
         .interrupts = disk_irqs},
    };
    static struct vm_config cfg = {
        .platform = {.cpu_num = 1,
                     .dev_num = 1,
                     .devs = devs,
                     .arch = {.irqc.aia.aplic.base = 0xd000000}},
    };

    (void)state;
    memset(vms, 0, sizeof(vms));
    vms[0].cfg = &cfg;
    vm_count = 1;
    assert_int_equal(irq_vm_take_devices(&vms[0]), 0);
    claims[claims_n++] = 8;
    aia_driver.handle_external(fake.current_hart);
    assert_int_equal(forwarded_n, 1);
    assert_ptr_equal(forwarded[0].vm, &vms[0]);
    assert_int_equal(forwarded[0].id, 8);
    assert_int_equal(fake.printk_n, 0);
}

static void an_unowned_source_is_masked(void **state)
{
    (void)state;
    src[NOBODY_IRQ].enabled = true;
    claims[claims_n++] = NOBODY_IRQ;
    aia_driver.handle_external(fake.current_hart);
    assert_false(src[NOBODY_IRQ].enabled);
    assert_int_equal(fake.printk_n, 1);
    assert_string_equal(fake.printk_last, "[baobab] warning: hart 3: "
                                          "interrupt 9 belongs to no VM: "
                                          "masked\n");
}

/*
 * A machine without IMSICs: the domain delivers directly; each hart opens
 * its own IDC (by its hart index) and claims there, and a level source is
 * not sent again by hand (it stays pending while asserted, AIA 4.7).
 */
static void a_direct_machine_claims_at_the_harts_idc(void **s)
{
    (void)s;
    aia_machine.aplic.msi = false;
    assert_int_equal(aia_driver.init(), 0);
    assert_false(domain_msi);
    assert_int_equal(aia_guest_files, 0);
    assert_int_equal(aia_driver.init_hart(HART), 0);
    assert_int_equal(idc_inits_n, 1);
    assert_int_equal(idc_inits[0], 1);
    assert_int_equal(init_ids, 0); /* no interrupt file touched */
    irq_take_for_hypervisor(UART_IRQ, uart_handler, false);
    assert_int_equal(src[UART_IRQ].hart_index, 1);
    assert_true(src[UART_IRQ].enabled);
    src[UART_IRQ].asserted = true;
    claims[claims_n++] = UART_IRQ;
    aia_driver.handle_external(HART);
    assert_int_equal(idc_claimed_from, 1);
    assert_int_equal(uart_handled, 1);
    assert_int_equal(src[UART_IRQ].resent, 0);
}

/*
 * MSI mode: the harts interrupt each other through their supervisor files
 * with the identity after the sources' (97), once the target opened its
 * file; taken, it is a software interrupt (sip.SSIP) and nothing else.
 */
static void harts_interrupt_each_other_through_their_files(void **s)
{
    (void)s;
    assert_int_equal(aia_driver.init(), 0);
    assert_false(aia_driver.send_ipi(HART)); /* not open yet: the firmware's */
    assert_int_equal(aia_driver.init_hart(HART), 0);
    assert_true(file_enabled[97]);
    assert_true(aia_driver.send_ipi(HART));
    assert_int_equal(sent_n, 1);
    /* Hart index 1's supervisor file: two pages a hart (a guest file). */
    assert_int_equal(sent[0].file, 0x28000000 + 2 * 0x1000);
    assert_int_equal(sent[0].id, 97);
    claims[claims_n++] = 97;
    aia_driver.handle_external(HART);
    assert_true(fake_csrs[CSR_SIP] & MIP_SSIP);
    assert_int_equal(uart_handled, 0);
    assert_int_equal(forwarded_n, 0);
    /* Said once at boot; nothing since (not "belongs to no VM"). */
    assert_int_equal(fake.printk_n, 1);
    assert_string_equal(fake.printk_last,
                        "[baobab] interrupts: APLIC at 0x0 in MSI mode, "
                        "IMSICs at 0x28000000, guest interrupt files per hart: "
                        "1; IPIs between harts through the files\n");
}

/* No identity to spare, or no files: the firmware's IPIs. */
static void without_a_spare_identity_ipis_go_through_the_firmware(void **s)
{
    (void)s;
    aia_machine.imsic.num_ids = 96;
    assert_int_equal(aia_driver.init(), 0);
    assert_non_null(strstr(fake.printk_last, "through the firmware"));
    assert_int_equal(aia_driver.init_hart(HART), 0);
    assert_false(aia_driver.send_ipi(HART));
    assert_false(aia_driver.send_ipi(MAX_CPUS));
}

/* A hart whose vCPU has a guest file it lacks is refused, with a reason. */
static void a_hart_without_its_vcpus_guest_file(void **s)
{
    struct vm vm = {.id = 2, .arch = {.guest_file = 1}};
    struct vcpu vcpu = {.vm = &vm, .id = 1};

    (void)s;
    cpus[HART].vcpu = &vcpu;
    geilen = 0;
    assert_int_equal(aia_driver.init_hart(HART), -1);
    assert_string_equal(fake.printk_last, "[baobab] error: hart 3 has no "
                                          "guest interrupt file 1 for VM 2's "
                                          "vCPU 1\n");
    geilen = 1;
    assert_int_equal(aia_driver.init_hart(HART), 0);
    cpus[HART].vcpu = NULL;
}

/* Guest files need the harts' (GEILEN) and room in the IMSIC's space. */
static void the_boot_counts_the_guest_files(void **s)
{
    (void)s;
    geilen = 3;
    aia_machine.imsic.guest_index_bits = 0;
    assert_int_equal(aia_driver.init(), 0);
    assert_int_equal(aia_guest_files, 0); /* no guest index bits */
    aia_machine.imsic.guest_index_bits = 2;
    assert_int_equal(aia_driver.init(), 0);
    assert_int_equal(aia_guest_files, 3);
    geilen = 0;
    assert_int_equal(aia_driver.init(), 0);
    assert_int_equal(aia_guest_files, 0);
    geilen = 1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(
            each_hart_opens_its_file_with_the_machines_identities, setup),
        cmocka_unit_test_setup(a_hypervisor_source_targets_this_harts_file,
                               setup),
        cmocka_unit_test_setup(
            a_claim_runs_the_handler_and_resends_a_held_level, setup),
        cmocka_unit_test_setup(a_vms_source_goes_to_its_vaplic, setup),
        cmocka_unit_test_setup(an_unowned_source_is_masked, setup),
        cmocka_unit_test_setup(the_boot_counts_the_guest_files, setup),
        cmocka_unit_test_setup(a_direct_machine_claims_at_the_harts_idc, setup),
        cmocka_unit_test_setup(harts_interrupt_each_other_through_their_files,
                               setup),
        cmocka_unit_test_setup(
            without_a_spare_identity_ipis_go_through_the_firmware, setup),
        cmocka_unit_test_setup(a_hart_without_its_vcpus_guest_file, setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
