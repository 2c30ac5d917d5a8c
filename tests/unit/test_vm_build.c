/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Building a VM from its configuration (src/core/vm_build.c) with the real
 * memory, layout, clear plan, IPC, interrupt, emulated UART and vCPU code:
 * what is mapped where, what is copied in, how the RAM is cleared before
 * vCPU 0 starts, and the error that names what failed. Host memory stands
 * for physical memory (the fake arch hooks map it as identity): the page
 * allocator hands out pages of host_ram.
 *
 * vm_build.c gives a VM the vCPUs after those of the VMs before it in the
 * configuration, so VM 0 built again takes the same ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <core/colour.h>
#include <core/config.h>
#include <core/cpu.h>
#include <core/page_alloc.h>
#include <core/platform.h>
#include <core/vcpu.h>
#include <core/vm.h>
#include <core/vm_build.h>
#include <core/vm_dtb.h>
#include <core/vm_layout.h>
#include <lib/util.h>

#define RAM_GPA 0x80000000UL
#define RAM_SIZE 0x100000UL /* 1 MiB, holding the entry */
#define RAM2_GPA 0x90000000UL
#define RAM2_SIZE 0x10000UL
#define UART_BASE 0x10000000UL
#define UART_IRQ 10
#define DISK_BASE 0x10001000UL
#define DISK_PA 0x20001000UL
#define DISK_IRQ 8
#define SCRUB 0xaa /* what host RAM holds before a VM is built */

struct platform platform = {
    .name = "test",
    .console_uart = {.base = UART_BASE, .size = 0x100, .irq = UART_IRQ},
};

/* The host RAM the allocator hands out. */
#define HOST_RAM_SIZE (4 * MIB)
static uint8_t host_ram[HOST_RAM_SIZE] __attribute__((aligned(4096)));

/* An image as it sits in the hypervisor image: page-aligned. */
static uint8_t image[3 * 4096 + 100] __attribute__((aligned(4096)));
static uint8_t dtb_blob[300];
static uint8_t initrd[5000];
/* Of different sizes, as the real ones are (the Sstc one names sstc). */
static const uint8_t gen_direct[] = "generated tree, direct timer + sstc";
static const uint8_t gen_emulated[] = "generated tree, emulated";

const struct vm_dtb_entry vm_dtb_table[] = {
    {.timer_direct = gen_direct,
     .timer_direct_size = sizeof(gen_direct),
     .timer_emulated = gen_emulated,
     .timer_emulated_size = sizeof(gen_emulated)},
};
const uint64_t vm_dtb_count = 1;

static irqid_t disk_irq[] = {DISK_IRQ};
static irqid_t uart_irq[] = {UART_IRQ};
static irqid_t bad_irq[] = {MAX_IRQS + 5};
static struct vm_mem_region regions[2];
/* The disk, then the console UART, which VM 1 lists too: emulated. */
static struct vm_dev_region devs[2];
static struct vm_config cfgs[2];
struct config config;
static const unsigned harts[] = {3, 5};

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    memset(host_ram, SCRUB, sizeof(host_ram));
    for (unsigned i = 0; i < sizeof(image); i++)
        image[i] = (uint8_t)(i * 7 + 1);
    memset(dtb_blob, 0xd7, sizeof(dtb_blob));
    memset(initrd, 0x1d, sizeof(initrd));
    regions[0] = (struct vm_mem_region){.base = RAM_GPA, .size = RAM_SIZE};
    regions[1] = (struct vm_mem_region){.base = RAM2_GPA, .size = RAM2_SIZE};
    devs[0] = (struct vm_dev_region){.pa = DISK_PA,
                                     .va = DISK_BASE,
                                     .size = 0x1000,
                                     .interrupt_num = 1,
                                     .interrupts = disk_irq};
    devs[1] = (struct vm_dev_region){.pa = UART_BASE,
                                     .va = UART_BASE,
                                     .size = 0x100,
                                     .interrupt_num = 1,
                                     .interrupts = uart_irq};
    cfgs[0] = (struct vm_config){
        .image = {.base_addr = RAM_GPA,
                  .load_addr = (uintptr_t)image,
                  .size = sizeof(image)},
        .entry = RAM_GPA,
        .platform = {.cpu_num = 2,
                     .region_num = 2,
                     .regions = regions,
                     .dev_num = 2,
                     .devs = devs},
        .dtb = {.load_addr = (uintptr_t)dtb_blob, .size = sizeof(dtb_blob)},
    };
    cfgs[1] = (struct vm_config){
        .platform = {.cpu_num = 1, .dev_num = 1, .devs = &devs[1]}};
    config = (struct config){.vmlist_size = 2, .vmlist = cfgs};
    page_alloc_init(&ram_alloc);
    assert_int_equal(
        page_alloc_add(&ram_alloc, (uintptr_t)host_ram, sizeof(host_ram)), 0);
    colour_pool_init(&ram_colours, &ram_alloc, 0);
    return 0;
}

/* Host memory behind guest-physical `gpa` of VM 0 (contiguous pieces). */
static uint8_t *host(uint64_t gpa)
{
    const struct vm_mem *m = vm_mem_at(&vms[0], gpa, 0);

    assert_non_null(m);
    return (uint8_t *)(uintptr_t)(m->pages.base + (gpa - m->gpa));
}

static struct vm_layout layout(void)
{
    struct vm_layout l;

    assert_int_equal(vm_layout_compute(&cfgs[0], &l), 0);
    return l;
}

static void built_from_its_config(void **state)
{
    const struct vm *vm = &vms[0];

    (void)state;
    assert_int_equal(vm_build(0, &cfgs[0], harts), 0);
    assert_int_equal(vm->state, VM_RUNNING);
    assert_int_equal(fake.vm_init_n, 1);
    /* Both regions, as RAM, mapped RWX onto pages of host RAM. */
    assert_int_equal(vm->mem_num, 2);
    assert_int_equal(fake.map_n, 3);
    for (unsigned i = 0; i < 2; i++) {
        assert_int_equal(fake.map[i].gpa, regions[i].base);
        assert_int_equal(fake.map[i].size, regions[i].size);
        assert_int_equal(fake.map[i].hpa, vm->mem[i].pages.base);
        assert_true(fake.map[i].hpa >= (uintptr_t)host_ram);
        assert_true(fake.map[i].hpa + fake.map[i].size <=
                    (uintptr_t)host_ram + HOST_RAM_SIZE);
        assert_true(fake.map[i].writable && fake.map[i].executable);
    }
    /* The disk passed through (data only); the UART is emulated. */
    assert_int_equal(fake.map[2].gpa, DISK_BASE);
    assert_int_equal(fake.map[2].hpa, DISK_PA);
    assert_true(fake.map[2].writable);
    assert_false(fake.map[2].executable);
    assert_true(vm->uart.emulated);
    assert_non_null(vm_find_emul(vm, UART_BASE));
    assert_int_equal(fake.irqc_init_n, 1);
    /* The UART's interrupt is virtual; the disk's is the VM's. */
    assert_int_equal(fake.add_virtual_n, 1);
    assert_int_equal(fake.add_virtual[0].id, UART_IRQ);
    assert_int_equal(fake.route_n, 1);
    assert_int_equal(fake.route[0].id, DISK_IRQ);
    /* The image and the device tree copied in. */
    assert_memory_equal(host(RAM_GPA), image, sizeof(image));
    assert_memory_equal(host(layout().dtb_gpa), dtb_blob, sizeof(dtb_blob));
    /* vCPUs on their harts, stopped; vCPU 0 to boot at the entry. */
    assert_int_equal(vm->vcpu_num, 2);
    for (unsigned i = 0; i < 2; i++) {
        assert_ptr_equal(vm->vcpus[i].vm, vm);
        assert_int_equal(vm->vcpus[i].id, i);
        assert_int_equal(vm->vcpus[i].hart, harts[i]);
        assert_int_equal(vm->vcpus[i].state, VCPU_STOPPED);
        assert_ptr_equal(cpus[harts[i]].vcpu, &vm->vcpus[i]);
    }
    assert_int_equal(vm->vcpus[0].start_addr, RAM_GPA);
    assert_int_equal(vm->vcpus[0].start_arg, layout().dtb_gpa);
    assert_int_equal(vm->boot_arg, layout().dtb_gpa);
    assert_int_equal(vm->clear_left, 2);
    assert_int_equal(fake.events_n, 0); /* nothing starts yet */
    assert_int_equal(fake.printk_n, 0);
}

/* Every byte of VM 0's RAM: the kept blobs as copied, the rest zero. */
static void assert_cleared_but_blobs(void)
{
    struct vm_layout l = layout();

    for (unsigned i = 0; i < vms[0].mem_num; i++) {
        const struct vm_mem *m = &vms[0].mem[i];

        for (uint64_t gpa = m->gpa; gpa < m->gpa + m->size; gpa++) {
            uint64_t img = gpa - RAM_GPA, dtb = gpa - l.dtb_gpa;
            uint8_t want = 0;

            if (gpa >= RAM_GPA && img < sizeof(image))
                want = image[img];
            else if (gpa >= l.dtb_gpa && dtb < sizeof(dtb_blob))
                want = dtb_blob[dtb];
            if (*host(gpa) != want)
                fail_msg("byte at 0x%lx is 0x%x, not 0x%x", (unsigned long)gpa,
                         *host(gpa), want);
        }
    }
}

static void the_last_share_cleared_starts_vcpu0(void **state)
{
    struct vm *vm = &vms[0];

    (void)state;
    assert_int_equal(vm_build(0, &cfgs[0], harts), 0);
    assert_int_equal(*host(RAM2_GPA), SCRUB); /* not cleared at build */
    vm_boot_clear(&vm->vcpus[1]);
    assert_int_equal(vm->clear_left, 1);
    assert_int_equal(vm->vcpus[0].state, VCPU_STOPPED);
    assert_int_equal(fake.events_n, 0);
    vm_boot_clear(&vm->vcpus[0]);
    assert_int_equal(vm->clear_left, 0);
    assert_cleared_but_blobs();
    assert_int_equal(vm->vcpus[0].state, VCPU_START_PENDING);
    assert_int_equal(fake.events_n, 1);
    assert_int_equal(fake.events[0].hart, harts[0]);
    assert_int_equal(fake.events[0].event, CPU_EV_VCPU_KICK);
}

static void a_restart_clears_and_reloads(void **state)
{
    (void)state;
    cfgs[0].platform.cpu_num = 1;
    assert_int_equal(vm_build(0, &cfgs[0], harts), 0);
    /* What the guest left behind, its image overwritten too. */
    memset(host(RAM_GPA), 0x5c, RAM_SIZE);
    memset(host(RAM2_GPA), 0x5c, RAM2_SIZE);
    vm_load_image(&vms[0]);
    assert_cleared_but_blobs();
}

static void an_initrd_goes_below_the_device_tree(void **state)
{
    (void)state;
    cfgs[0].platform.cpu_num = 1;
    cfgs[0].initrd = (struct vm_blob){.load_addr = (uintptr_t)initrd,
                                      .size = sizeof(initrd)};
    assert_int_equal(vm_build(0, &cfgs[0], harts), 0);
    assert_true(layout().initrd_gpa + sizeof(initrd) <= layout().dtb_gpa);
    assert_memory_equal(host(layout().initrd_gpa), initrd, sizeof(initrd));
    assert_memory_equal(host(layout().dtb_gpa), dtb_blob, sizeof(dtb_blob));
}

static void without_a_tree_the_generated_one_for_its_harts(void **state)
{
    (void)state;
    cfgs[0].platform.cpu_num = 1;
    cfgs[0].dtb = (struct vm_blob){0};
    fake.guest_timer_direct = true;
    assert_int_equal(vm_build(0, &cfgs[0], harts), 0);
    assert_memory_equal(host(layout().dtb_gpa), gen_direct, sizeof(gen_direct));
}

/*
 * The tree chosen at build is the one every clear keeps and every restart
 * copies, whatever arch_guest_timer_is_direct() says later. (A hart setting
 * itself up once flipped the answer for a moment while another hart cleared
 * its VM: the clear kept the emulated tree's size and zeroed the end of the
 * direct one, its last property names.)
 */
static void the_tree_chosen_at_build_is_kept_whole(void **state)
{
    struct vm *vm = &vms[0];

    (void)state;
    cfgs[0].platform.cpu_num = 1;
    cfgs[0].dtb = (struct vm_blob){0};
    fake.guest_timer_direct = true;
    assert_int_equal(vm_build(0, &cfgs[0], harts), 0);
    fake.guest_timer_direct = false;
    vm_boot_clear(&vm->vcpus[0]);
    assert_memory_equal(host(layout().dtb_gpa), gen_direct, sizeof(gen_direct));
    memset(host(layout().dtb_gpa), 0x5c, sizeof(gen_direct));
    vm_load_image(vm);
    assert_memory_equal(host(layout().dtb_gpa), gen_direct, sizeof(gen_direct));
}

/* In a placed region: its pieces below and above the image where asked. */
static void an_inplace_image_is_mapped_where_it_is(void **state)
{
    const struct vm *vm = &vms[0];
    uint64_t phys = (uintptr_t)host_ram + 2 * MIB;

    (void)state;
    cfgs[0].platform.cpu_num = 1;
    cfgs[0].platform.region_num = 1;
    cfgs[0].image.inplace = true;
    cfgs[0].image.base_addr = RAM_GPA + 0x10000;
    cfgs[0].entry = RAM_GPA + 0x10000;
    regions[0].place_phys = true;
    regions[0].phys = phys;
    assert_int_equal(vm_claim_placed_regions(&config), 0);
    assert_int_equal(vm_build(0, &cfgs[0], harts), 0);
    /* RAM below the image, the image's own pages, RAM above it. */
    assert_int_equal(vm->mem_num, 3);
    assert_int_equal(vm->mem[0].gpa, RAM_GPA);
    assert_int_equal(vm->mem[0].size, 0x10000);
    assert_int_equal(vm->mem[0].pages.base, phys);
    assert_int_equal(vm->mem[1].gpa, RAM_GPA + 0x10000);
    assert_int_equal(vm->mem[1].size, 4 * 4096);
    assert_int_equal(vm->mem[1].pages.base, (uintptr_t)image);
    assert_int_equal(vm->mem[2].gpa, RAM_GPA + 0x14000);
    assert_int_equal(vm->mem[2].size, RAM_SIZE - 0x14000);
    assert_int_equal(vm->mem[2].pages.base, phys + 0x14000);
    assert_int_equal(fake.map_n, 4); /* and the disk */
    for (unsigned i = 0; i < 3; i++) {
        assert_int_equal(fake.map[i].gpa, vm->mem[i].gpa);
        assert_int_equal(fake.map[i].hpa, vm->mem[i].pages.base);
    }
    assert_int_equal(vm->vcpus[0].start_addr, RAM_GPA + 0x10000);
}

/* ---- Placed regions ------------------------------------------------------*/

static void placed_regions_are_claimed_first(void **state)
{
    uint64_t phys = (uintptr_t)host_ram + 2 * MIB;
    uint64_t free_before = page_alloc_free_bytes(&ram_alloc);

    (void)state;
    regions[1].place_phys = true;
    regions[1].phys = phys;
    assert_int_equal(vm_claim_placed_regions(&config), 0);
    assert_int_equal(page_alloc_free_bytes(&ram_alloc),
                     free_before - RAM2_SIZE);
    /* Taken: claiming it again names the VM and the region. */
    assert_int_equal(vm_claim_placed_regions(&config), -1);
    assert_non_null(strstr(fake.printk_last, "error: VM 0: regions[1].phys"));
    assert_non_null(strstr(fake.printk_last, "is not free RAM"));
}

/* ---- Errors --------------------------------------------------------------*/

static void assert_fails_saying(const char *msg)
{
    assert_int_equal(vm_build(0, &cfgs[0], harts), -1);
    assert_non_null(strstr(fake.printk_all, msg));
    /* No vCPU was set up. */
    assert_null(vms[0].vcpus);
    assert_null(cpus[harts[0]].vcpu);
}

static void no_stage2_table(void **state)
{
    (void)state;
    fake.vm_init_fails = -1;
    assert_fails_saying(
        "[baobab] error: VM 0: no memory for its stage-2 page table\n");
    assert_int_equal(fake.map_n, 0);
}

static void no_ram_for_a_region(void **state)
{
    (void)state;
    page_alloc_init(&ram_alloc);
    assert_fails_saying(
        "[baobab] error: VM 0: regions[0]: no free RAM for 0x100000 bytes\n");
}

static void no_ram_of_its_colours(void **state)
{
    (void)state;
    regions[1].colors = 0x3; /* colouring unavailable here */
    assert_fails_saying("[baobab] error: VM 0: regions[1]: no free RAM for "
                        "0x10000 bytes of its colours\n");
}

static void region_mapping_fails(void **state)
{
    (void)state;
    fake.map_fails = -1;
    fake.map_fail_from = 1;
    assert_fails_saying(
        "[baobab] error: VM 0: regions[1]: stage-2 mapping failed\n");
}

static void device_mapping_fails(void **state)
{
    (void)state;
    fake.map_fails = -1;
    fake.map_fail_from = 2;
    assert_fails_saying(
        "[baobab] error: VM 0: devs[0]: stage-2 mapping failed\n");
}

static void no_interrupt_controller(void **state)
{
    (void)state;
    fake.irqc_init_fails = -1;
    assert_fails_saying("[baobab] error: VM 0: its interrupt controller "
                        "cannot be set up\n");
}

static void no_room_for_the_uart(void **state)
{
    (void)state;
    vms[0].emul_num = MAX_VM_EMUL;
    assert_fails_saying(
        "[baobab] error: VM 0: no room for its emulated UART\n");
}

static void a_device_interrupt_out_of_range(void **state)
{
    (void)state;
    devs[0].interrupts = bad_irq;
    assert_fails_saying("[baobab] error: VM 0: interrupt 133 is out of range "
                        "or not free\n");
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(built_from_its_config),
        T(the_last_share_cleared_starts_vcpu0),
        T(a_restart_clears_and_reloads),
        T(an_initrd_goes_below_the_device_tree),
        T(without_a_tree_the_generated_one_for_its_harts),
        T(the_tree_chosen_at_build_is_kept_whole),
        T(an_inplace_image_is_mapped_where_it_is),
        T(placed_regions_are_claimed_first),
        T(no_stage2_table),
        T(no_ram_for_a_region),
        T(no_ram_of_its_colours),
        T(region_mapping_fails),
        T(device_mapping_fails),
        T(no_interrupt_controller),
        T(no_room_for_the_uart),
        T(a_device_interrupt_out_of_range),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
