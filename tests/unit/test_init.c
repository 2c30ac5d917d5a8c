/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The boot (src/core/init.c) with the real allocators, configuration checks,
 * machine fit checks and irq.c; the machine probe, the VM builds, shared
 * memory, the boot table and the idle loop are fakes. A boot ends in
 * cpu_idle() and a refusal in arch_system_off(), both noreturn: tests run
 * them under EXPECT_NORETURN. Host device trees come from tests/unit/data/,
 * in the directory given as the first argument.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtb_fixture.h"
#include "fakes.h"

#include <core/config.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/hyp_pool.h>
#include <core/page_alloc.h>
#include <core/platform.h>
#include <core/vm.h>
#include <core/vm_dtb.h>
#include <lib/fdt.h>
#include <lib/util.h>

void hyp_boot_main(unsigned long hartid, const void *dtb, bool dtb_in_image);
void hyp_secondary_main(unsigned long hartid);
#include <core/hart_bringup.h>

#define RAM_BASE 0x80000000UL
#define RAM_SIZE (1UL << 30)
#define FW_SIZE (2 * MIB)
#define UART_IRQ 10

/* The hypervisor's image as the linker script delimits it: two pages. */
__asm__(".pushsection .data\n"
        ".balign 4096\n"
        ".globl _image_start\n"
        "_image_start:\n"
        ".skip 8192\n"
        ".globl _image_end\n"
        "_image_end:\n"
        ".popsection");
extern char _image_start[];

struct platform platform = {
    .name = "test-board",
    .max_harts = 4,
    .ram = {.base = RAM_BASE, .size = RAM_SIZE},
    .firmware = {.base = RAM_BASE, .size = FW_SIZE},
    .console_uart = {.base = 0x10000000, .size = 0x100, .irq = UART_IRQ},
    .arch = {.plic = {.base = 0xc000000,
                      .size = 0x600000,
                      .num_sources = 96,
                      .contexts_per_hart = 2,
                      .s_context = 1}},
    .timebase_hz = 10000000,
    /* 2 MiB of 16 ways: 32 colours. */
    .llc = {.size = 2 * MIB, .ways = 16},
};

static unsigned rx_irq_on;

static void uart_putc(char c)
{
    (void)c;
}

static int uart_getc(void)
{
    return -1;
}

static void uart_set_rx_irq(bool on)
{
    rx_irq_on += on;
}

const struct console_driver platform_console = {
    .putc = uart_putc, .getc = uart_getc, .set_rx_irq = uart_set_rx_irq};

static struct vm_mem_region regions0[1], regions1[1];
static struct vm_config cfgs[2];
struct config config;

static const char *data_dir;
static void *dtb;

/* A generated tree (as tools/vm_dtb.c makes them): QEMU virt's, whose
 * timebase the boot sets to the machine's. */
static uint8_t gen_tree[16384];
const struct vm_dtb_entry vm_dtb_table[] = {
    {gen_tree, sizeof(gen_tree), gen_tree, sizeof(gen_tree)}};
const uint64_t vm_dtb_count = 1;

static void *load_dtb(const char *name)
{
    return dtb_fixture(data_dir, name, NULL);
}

/* VM 0 with two vCPUs, VM 1 with one, both on 64 MiB at 2 GiB. */
static int setup(void **state)
{
    (void)state;
    fake_reset();
    fake.arrives = hart_arrived;
    memset(vms, 0, sizeof(vms));
    vm_count = 0;
    rx_irq_on = 0;
    dtb = NULL;
    {
        size_t size;
        void *tree = dtb_fixture(data_dir, "qemu-virt.dtb", &size);

        assert_true(size <= sizeof(gen_tree));
        memset(gen_tree, 0, sizeof(gen_tree));
        memcpy(gen_tree, tree, size);
        free(tree);
    }
    machine = (struct machine){.ram_num = 1,
                               .ram = {{RAM_BASE, RAM_SIZE}},
                               .hart_mask = 0xf,
                               .timebase_hz = 10000000,
                               .arch = {.has_h = true}};
    regions0[0] = (struct vm_mem_region){.base = RAM_BASE, .size = 64 * MIB};
    regions1[0] = regions0[0];
    for (unsigned i = 0; i < 2; i++) {
        cfgs[i] = (struct vm_config){
            .image = {.base_addr = RAM_BASE,
                      .load_addr = (uintptr_t)_image_start,
                      .size = 0x1000},
            .entry = RAM_BASE,
            .platform = {.cpu_num = 2 - i,
                         .region_num = 1,
                         .regions = i ? regions1 : regions0,
                         .arch = {.irqc.plic.base = platform.arch.plic.base}},
        };
    }
    config = (struct config){.vmlist_size = 2, .vmlist = cfgs};
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(dtb);
    return 0;
}

static void boot(void)
{
    EXPECT_NORETURN(hyp_boot_main(0, dtb, false));
}

/* The generated trees were made with the build's timebase (none, on the
 * generic platform): each VM gets the machine's. */
static void generated_trees_get_the_machine_s_timebase(void **state)
{
    uint32_t hz = 0;

    (void)state;
    machine.timebase_hz = 24000000;
    boot();
    assert_true(fdt_prop_u32(gen_tree, fdt_path(gen_tree, "/cpus"),
                             "timebase-frequency", &hz));
    assert_int_equal(hz, 24000000);
}

static void assert_refused(const char *why);

/* The loader put the tree where the image's .bss is (boot.S cleared it):
 * said through the firmware's console, nothing else done. */
static void a_tree_inside_the_image_is_refused(void **state)
{
    (void)state;
    EXPECT_NORETURN(hyp_boot_main(0, _image_start, true));
    assert_int_equal(fake.firmware_console_n, 1);
    assert_non_null(
        strstr(fake.printk_all, "lies inside the hypervisor's image"));
    assert_int_equal(fake.probe_n, 0);
    assert_refused("[baobab] error: host device tree: cannot boot, powering "
                   "off\n");
}

/* A generated tree without a one-cell timebase would give its guest none:
 * the boot stops. */
static void a_generated_tree_without_a_timebase_is_refused(void **state)
{
    int cpus;

    (void)state;
    cpus = fdt_path(gen_tree, "/cpus");
    assert_true(cpus >= 0);
    /* Rename the property: its name is in the strings block. */
    size_t at = 0;

    while (at + 18 < sizeof(gen_tree) &&
           memcmp(gen_tree + at, "timebase-frequency", 18) != 0)
        at++;
    assert_true(at + 18 < sizeof(gen_tree));
    gen_tree[at] = 'T';
    boot();
    assert_refused("[baobab] error: a generated device tree has no one-cell "
                   "timebase-frequency: cannot boot, powering off\n");
}

static void assert_refused(const char *why)
{
    assert_int_equal(fake.system_off_n, 1);
    assert_int_equal(fake.idle_n, 0);
    assert_string_equal(fake.printk_last, why);
}

static void a_boot_builds_every_vm_and_idles(void **state)
{
    char banner[128];

    (void)state;
    boot();
    assert_int_equal(fake.console_init_n, 1);
    assert_ptr_equal(fake.console_driver, &platform_console);
    snprintf(banner, sizeof(banner),
             "[baobab] Baobab hypervisor unknown on test-board, config "
             "\"unknown\", boot hart 0, running at 0x%lx\n",
             (unsigned long)(uintptr_t)_image_start);
    assert_non_null(strstr(fake.printk_all, banner));
    assert_int_equal(fake.probe_n, 1);
    /* Page tables: 2 MiB, 2 MiB-aligned, in RAM but not the firmware's. */
    assert_int_equal(hyp_pool_size(), 2 * MIB);
    assert_true(IS_ALIGNED(hyp_pool_base(), 2 * MIB));
    assert_true(hyp_pool_base() >= RAM_BASE + FW_SIZE);
    assert_true(hyp_pool_base() + 2 * MIB <= RAM_BASE + RAM_SIZE);
    assert_int_equal(page_alloc_free_bytes(&ram_alloc),
                     RAM_SIZE - FW_SIZE - 2 * MIB);
    assert_int_equal(fake.hart_init_n, 1);
    assert_ptr_equal(fake.hart_init_cpu, &cpus[0]);
    assert_non_null(strstr(fake.printk_all,
                           "[baobab] 4 harts (mask 0xf), timebase 10000000 "
                           "Hz, 1020 MiB free RAM, guest timer: emulated\n"));
    assert_int_equal(fake.claim_n, 1);
    assert_int_equal(fake.shmem_init_n, 1);
    /* Each VM built on the lowest free harts, then the table printed. */
    assert_int_equal(fake.build_n, 2);
    assert_int_equal(fake.build[0].id, 0);
    assert_int_equal(fake.build[0].harts[0], 0);
    assert_int_equal(fake.build[0].harts[1], 1);
    assert_int_equal(fake.build[1].id, 1);
    assert_int_equal(fake.build[1].harts[0], 2);
    assert_int_equal(vm_count, 2);
    assert_int_equal(fake.boot_table_n, 1);
    /* Every VM has an emulated UART: the hypervisor takes the input. */
    assert_int_equal(fake.enable_hyp_n, 1);
    assert_int_equal(fake.enable_hyp_id, UART_IRQ);
    assert_int_equal(rx_irq_on, 1);
    assert_non_null(strstr(fake.printk_all,
                           "[baobab] console: input goes to VM 0; Ctrl-\\ "
                           "then a VM number switches\n"));
    /* Every other hart was started, before the vCPUs were placed. */
    assert_int_equal(fake.start_hart_n, 3);
    assert_int_equal(fake.start_hart[0], 1);
    assert_int_equal(fake.start_hart[1], 2);
    assert_int_equal(fake.start_hart[2], 3);
    assert_int_equal(machine.hart_mask, 0xf);
    /* The boot hart clears its share, then idles. */
    assert_int_equal(fake.boot_clear_n, 1);
    assert_ptr_equal(fake.boot_clear[0], cpus[0].vcpu);
    assert_ptr_equal(cpus[0].vcpu, &vms[0].vcpus[0]);
    assert_int_equal(fake.idle_n, 1);
    assert_ptr_equal(fake.idle_cpu, &cpus[0]);
    assert_int_equal(fake.system_off_n, 0);
}

static void a_secondary_hart_clears_its_share_and_idles(void **state)
{
    (void)state;
    boot();
    fake.boot_clear_n = 0;
    fake.hart_init_n = 0;
    EXPECT_NORETURN(hyp_secondary_main(2));
    assert_int_equal(fake.hart_init_n, 1);
    assert_ptr_equal(fake.hart_init_cpu, &cpus[2]);
    assert_int_equal(fake.boot_clear_n, 1);
    assert_ptr_equal(fake.boot_clear[0], &vms[1].vcpus[0]);
    assert_ptr_equal(fake.idle_cpu, &cpus[2]);
}

/* A hart that cannot run the guests as the boot hart chose (arch_hart_init
 * says why) stops the machine rather than leave its vCPU never started. */
static void a_secondary_hart_that_cannot_be_set_up(void **state)
{
    (void)state;
    boot();
    fake.boot_clear_n = 0;
    fake.hart_init_fails = 1UL << 2;
    EXPECT_NORETURN(hyp_secondary_main(2));
    assert_int_equal(fake.system_off_n, 1);
    assert_string_equal(fake.printk_last, "[baobab] error: hart setup: cannot "
                                          "boot, powering off\n");
    assert_int_equal(fake.boot_clear_n, 0);
}

static void the_boot_hart_cannot_be_set_up(void **state)
{
    (void)state;
    fake.hart_init_fails = 1UL << 0;
    boot();
    assert_refused("[baobab] error: boot hart setup: cannot boot, powering "
                   "off\n");
    assert_int_equal(fake.build_n, 0);
}

/* It is not the machine's: the vCPUs go to the harts that came up. */
static void a_hart_that_does_not_start(void **state)
{
    (void)state;
    fake.start_hart_fails = 1UL << 1;
    boot();
    assert_non_null(strstr(fake.printk_all,
                           "[baobab] warning: hart 1 did not start (SBI error "
                           "-1): no vCPU goes there\n"));
    assert_int_equal(machine.hart_mask, 0xd);
    assert_int_equal(fake.build[0].harts[0], 0);
    assert_int_equal(fake.build[0].harts[1], 2);
    assert_int_equal(fake.build[1].harts[0], 3);
    assert_int_equal(fake.idle_n, 1);
}

/* Started, then lost by the firmware (OpenSBI 1.5's boot lottery): after
 * the timeout it is named and left out, and the boot goes on. */
static void a_hart_that_never_arrives(void **state)
{
    (void)state;
    fake.never_arrives = 1UL << 2;
    fake.time_step = 1000; /* the wait ends: 10 ms a look */
    boot();
    assert_non_null(strstr(fake.printk_all,
                           "[baobab] warning: hart 2 was started but never "
                           "reached the hypervisor (a firmware fault; OpenSBI "
                           "1.5 can leave a hart in its boot lottery): no "
                           "vCPU goes there\n"));
    assert_int_equal(machine.hart_mask, 0xb);
    assert_int_equal(fake.build[1].harts[0], 3);
    assert_int_equal(fake.idle_n, 1);
}

/* Too few harts left for the configuration: the machine is refused. */
static void too_few_harts_arrive(void **state)
{
    (void)state;
    fake.never_arrives = 0xe;
    fake.time_step = 1000;
    boot();
    assert_refused("[baobab] cannot boot on this machine: powering off\n");
    assert_int_equal(fake.build_n, 0);
}

static void a_vm_owning_the_uart_keeps_its_input(void **state)
{
    (void)state;
    fake.build_uart_owned = true;
    boot();
    assert_int_equal(fake.enable_hyp_n, 0);
    assert_int_equal(rx_irq_on, 0);
    assert_null(strstr(fake.printk_all, "console: input goes to"));
}

/* Coloured RAM is mapped page by page: more page tables. */
static void coloured_regions_enlarge_the_page_table_pool(void **state)
{
    (void)state;
    regions0[0].colors = 0x3;
    boot();
    /* 32 leaf tables for 64 MiB, 4 more, rounded up to 2 MiB. */
    assert_int_equal(hyp_pool_size(), 4 * MIB);
    assert_int_equal(fake.idle_n, 1);
}

static void a_separately_loaded_image_is_kept_out(void **state)
{
    (void)state;
    cfgs[1].image.separately_loaded = true;
    cfgs[1].image.load_addr = RAM_BASE + 512 * MIB;
    cfgs[1].image.size = 0x100000;
    boot();
    assert_int_equal(page_alloc_free_bytes(&ram_alloc),
                     RAM_SIZE - FW_SIZE - 2 * MIB - 0x100000);
    assert_int_equal(page_alloc_claim(&ram_alloc, RAM_BASE + 512 * MIB, 4096),
                     -1);
}

/* ---- Refusals ------------------------------------------------------------*/

static void no_hypervisor_extension(void **state)
{
    (void)state;
    fake.machine_unsupported = "the harts lack the hypervisor (H) extension";
    boot();
    assert_refused("[baobab] error: the harts lack the hypervisor (H) "
                   "extension: cannot boot, powering off\n");
    assert_int_equal(fake.build_n, 0);
}

static void an_invalid_configuration(void **state)
{
    (void)state;
    cfgs[1].entry = RAM_BASE + 64 * MIB; /* past its RAM */
    boot();
    assert_non_null(strstr(fake.printk_all,
                           "[baobab] error: invalid configuration: VM 1: entry "
                           "0x84000000 is outside the VM's memory\n"));
    assert_refused("[baobab] error: configuration: cannot boot, powering "
                   "off\n");
    assert_int_equal(fake.build_n, 0);
}

static void the_machine_lacks_harts_the_config_needs(void **state)
{
    (void)state;
    machine.hart_mask = 0x3;
    boot();
    assert_non_null(
        strstr(fake.printk_all, "[baobab] error: this machine has 2 harts ("));
    assert_non_null(strstr(fake.printk_all, "the build expects 3, one per "
                                            "vCPU (config unknown: "));
    assert_refused("[baobab] cannot boot on this machine: powering off\n");
    assert_int_equal(fake.hart_init_n, 0);
}

static void the_console_uart_is_elsewhere(void **state)
{
    (void)state;
    dtb = load_dtb("fit-moved.dtb");
    boot();
    /* The firmware's console says why, after the machine was probed. */
    assert_int_equal(fake.firmware_console_n, 1);
    assert_ptr_not_equal(fake.console_driver, &platform_console);
    assert_int_equal(fake.probe_n, 1);
    assert_ptr_equal(fake.probe_dtb, dtb);
    assert_non_null(strstr(
        fake.printk_all, "[baobab] error: this machine has its NS16550-family "
                         "UART at 0x10010000; the build expects its console "
                         "UART at 0x10000000 (platform test-board)\n"));
    assert_refused("[baobab] cannot boot on this machine: powering off\n");
}

static void no_ram_for_page_tables(void **state)
{
    (void)state;
    machine.ram[0].size = FW_SIZE + 1 * MIB;
    boot();
    assert_refused("[baobab] error: no RAM for the hypervisor's page tables: "
                   "cannot boot, powering off\n");
}

static void the_address_space_cannot_be_built(void **state)
{
    (void)state;
    fake.boot_init_fails = -1;
    boot();
    assert_refused("[baobab] error: hypervisor address space: cannot boot, "
                   "powering off\n");
    assert_int_equal(fake.hart_init_n, 0);
}

static void memory_placement_fails(void **state)
{
    (void)state;
    fake.shmem_init_fails = -1;
    boot();
    assert_refused("[baobab] error: memory placement: cannot boot, powering "
                   "off\n");
    assert_int_equal(fake.build_n, 0);
}

static void a_vm_cannot_be_built(void **state)
{
    (void)state;
    fake.build_fails = -1;
    boot();
    assert_refused("[baobab] error: VM setup: cannot boot, powering off\n");
    assert_int_equal(fake.build_n, 1);
    /* The other harts came up early; they wait for a boot that never ends
     * (nothing runs on them) when the machine powers off. */
    assert_int_equal(fake.start_hart_n, 3);
    assert_int_equal(fake.hart_init_n, 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        T(a_boot_builds_every_vm_and_idles),
        T(generated_trees_get_the_machine_s_timebase),
        T(a_tree_inside_the_image_is_refused),
        T(a_generated_tree_without_a_timebase_is_refused),
        T(a_secondary_hart_clears_its_share_and_idles),
        T(a_secondary_hart_that_cannot_be_set_up),
        T(the_boot_hart_cannot_be_set_up),
        T(a_hart_that_does_not_start),
        T(a_hart_that_never_arrives),
        T(too_few_harts_arrive),
        T(a_vm_owning_the_uart_keeps_its_input),
        T(coloured_regions_enlarge_the_page_table_pool),
        T(a_separately_loaded_image_is_kept_out),
        T(no_hypervisor_extension),
        T(an_invalid_configuration),
        T(the_machine_lacks_harts_the_config_needs),
        T(the_console_uart_is_elsewhere),
        T(no_ram_for_page_tables),
        T(the_address_space_cannot_be_built),
        T(memory_placement_fails),
        T(a_vm_cannot_be_built),
    };

    data_dir = dtb_fixture_dir(argc, argv);
    if (!data_dir)
        return 2;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
