/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The boot table (src/core/boot_table.c): what each VM got, line by line,
 * as the boot log shows it. Shared memory comes from fake_shmem.c (object
 * i at 0x100000000 + i * 16 MiB, 16 pages; object 2 of colours 1 and 3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <core/boot_table.h>
#include <core/config.h>
#include <core/platform.h>
#include <core/vm.h>

#define UART_BASE 0x10000000UL

struct platform platform = {
    .name = "test",
    .console_uart = {.base = UART_BASE, .size = 0x100, .irq = 10},
};

static irqid_t disk_irqs[] = {8, 9};
static irqid_t uart_irq[] = {10};
static irqid_t ipc_irqs[] = {52};
static struct vm_dev_region devs0[] = {
    {.pa = 0x20001000,
     .va = 0x10001000,
     .size = 0x1000,
     .interrupt_num = 2,
     .interrupts = disk_irqs},
    {.pa = UART_BASE,
     .va = UART_BASE,
     .size = 0x100,
     .interrupt_num = 1,
     .interrupts = uart_irq},
};
static struct ipc ipcs0[] = {
    {.base = 0xf0000000,
     .size = 0x10000,
     .shmem_id = 2,
     .interrupt_num = 1,
     .interrupts = ipc_irqs},
};
static struct vm_config cfgs[2];
static struct shmem shmems[3];
struct config config;
static struct vcpu vcpus0[2], vcpus1[1];

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    devs0[0].interrupt_num = 2;
    cfgs[0] = (struct vm_config){
        .image = {.size = 12345},
        .entry = 0x80200000,
        .platform = {.cpu_num = 2,
                     .dev_num = 2,
                     .devs = devs0,
                     .ipc_num = 1,
                     .ipcs = ipcs0},
    };
    cfgs[1] = (struct vm_config){.image = {.size = 4096},
                                 .entry = 0x90000000,
                                 .platform = {.cpu_num = 1}};
    config = (struct config){.shmemlist_size = 3,
                             .shmemlist = shmems,
                             .vmlist_size = 2,
                             .vmlist = cfgs};
    vms[0] = (struct vm){
        .id = 0, .cfg = &cfgs[0], .vcpu_num = 2, .vcpus = vcpus0, .mem_num = 2};
    vms[0].mem[0] =
        (struct vm_mem){.gpa = 0x80000000,
                        .size = 64 * 1024 * 1024,
                        .pages = {.base = 0x80600000, .pages = 16384}};
    /* 64 KiB of colours 1 and 3 of 32, in blocks of 32 pages. */
    vms[0].mem[1] = (struct vm_mem){
        .gpa = 0x90000000,
        .size = 0x10000,
        .pages = {.base = 0x80240000, .pages = 16, .mask = 0xa, .colours = 32}};
    vcpus0[0].hart = 3;
    vcpus0[1].hart = 5;
    vms[1] =
        (struct vm){.id = 1, .cfg = &cfgs[1], .vcpu_num = 1, .vcpus = vcpus1};
    vcpus1[0].hart = 0;
    vm_count = 2;
    return 0;
}

static void the_table_names_everything_each_vm_got(void **state)
{
    (void)state;
    boot_table_print();
    assert_string_equal(
        fake.printk_all,
        "[baobab] shmem 0: 64 KiB -> 0x100000000\n"
        "[baobab] shmem 1: 64 KiB -> 0x101000000\n"
        "[baobab] shmem 2: 64 KiB -> colours 0xa (of 4) in "
        "0x102000000-0x10201ffff\n"
        "[baobab] VM 0: 2 vCPUs, entry 0x80200000, image 12345 bytes\n"
        "[baobab]   vCPU->hart: 0->3 1->5\n"
        "[baobab]   mem  0x080000000-0x083ffffff -> 0x080600000 (64 MiB)\n"
        /* Its span ends with page 227: colour 3 of the 8th block. */
        "[baobab]   mem  0x090000000-0x09000ffff -> colours 0xa (of 32) in "
        "0x080240000-0x080323fff (64 KiB)\n"
        "[baobab]   dev  0x010001000-0x010001fff -> 0x020001000 irqs: 8 9\n"
        "[baobab]   dev  0x010000000-0x0100000ff -> 0x010000000 irqs: 10\n"
        "[baobab]   ipc  0x0f0000000-0x0f000ffff -> shmem 2 irqs: 52\n"
        "[baobab] VM 1: 1 vCPU, entry 0x90000000, image 4096 bytes\n"
        "[baobab]   vCPU->hart: 0->0\n"
        "[baobab]   dev  none\n"
        "[baobab] note: VM 0 has the console UART 0x10000000 passed "
        "through: the hypervisor still prints its own lines there but reads "
        "no input from it (the other VMs' emulated UARTs get none)\n");
}

/* Listed by both VMs, the console UART is each one's emulated 16550. */
static void a_shared_console_uart_shows_as_emulated(void **state)
{
    (void)state;
    cfgs[1].platform.dev_num = 1;
    cfgs[1].platform.devs = &devs0[1];
    boot_table_print();
    assert_non_null(strstr(fake.printk_all,
                           "[baobab]   dev  0x010000000-0x0100000ff -> "
                           "emulated 16550 irqs: 10\n"
                           "[baobab]   ipc  "));
    assert_non_null(strstr(fake.printk_all,
                           "[baobab]   vCPU->hart: 0->0\n"
                           "[baobab]   dev  0x010000000-0x0100000ff -> "
                           "emulated 16550 irqs: 10\n"));
    assert_null(strstr(fake.printk_all, "-> 0x010000000"));
    assert_null(strstr(fake.printk_all, "dev  none"));
}

/* A device with no interrupts, and no VMs at all. */
static void devices_without_interrupts_and_an_empty_machine(void **state)
{
    (void)state;
    devs0[0].interrupt_num = 0;
    boot_table_print();
    assert_non_null(strstr(fake.printk_all, "-> 0x020001000 irqs: none\n"));
    fake_reset();
    vm_count = 0;
    config.shmemlist_size = 0;
    config.vmlist_size = 0;
    boot_table_print();
    assert_string_equal(fake.printk_all, "");
}

/* A DMA master's id, on its region or on an entry of its own (no
 * registers: before the fix it showed as 0x0-0xffffffffffffffff). */
static void dma_ids_and_entries_without_registers(void **state)
{
    static struct vm_dev_region devs[] = {
        {.pa = 0x30000000, .va = 0x30000000, .size = 0x10000000, .id = 0x8},
        {.id = 0x10},
    };

    (void)state;
    cfgs[1].platform.dev_num = 2;
    cfgs[1].platform.devs = devs;
    boot_table_print();
    assert_non_null(strstr(fake.printk_all,
                           "[baobab]   dev  0x030000000-0x03fffffff -> "
                           "0x030000000 irqs: none; DMA id 0x8\n"
                           "[baobab]   dev  (no registers) irqs: none; DMA "
                           "id 0x10\n"));
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(the_table_names_everything_each_vm_got),
        T(a_shared_console_uart_shows_as_emulated),
        T(devices_without_interrupts_and_an_empty_machine),
        T(dma_ids_and_entries_without_registers),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
