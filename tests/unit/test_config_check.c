/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for configuration validation (src/core/config_check*.c, the
 * RISC-V part in src/arch/riscv/config_check_arch.c), the placement of
 * vCPUs on harts (src/core/config_check_cpus.c) and the configuration
 * queries (src/core/config_query.c). Each rejection test starts from a
 * valid two-VM configuration, breaks one thing, and checks the message
 * names the VM and the field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <core/config_check.h>
#include <core/config_query.h>
#include <core/hyp_limits.h>
#include <core/ipc_layout.h>
#include <core/platform.h>
#include <core/vm_layout.h>

#define KIB (1024UL)
#define MIB (1024UL * KIB)
#define GIB (1024UL * MIB)

/* ---- A valid configuration, rebuilt before every test --------------------*/

/*
 * VM 0: 2 vCPUs anywhere, 64 MiB at GPA 0x80000000, a virtio device with
 * IRQ 1, an IPC window on shmem 0. VM 1: 1 vCPU on hart 3, 32 MiB placed at
 * PA 0x90000000, a virtio device with IRQ 2, the same shmem.
 */
static struct vm_mem_region regions[3][3];
static struct vm_dev_region devs[2][2];
static irqid_t dev_irqs[2][2][2];
static struct ipc ipcs[2][2];
static irqid_t ipc_irqs[2][1];
static struct shmem shmems[2];
static struct vm_config vms[3];
static struct config cfg;
static struct config_target target;
static struct config_error err;

static int setup(void **state)
{
    (void)state;
    memset(regions, 0, sizeof(regions));
    memset(devs, 0, sizeof(devs));
    memset(ipcs, 0, sizeof(ipcs));
    memset(shmems, 0, sizeof(shmems));
    memset(vms, 0, sizeof(vms));
    memset(&cfg, 0, sizeof(cfg));
    memset(&err, 0, sizeof(err));

    target = (struct config_target){
        .cpu_mask = 0xf, /* harts 0-3 */
        .hyp_base = 0x80200000,
        .hyp_size = 2 * MIB,
        .fw_base = 0x80000000,
        .fw_size = 2 * MIB,
        .irq_sources = 96,
        .arch = {.plic_window = 0x600000, .aplic_window = 0x8000},
        .console_base = 0x10000000,
        .console_size = 0x1000,
        .console_irq = 10,
        .colours = 32,
    };

    shmems[0] = (struct shmem){.size = 0x10000};

    regions[0][0] =
        (struct vm_mem_region){.base = 0x80000000, .size = 64 * MIB};
    dev_irqs[0][0][0] = 1;
    devs[0][0] = (struct vm_dev_region){.pa = 0x10001000,
                                        .va = 0x10001000,
                                        .size = 0x1000,
                                        .interrupt_num = 1,
                                        .interrupts = dev_irqs[0][0]};
    ipc_irqs[0][0] = 52;
    ipcs[0][0] = (struct ipc){.base = 0xf0000000,
                              .size = 0x10000,
                              .shmem_id = 0,
                              .interrupt_num = 1,
                              .interrupts = ipc_irqs[0]};
    vms[0] = (struct vm_config){
        .image = {.base_addr = 0x80000000,
                  .load_addr = 0x80400000,
                  .size = 0x8000},
        .entry = 0x80000000,
        .platform = {.cpu_num = 2,
                     .region_num = 1,
                     .regions = regions[0],
                     .ipc_num = 1,
                     .ipcs = ipcs[0],
                     .dev_num = 1,
                     .devs = devs[0],
                     .arch = {.irqc.plic.base = 0xc000000}},
    };

    regions[1][0] = (struct vm_mem_region){.base = 0x80000000,
                                           .size = 32 * MIB,
                                           .place_phys = true,
                                           .phys = 0x90000000};
    dev_irqs[1][0][0] = 2;
    devs[1][0] = (struct vm_dev_region){.pa = 0x10002000,
                                        .va = 0x10001000,
                                        .size = 0x1000,
                                        .interrupt_num = 1,
                                        .interrupts = dev_irqs[1][0]};
    ipc_irqs[1][0] = 53;
    ipcs[1][0] = (struct ipc){.base = 0xf0000000,
                              .size = 0x10000,
                              .shmem_id = 0,
                              .interrupt_num = 1,
                              .interrupts = ipc_irqs[1]};
    vms[1] = (struct vm_config){
        .image = {.base_addr = 0x80200000,
                  .load_addr = 0x80500000,
                  .size = 0x8000},
        .entry = 0x80200000,
        .cpu_affinity = 0x8,
        .platform = {.cpu_num = 1,
                     .region_num = 1,
                     .regions = regions[1],
                     .ipc_num = 1,
                     .ipcs = ipcs[1],
                     .dev_num = 1,
                     .devs = devs[1],
                     .arch = {.irqc.plic.base = 0xc000000}},
    };

    cfg.shmemlist_size = 1;
    cfg.shmemlist = shmems;
    cfg.vmlist_size = 2;
    cfg.vmlist = vms;
    return 0;
}

/* The check fails and the message contains every one of `words`. */
#define assert_rejected(...)                                                   \
    assert_rejected_((const char *[]){__VA_ARGS__, NULL}, __FILE__, __LINE__)

static void assert_rejected_(const char **words, const char *file, int line)
{
    memset(err.msg, 0, sizeof(err.msg));
    if (config_check(&cfg, &target, NULL, &err) != -1)
        fail_msg("%s:%d: config accepted, expected an error", file, line);
    /* NUL terminated and not empty. */
    assert_non_null(memchr(err.msg, '\0', sizeof(err.msg)));
    assert_true(err.msg[0] != '\0');
    for (; *words; words++) {
        if (!strstr(err.msg, *words))
            fail_msg("%s:%d: \"%s\" not in the error \"%s\"", file, line,
                     *words, err.msg);
    }
}

static void assert_accepted(void)
{
    int rc = config_check(&cfg, &target, NULL, &err);

    if (rc != 0)
        fail_msg("valid config rejected: %s", err.msg);
}

/* ---- The valid configuration ---------------------------------------------*/

static void test_valid_config(void **state)
{
    (void)state;
    assert_accepted();
    /* Interrupt-only devices and devices with no IPC are fine too. */
    devs[0][1] = (struct vm_dev_region){.interrupt_num = 1,
                                        .interrupts = dev_irqs[0][1]};
    dev_irqs[0][1][0] = 11;
    vms[0].platform.dev_num = 2;
    vms[1].platform.ipc_num = 0;
    vms[1].platform.ipcs = NULL;
    assert_accepted();
}

/* ---- Global fields -------------------------------------------------------*/

static void test_no_vm(void **state)
{
    (void)state;
    cfg.vmlist_size = 0;
    assert_rejected("config", "vmlist_size");
}

static void test_too_many_vms(void **state)
{
    (void)state;
    cfg.vmlist_size = MAX_VMS + 1;
    assert_rejected("config", "vmlist_size");
}

static void test_shmem_size(void **state)
{
    (void)state;
    shmems[0].size = 0x1800;
    assert_rejected("shmemlist[0].size");
}

/* ---- One VM's fields -----------------------------------------------------*/

static void test_cpu_num_zero(void **state)
{
    (void)state;
    vms[1].platform.cpu_num = 0;
    assert_rejected("VM 1", "cpu_num");
}

/* Bao's Remote I/O fields compile (both names of the key), and are refused
 * with the VM named rather than silently ignored. */
static void test_remote_io_refused(void **state)
{
    static struct remio_dev remio[] = {
        {.bind_key = 0,
         .type = REMIO_DEV_BACKEND,
         .interrupt = 40,
         .shmem = {.base = 0xd0000000, .size = 0x1000000, .shmem_id = 0}},
        {.id = 1,
         .type = REMIO_DEV_FRONTEND,
         .va = 0x10001000,
         .size = 0x200,
         .interrupt = 37,
         .shmem = {.base = 0x70000000, .size = 0x1000000, .shmem_id = 0}},
    };

    (void)state;
    assert_int_equal(remio[1].bind_key, 1);
    vms[1].platform.remio_dev_num = 2;
    vms[1].platform.remio_devs = remio;
    assert_rejected("VM 1", "remio_devs", "Remote I/O is not supported yet");
}

static void test_region_num_zero(void **state)
{
    (void)state;
    vms[1].platform.region_num = 0;
    assert_rejected("VM 1", "region_num");
}

static void test_region_misaligned_base(void **state)
{
    (void)state;
    regions[0][0].base = 0x80000800;
    vms[0].image.base_addr = vms[0].entry = 0x80001000;
    assert_rejected("VM 0", "regions[0]", "base");
}

static void test_region_misaligned_size(void **state)
{
    (void)state;
    regions[1][0].size = 32 * MIB + 0x10;
    assert_rejected("VM 1", "regions[0]", "size");
}

static void test_region_size_zero(void **state)
{
    (void)state;
    regions[1][0].size = 0;
    assert_rejected("VM 1", "regions[0].size");
}

static void test_region_beyond_gpa_limit(void **state)
{
    (void)state;
    vms[0].platform.region_num = 2;
    regions[0][1] =
        (struct vm_mem_region){.base = (1UL << 41) - MIB, .size = 2 * MIB};
    assert_rejected("VM 0", "regions[1]");
}

static void test_regions_overlap(void **state)
{
    (void)state;
    vms[0].platform.region_num = 3;
    regions[0][1] = (struct vm_mem_region){.base = 0xa0000000, .size = MIB};
    regions[0][2] = (struct vm_mem_region){.base = 0x83fff000, .size = MIB};
    assert_rejected("VM 0", "regions[2]", "regions[0]");
}

static void test_image_larger_than_region(void **state)
{
    (void)state;
    vms[1].image.size = 32 * MIB + 0x1000;
    assert_rejected("VM 1", "image");
}

static void test_image_crosses_region_end(void **state)
{
    (void)state;
    vms[1].image.base_addr = 0x80000000 + 32 * MIB - 0x4000;
    vms[1].entry = vms[1].image.base_addr;
    assert_rejected("VM 1", "image");
}

static void test_image_outside_memory(void **state)
{
    (void)state;
    vms[0].image.base_addr = 0x40000000;
    assert_rejected("VM 0", "image");
}

static void test_image_empty(void **state)
{
    (void)state;
    vms[0].image.size = 0;
    assert_rejected("VM 0", "image.size");
}

static void test_entry_outside_memory(void **state)
{
    (void)state;
    vms[1].entry = 0x80000000 + 32 * MIB;
    assert_rejected("VM 1", "entry");
    /* The last byte of RAM cannot hold an instruction either. */
    vms[1].entry = 0x80000000 + 32 * MIB - 1;
    assert_rejected("VM 1", "entry");
}

static void test_image_inplace(void **state)
{
    (void)state;
    /* An inplace image is mapped where it is: both ends page aligned. */
    vms[0].image.inplace = true;
    assert_accepted();
    vms[0].image.load_addr = 0x80400800;
    assert_rejected("VM 0", "image.inplace", "load_addr");
    vms[0].image.load_addr = 0x80400000;
    vms[0].platform.regions[0].base = 0x80000000;
    vms[0].image.base_addr = vms[0].entry = 0x80000100;
    assert_rejected("VM 0", "image.inplace", "base_addr");
}

static void test_image_loaded_over_hypervisor(void **state)
{
    (void)state;
    /* A boot loader cannot have put the image on the hypervisor. */
    vms[1].image.separately_loaded = true;
    vms[1].image.load_addr = 0x90000000;
    assert_accepted();
    vms[1].image.load_addr = target.hyp_base + 0x1000;
    assert_rejected("VM 1", "image.load_addr", "hypervisor");
    vms[1].image.load_addr = target.fw_base;
    assert_rejected("VM 1", "image.load_addr");
}

/* ---- Harts ---------------------------------------------------------------*/

static void test_more_vcpus_than_harts(void **state)
{
    (void)state;
    /* 4 harts: VM 1 has hart 3, VM 0 wants 4 of the 3 left. */
    vms[0].platform.cpu_num = 4;
    assert_rejected("VM 0", "vCPU 3", "no free physical CPU");
}

static void test_cpu_num_over_limit(void **state)
{
    (void)state;
    vms[0].platform.cpu_num = MAX_CPUS + 1;
    assert_rejected("VM 0", "cpu_num");
}

static void test_affinities_conflict(void **state)
{
    (void)state;
    /* VM 0 wants two harts of {0, 1}, VM 1 one of {1}: three on two. */
    vms[0].cpu_affinity = 0x3;
    vms[1].cpu_affinity = 0x2;
    assert_rejected("VM 1", "cpu_affinity", "no free physical CPU");
}

static void test_affinity_nonexistent_hart(void **state)
{
    (void)state;
    vms[1].cpu_affinity = 0x10; /* hart 4 of 0-3 */
    assert_rejected("VM 1", "cpu_affinity", "0x10");
}

/* ---- Physical resources --------------------------------------------------*/

static void test_place_phys_collision(void **state)
{
    (void)state;
    regions[0][0].place_phys = true;
    regions[0][0].phys = 0x91000000; /* inside VM 1's 0x90000000 + 32 MiB */
    assert_rejected("VM 0", "VM 1", "regions[0]");
}

static void test_place_phys_same_vm_identity(void **state)
{
    (void)state;
    /* Identity placement of RAM that no other VM places is fine. */
    regions[0][0].place_phys = true;
    regions[0][0].phys = 0x88000000;
    assert_accepted();
}

static void test_place_phys_over_hypervisor(void **state)
{
    (void)state;
    /* 32 MiB ending in the middle of the hypervisor image. */
    regions[1][0].phys = 0x7e300000;
    assert_rejected("VM 1", "regions[0].phys", "hypervisor");
    regions[1][0].phys = target.hyp_base + target.hyp_size - 0x1000;
    assert_rejected("VM 1", "regions[0].phys", "hypervisor");
}

static void test_place_phys_misaligned(void **state)
{
    (void)state;
    regions[1][0].phys = 0x90000010;
    assert_rejected("VM 1", "regions[0].phys");
}

static void test_device_to_two_vms(void **state)
{
    (void)state;
    devs[1][0].pa = devs[0][0].pa;
    /* Why, and what to do instead. */
    assert_rejected("VM 0", "VM 1", "devs[0]", "0x10001000",
                    "cannot be shared safely between VMs", "give it to one VM");
}

/* A board whose controller has more sources than the hypervisor handles
 * (the P550's PLIC: 520): ids stop at MAX_IRQS - 1. The generic platform
 * before boot: either kind of VM controller, any colour, ids of its own. */
static void test_targets_from_descriptions(void **state)
{
    struct platform big = {
        .arch = {.plic = {.num_sources = 521, .size = 0x4000000}}};
    struct platform generic = {.generic = true,
                               .arch = {.vm = {.plic_size = 0x600000,
                                               .plic_sources = 128,
                                               .aplic_size = 0x8000,
                                               .aplic_sources = 127}}};
    struct config_target t;

    (void)state;
    t = config_target_for_platform(&big, 0xf);
    assert_int_equal(t.irq_sources, MAX_IRQS);
    assert_int_equal(t.arch.plic_window, 0x4000000);
    assert_false(t.arch.irqc_unknown);
    t = config_target_for_platform(&generic, 0xff);
    assert_true(t.arch.irqc_unknown);
    assert_int_equal(t.irq_sources, 128);
    assert_int_equal(t.colours, 64);
    assert_int_equal(t.arch.aplic_window, 0x8000);
    generic.probed = true;
    t = config_target_for_platform(&generic, 0xff);
    assert_false(t.arch.irqc_unknown);
    assert_int_equal(t.colours, 0); /* no cache found */
}

/* The generic platform before boot: each VM names one kind of controller. */
static void test_generic_vm_names_one_controller(void **state)
{
    (void)state;
    target.arch.irqc_unknown = true;
    assert_accepted();
    vms[0].platform.arch.irqc.aia.aplic.base = 0xd000000;
    assert_rejected("VM 0", "are both set");
    vms[0].platform.arch.irqc.plic.base = 0;
    vms[0].platform.dev_num = 0;
    assert_accepted();
}

static void test_interrupt_to_two_vms(void **state)
{
    (void)state;
    dev_irqs[1][0][0] = dev_irqs[0][0][0];
    assert_rejected("VM 0", "VM 1", "devs[0]", "interrupt 1");
}

static void test_interrupt_only_device_shared_irq(void **state)
{
    (void)state;
    /* A device with no MMIO still owns its interrupt. */
    devs[1][1] = (struct vm_dev_region){.interrupt_num = 2,
                                        .interrupts = dev_irqs[1][1]};
    dev_irqs[1][1][0] = 7;
    dev_irqs[1][1][1] = 1;
    vms[1].platform.dev_num = 2;
    assert_rejected("VM 0", "VM 1", "devs[1]", "interrupt 1");
}

static void test_emulated_uart_interrupt_is_reserved(void **state)
{
    (void)state;
    /* VM 0 has no UART of its own: interrupt 10 is its emulated one's. */
    dev_irqs[0][0][0] = 10;
    assert_rejected("VM 0", "devs[0].interrupts[0] = 10", "emulated console");
    /* Owning the real UART, it may take the real interrupt. */
    devs[0][0].pa = 0x10000000;
    devs[0][0].va = 0x10000000;
    assert_accepted();
}

static void test_emulated_uart_address_is_reserved(void **state)
{
    (void)state;
    regions[0][1] = (struct vm_mem_region){.base = 0x10000000, .size = 0x1000};
    vms[0].platform.region_num = 2;
    assert_rejected("VM 0", "regions[1]", "0x10000000", "emulated console");
}

static void
test_emulated_uart_guest_address_is_not_a_device_window(void **state)
{
    (void)state;
    /* Another device remapped onto the UART's guest address. */
    devs[0][0].va = 0x10000000;
    assert_rejected("VM 0", "devs[0].va 0x10000000", "emulated console");
    setup(state);
    ipcs[0][0].base = 0x10000000;
    ipcs[0][0].size = 0x1000;
    assert_rejected("VM 0", "ipcs[0]", "emulated console");
    setup(state);
    vms[0].platform.dev_num = 0;
    vms[0].platform.arch.irqc.plic.base = 0xfe00000; /* 6 MiB window */
    assert_rejected("VM 0", "plic.base", "emulated console");
}

static void test_ipc_interrupt_is_not_a_device_interrupt(void **state)
{
    (void)state;
    ipc_irqs[0][0] = dev_irqs[0][0][0];
    assert_rejected("VM 0", "ipcs[0].interrupts[0] = 1", "devs[0]");
    setup(state);
    ipc_irqs[0][0] = 10; /* the emulated UART's */
    assert_rejected("VM 0", "ipcs[0].interrupts[0] = 10", "emulated console");
    setup(state);
    ipc_irqs[0][0] = 96;
    assert_rejected("VM 0", "ipcs[0].interrupts[0] = 96", "does not exist");
    /* The same IPC interrupt in two VMs is fine: each has its own PLIC. */
    setup(state);
    ipc_irqs[1][0] = ipc_irqs[0][0];
    assert_accepted();
}

static void test_ipc_window_overlaps(void **state)
{
    (void)state;
    ipcs[0][0].base = 0x10000000; /* over devs[0] at 0x10001000 */
    assert_rejected("VM 0", "ipcs[0]", "devs[0]");
    setup(state);
    ipcs[0][1] = ipcs[0][0];
    vms[0].platform.ipc_num = 2;
    assert_rejected("VM 0", "ipcs[1]", "ipcs[0]");
    setup(state);
    ipcs[0][0].base = 0xc000000; /* inside the PLIC window */
    assert_rejected("VM 0", "plic.base", "ipcs[0]");
}

static void test_shmem_placement(void **state)
{
    (void)state;
    shmems[0].place_phys = true;
    shmems[0].phys = 0xa0000000;
    assert_accepted();
    shmems[0].phys = 0x80200000; /* the hypervisor */
    assert_rejected("shmemlist[0].phys 0x80200000", "hypervisor");
    shmems[0].phys = 0x90000000; /* VM 1's placed region */
    assert_rejected("shmemlist[0].phys 0x90000000", "placed VM region");
    shmems[0].phys = 0xa0000800;
    assert_rejected("shmemlist[0].phys 0xa0000800", "not aligned");
    shmems[0].phys = 0xa0000000;
    shmems[1] = shmems[0];
    cfg.shmemlist_size = 2;
    assert_rejected("shmemlist[0] and shmemlist[1]", "same physical memory");
    cfg.shmemlist_size = MAX_SHMEMS + 1;
    assert_rejected("shmemlist_size 17 exceeds the limit of 16");
}

static void test_shmem_colours(void **state)
{
    (void)state;
    shmems[0].colors = 0x80000001; /* colours 0 and 31 of 32 */
    assert_accepted();
    shmems[0].colors = 0x100000000;
    assert_rejected("shmemlist[0].colors 0x100000000", "32 colours",
                    "bits 0 to 31");
    shmems[0].colors = 0x3;
    shmems[0].place_phys = true;
    shmems[0].phys = 0xa0000000;
    assert_rejected("shmemlist[0]", "colors and place_phys");
    shmems[0].place_phys = false;
    target.colours = 0;
    assert_rejected("shmemlist[0].colors 0x3", "no shared cache");
}

static char notes[4][CONFIG_ERROR_MAX];
static unsigned notes_n;

static void note(const char *msg, void *arg)
{
    assert_ptr_equal(arg, notes);
    if (notes_n < 4)
        snprintf(notes[notes_n], sizeof(notes[0]), "%s", msg);
    notes_n++;
}

static void test_unapplied_fields_are_named(void **state)
{
    (void)state;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 0);
    cfg.hyp.colors = 0x3;
    cfg.hyp.relocate = true;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 2);
    assert_int_equal(notes_n, 2);
    assert_string_equal(notes[0], "hyp.colors 0x3 not applied: the "
                                  "hypervisor's own memory is not coloured "
                                  "yet");
    assert_non_null(strstr(notes[1], "hyp.relocate not applied"));
    /* A device's IOMMU device id where there is no IOMMU; where there
     * is one, it is applied. */
    cfg.hyp = (typeof(cfg.hyp)){0};
    devs[1][0].id = 0x21;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 1);
    assert_string_equal(notes[0], "VM 1: platform.devs[0].id 0x21 not "
                                  "applied: there is no IOMMU");
    target.iommu_present = true;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 0);
    target.iommu_present = false;
    devs[1][0].id = 0;
}

/* A device that masters DMA: what it reaches is said, or that it reaches
 * nothing (behind an IOMMU, and the VM names none of its masters). */
static void test_dma_devices_are_named(void **state)
{
    static const struct platform_device board[] = {
        {.base = 0x10000000, .size = 0x100, .name = "serial"},
        {.base = 0x10001000,
         .size = 0x1000,
         .name = "virtio_mmio",
         .dma = PLATFORM_DMA_UNCONFINED},
    };
    static const char unconfined[] =
        "VM 0: platform.devs[0] (virtio_mmio at 0x10001000) masters DMA, "
        "which nothing confines (%s): through it the VM can read and write "
        "all physical memory, other VMs', the hypervisor's and the "
        "firmware's";
    struct platform_device pci = board[1];
    char want[CONFIG_ERROR_MAX];

    (void)state;
    target.devices = board;
    target.num_devices = 2;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 1);
    snprintf(want, sizeof(want), unconfined, "it is not behind an IOMMU");
    assert_string_equal(notes[0], want);
    /* Behind an IOMMU the machine lacks: unconfined too. */
    pci.dma = PLATFORM_DMA_IOMMU;
    target.devices = &pci;
    target.num_devices = 1;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 1);
    snprintf(want, sizeof(want), unconfined, "there is no IOMMU");
    assert_string_equal(notes[0], want);
    /* Behind the machine's IOMMU: confined, but refused without an id. */
    target.iommu_present = true;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 1);
    assert_string_equal(notes[0],
                        "VM 0: platform.devs[0] (virtio_mmio at 0x10001000): "
                        "its DMA masters are behind the IOMMU and the VM "
                        "names none of them (devs[].id): their DMA will be "
                        "refused");
    devs[0][0].id = 0x8;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 0);
    /* An id on a device that is not behind the IOMMU names another. */
    target.devices = board;
    target.num_devices = 2;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 2);
    assert_string_equal(notes[0],
                        "VM 0: platform.devs[0].id 0x8: virtio_mmio at "
                        "0x10001000 is not behind the IOMMU; the id gives the "
                        "VM whatever master has it there");
    devs[0][0].id = 0;
    target.iommu_present = false;
    target.devices = NULL;
    target.num_devices = 0;
}

static void test_colours_are_applied(void **state)
{
    (void)state;
    /* Colours of VMs and shared memory are applied: nothing to say. */
    notes_n = 0;
    vms[0].colors = 0xf0;
    shmems[0].colors = 0x3;
    notes_n = 0;
    assert_int_equal(config_unapplied(&cfg, &target, note, notes), 0);
}

static void test_vm_colours(void **state)
{
    (void)state;
    vms[0].colors = 0x0000ffff;
    regions[0][0].colors = 0xffff0000; /* its own, over the VM's */
    assert_accepted();
    vms[0].colors = 0x100000000;
    assert_rejected("VM 0: colors 0x100000000", "32 colours");
    vms[0].colors = 0;
    regions[0][0].colors = 0x100000001;
    assert_rejected("VM 0: platform.regions[0].colors 0x100000001",
                    "bits 0 to 31");
    regions[0][0].colors = 0;
    /* VM 1's region is placed: the VM's colours cannot apply to it. */
    vms[1].colors = 0x3;
    assert_rejected("VM 1: platform.regions[0] is placed",
                    "cannot be coloured");
    vms[1].colors = 0;
    vms[0].colors = 0x3;
    vms[0].image.inplace = true;
    assert_rejected("VM 0: platform.regions[0] holds the inplace image");
    vms[0].image.inplace = false;
    target.colours = 0;
    assert_rejected("VM 0: colors 0x3", "no shared cache");
}

/* Two VMs share shmem 0: each writes its own channel, reads the other's. */
static void test_ipc_channels(void **state)
{
    struct ipc_channels ch;

    (void)state;
    assert_int_equal(ipc_sharers(&cfg, 0), 2);
    assert_true(ipc_channels(&cfg, 0, 0, &ch));
    assert_int_equal(ch.size, 0x8000); /* half the 64 KiB windows */
    assert_int_equal(ch.write_offset, 0);
    assert_int_equal(ch.read_offset, 0x8000);
    assert_true(ipc_channels(&cfg, 1, 0, &ch));
    assert_int_equal(ch.write_offset, 0x8000);
    assert_int_equal(ch.read_offset, 0);
    /* An explicit channel size, as in the seed: 8 KiB each. */
    shmems[0].channel_size = 0x2000;
    assert_accepted();
    assert_true(ipc_channels(&cfg, 1, 0, &ch));
    assert_int_equal(ch.size, 0x2000);
    assert_int_equal(ch.write_offset, 0x2000);
    assert_int_equal(ch.read_offset, 0);
    /* Two channels must fit every window. */
    shmems[0].channel_size = 0x9000;
    assert_rejected("shmemlist[0].channel_size 0x9000", "VM 0",
                    "ipcs[0] (0x10000)");
    /* Only for an object exactly two VMs map. */
    shmems[0].channel_size = 0x1000;
    vms[1].platform.ipc_num = 0;
    assert_rejected("shmemlist[0].channel_size", "1 VMs map it");
    assert_false(ipc_channels(&cfg, 0, 0, &ch));
}

static void test_console_uart_may_be_passed_to_one_vm(void **state)
{
    (void)state;
    /* The hypervisor keeps writing to it; its input belongs to the VM. */
    devs[1][0].pa = 0x10000000;
    devs[1][0].size = 0x1000;
    assert_accepted();
    assert_true(vm_owns_console_uart(&cfg, 1, 0x10000000, 0x1000));
    assert_false(vm_owns_console_uart(&cfg, 0, 0x10000000, 0x1000));
    assert_false(vm_dev_is_emulated_uart(&cfg, 1, 0, 0x10000000, 0x1000));
    /* The build and the boot say what that means. */
    notes_n = 0;
    assert_int_equal(config_notes(&cfg, &target, note, notes), 1);
    assert_string_equal(notes[0], "VM 1 has the console UART 0x10000000 "
                                  "passed through: the hypervisor still "
                                  "prints its own lines there but reads no "
                                  "input from it (the other VMs' emulated "
                                  "UARTs get none)");
    /* Nobody lists it: every VM has the emulated one, nothing to say. */
    setup(state);
    notes_n = 0;
    assert_int_equal(config_notes(&cfg, &target, note, notes), 0);
    assert_int_equal(notes_n, 0);
}

/* VM `vm` lists the console UART as devs[1], the way Bao's tutorials do. */
static void list_console_uart(size_t vm)
{
    dev_irqs[vm][1][0] = 10;
    devs[vm][1] = (struct vm_dev_region){.pa = 0x10000000,
                                         .va = 0x10000000,
                                         .size = 0x1000,
                                         .interrupt_num = 1,
                                         .interrupts = dev_irqs[vm][1]};
    vms[vm].platform.dev_num = 2;
}

static void test_console_uart_listed_by_two_vms_is_emulated(void **state)
{
    (void)state;
    list_console_uart(0);
    list_console_uart(1);
    assert_accepted();
    for (size_t vm = 0; vm < 2; vm++) {
        assert_false(vm_owns_console_uart(&cfg, vm, 0x10000000, 0x1000));
        assert_true(vm_dev_is_emulated_uart(&cfg, vm, 1, 0x10000000, 0x1000));
        assert_false(vm_dev_is_emulated_uart(&cfg, vm, 0, 0x10000000, 0x1000));
    }
    notes_n = 0;
    assert_int_equal(config_notes(&cfg, &target, note, notes), 1);
    assert_string_equal(notes[0], "VM 0 and VM 1 list the console UART "
                                  "0x10000000: each gets an emulated 16550 "
                                  "there (output tagged, input by Ctrl-\\ N)");
    /* Without its interrupt too (it is the emulated UART's anyway). */
    devs[1][1].interrupt_num = 0;
    assert_accepted();
}

static void test_console_uart_listed_by_three_vms_note(void **state)
{
    (void)state;
    list_console_uart(0);
    list_console_uart(1);
    vms[2] = vms[1];
    vms[2].cpu_affinity = 0x4;
    vms[2].platform.ipc_num = 0;
    vms[2].platform.region_num = 1;
    vms[2].platform.regions = regions[2];
    regions[2][0] =
        (struct vm_mem_region){.base = 0x80000000, .size = 32 * MIB};
    vms[2].platform.dev_num = 2;
    vms[2].platform.devs = devs[1]; /* the same UART entry, and devs[0] */
    cfg.vmlist_size = 3;
    notes_n = 0;
    assert_int_equal(config_notes(&cfg, &target, note, notes), 1);
    assert_non_null(strstr(notes[0], "VM 0, VM 1 and VM 2 list the console "
                                     "UART 0x10000000"));
}

static void test_shared_console_uart_entry_is_the_uart_only(void **state)
{
    (void)state;
    /* A wider region would pass the devices beside it to both VMs. */
    list_console_uart(0);
    list_console_uart(1);
    devs[0][1].size = 0x10000;
    assert_rejected("VM 0", "platform.devs[1]", "size 0x10000",
                    "must be exactly pa = va = 0x10000000, size 0x1000");
    /* It is emulated at the UART's own guest address. */
    setup(state);
    list_console_uart(0);
    list_console_uart(1);
    devs[1][1].va = 0x20000000;
    assert_rejected("VM 1", "platform.devs[1]", "va 0x20000000",
                    "must be exactly");
    /* The emulated UART raises only its own interrupt. */
    setup(state);
    list_console_uart(0);
    list_console_uart(1);
    dev_irqs[1][1][1] = 11;
    devs[1][1].interrupt_num = 2;
    assert_rejected("VM 1", "platform.devs[1].interrupts[1] = 11",
                    "raises only interrupt 10");
    /* Another device of a sharing VM may not take the UART's interrupt. */
    setup(state);
    list_console_uart(0);
    list_console_uart(1);
    dev_irqs[0][0][0] = 10;
    assert_rejected("VM 0", "platform.devs[0].interrupts[0] = 10",
                    "emulated console");
}

static void test_device_over_hypervisor(void **state)
{
    (void)state;
    devs[0][0].pa = target.hyp_base;
    assert_rejected("VM 0", "devs[0].pa", "hypervisor");
}

/* The IOMMU's registers are the hypervisor's: a VM that reached them could
 * open all memory to DMA. */
static void test_device_over_iommu(void **state)
{
    (void)state;
    target.iommu_base = 0x3010000;
    target.iommu_size = 0x1000;
    devs[0][0].pa = 0x3000000;
    devs[0][0].size = 0x20000;
    assert_rejected("VM 0", "devs[0].pa 0x3000000",
                    "IOMMU's registers at 0x3010000");
    devs[0][0].size = 0x10000;
    assert_accepted();
    target.iommu_size = 0;
}

/* A DMA master (its IOMMU device id) goes to one VM. */
static void test_device_id_given_twice(void **state)
{
    (void)state;
    devs[0][0].id = 0x8;
    devs[1][0].id = 0x10;
    assert_accepted();
    devs[1][0].id = 0x8;
    assert_rejected("VM 0", "devs[0]", "VM 1", "device id 0x8", "one VM");
}

/*
 * Every address must be one the hardware can map (issue 13, finding 6):
 * a guest address within the 41 bits of Sv39x4, a host address within
 * the 56 bits a stage-2 PTE holds; one with bit 63 set is no way around
 * the "overlaps the hypervisor" rule.
 */
static void test_addresses_the_hardware_cannot_map(void **state)
{
    (void)state;
    devs[0][0].va = 1UL << 41;
    assert_rejected("VM 0", "devs[0].va 0x20000000000", "guest-physical limit");
    devs[0][0].va = 0x10001000;
    devs[0][0].pa = target.hyp_base | 1UL << 63;
    assert_rejected("VM 0", "devs[0].pa 0x8000000080200000",
                    "physical limit 0x100000000000000");
    devs[0][0].pa = 1UL << 56;
    assert_rejected("VM 0", "devs[0].pa", "physical limit");
    devs[0][0].pa = (1UL << 56) - 0x1000;
    assert_accepted();
    regions[1][0].place_phys = true;
    regions[1][0].phys = 1UL << 62;
    assert_rejected("VM 1", "regions[0].phys 0x4000000000000000",
                    "physical limit");
    regions[1][0].place_phys = false;
    shmems[0].place_phys = true;
    shmems[0].phys = 0xff00000000000000;
    assert_rejected("config", "shmemlist[0].phys 0xff00000000000000",
                    "physical limit");
}

static void test_device_va_over_memory(void **state)
{
    (void)state;
    devs[0][0].va = 0x80000000 + 64 * MIB - 0x1000;
    devs[0][0].size = 0x2000;
    assert_rejected("VM 0", "devs[0].va");
}

static void test_device_misaligned(void **state)
{
    (void)state;
    devs[1][0].size = 0x100;
    assert_rejected("VM 1", "devs[0]", "size");
}

static void test_fault_policy_must_be_known(void **state)
{
    (void)state;
    vms[1].fault_policy = VM_FAULT_RESTART;
    assert_accepted();
    vms[1].fault_policy = (enum vm_fault_policy)7;
    assert_rejected("VM 1", "fault_policy 7");
}

static void test_interrupts_need_a_plic(void **state)
{
    (void)state;
    vms[1].platform.arch.irqc.plic.base = 0;
    assert_rejected("VM 1", "plic.base is not set");
}

static void test_interrupt_id_must_exist(void **state)
{
    (void)state;
    dev_irqs[0][0][0] = 96;
    assert_rejected("VM 0", "devs[0].interrupts[0] = 96", "1..95");
    dev_irqs[0][0][0] = 0;
    assert_rejected("VM 0", "devs[0].interrupts[0] = 0");
}

static void test_plic_window_overlaps_memory(void **state)
{
    (void)state;
    vms[0].platform.arch.irqc.plic.base = 0x83f00000;
    assert_rejected("VM 0", "plic.base 0x83f00000", "memory");
}

static void test_plic_window_overlaps_device(void **state)
{
    (void)state;
    devs[0][0].va = 0xc100000;
    assert_rejected("VM 0", "plic.base 0xc000000", "devs[0]");
}

static void test_plic_base_misaligned(void **state)
{
    (void)state;
    vms[0].platform.arch.irqc.plic.base = 0xc000800;
    assert_rejected("VM 0", "plic.base 0xc000800", "page-aligned");
}

static void test_aia_on_a_plic_platform(void **state)
{
    (void)state;
    vms[1].platform.arch.irqc.aia.imsic.base = 0x28000000;
    assert_rejected("VM 1", "irqc.aia is set", "PLIC");
    vms[1].platform.arch.irqc.aia.imsic.base = 0;
    vms[0].platform.arch.irqc.aia.aplic.base = 0xd000000;
    assert_rejected("VM 0", "irqc.aia is set", "PLIC");
}

/* The same VMs on an AIA board: no interrupts, so no controller needed. */
static void on_an_aia_board(void)
{
    target.arch.irqc = ARCH_IRQC_AIA;
    target.irq_sources = 97; /* APLIC sources 1..96 */

    target.arch.imsics = true;
    for (size_t v = 0; v < cfg.vmlist_size; v++) {
        vms[v].platform.arch.irqc.plic.base = 0;
        vms[v].platform.dev_num = 0;
        vms[v].platform.ipc_num = 0;
    }
}

static void test_aia_board_runs_vms_without_interrupts(void **state)
{
    (void)state;
    on_an_aia_board();
    assert_accepted();
}

static void test_plic_on_an_aia_board(void **state)
{
    (void)state;
    on_an_aia_board();
    vms[1].platform.arch.irqc.plic.base = 0xc000000;
    assert_rejected("VM 1", "irqc.plic.base is set", "an APLIC",
                    "irqc.aia.aplic.base");
}

static void test_aia_vms_with_a_direct_mode_aplic(void **state)
{
    (void)state;
    on_an_aia_board();
    vms[0].platform.dev_num = 1;
    vms[0].platform.arch.irqc.aia.aplic.base = 0xd000000;
    assert_accepted();
    /* The window is checked as a PLIC's. */
    vms[0].platform.arch.irqc.aia.aplic.base = 0x83ff8000;
    assert_rejected("VM 0", "aplic.base 0x83ff8000",
                    "APLIC window overlaps the VM's memory");
    vms[0].platform.arch.irqc.aia.aplic.base = 0xd000800;
    assert_rejected("VM 0", "aplic.base 0xd000800", "page-aligned");
}

/* MSI mode: the vCPUs' interrupt files, vCPU i's at imsic.base + i pages. */
static void test_aia_vms_with_interrupt_files(void **state)
{
    (void)state;
    on_an_aia_board();
    vms[0].platform.dev_num = 1;
    vms[0].platform.arch.irqc.aia.aplic.base = 0xd000000;
    vms[0].platform.arch.irqc.aia.imsic.base = 0x28000000;
    /* A board whose APLIC delivers directly has no files at all. */
    target.arch.imsics = false;
    assert_rejected("VM 0", "irqc.aia.imsic.base is set", "no IMSICs",
                    "delivers directly", "direct mode");
    target.arch.imsics = true;
    /* Harts without guest files have none to give. */
    assert_rejected("VM 0", "irqc.aia.imsic.base is set",
                    "no guest interrupt files", "direct mode");
    target.arch.guest_files = true;
    assert_accepted();
    /* VM 0 has two vCPUs: two pages, aligned to two pages. */
    vms[0].platform.arch.irqc.aia.imsic.base = 0x28001000;
    assert_rejected("VM 0", "imsic.base 0x28001000", "not aligned to 0x2000");
    vms[0].platform.arch.irqc.aia.imsic.base = 0xd002000;
    assert_rejected("VM 0", "imsic.base 0xd002000", "overlap the APLIC");
    vms[0].platform.arch.irqc.aia.imsic.base = 0x83ffe000;
    assert_rejected("VM 0", "imsic.base 0x83ffe000",
                    "interrupt files window overlaps the VM's memory");
    /* VM 1's emulated console UART is no interrupt file. */
    vms[0].platform.arch.irqc.aia.imsic.base = 0x28000000;
    vms[1].platform.arch.irqc.aia.aplic.base = 0xd000000;
    vms[1].platform.arch.irqc.aia.imsic.base = 0x10000000;
    assert_rejected("VM 1", "imsic.base window covers 0x10000000",
                    "emulated console UART");
    vms[1].platform.arch.irqc.aia.imsic.base = 0;
    vms[0].platform.arch.irqc.aia.imsic.base = 0x28000000;
    vms[0].platform.arch.irqc.aia.aplic.base = 0;
    assert_rejected("VM 0", "imsic.base is set", "aplic.base is not");
}

static void test_interrupts_need_a_controller_on_an_aia_board(void **state)
{
    (void)state;
    on_an_aia_board();
    vms[1].platform.dev_num = 1;
    assert_rejected("VM 1", "irqc.aia.aplic.base is not set", "has interrupts");
}

static void test_device_irqs_null(void **state)
{
    (void)state;
    devs[0][0].interrupts = NULL;
    assert_rejected("VM 0", "devs[0].interrupts");
}

/* ---- IPC -----------------------------------------------------------------*/

static void test_shmem_id_missing(void **state)
{
    (void)state;
    ipcs[1][0].shmem_id = 1; /* shmemlist has one entry */
    assert_rejected("VM 1", "ipcs[0].shmem_id", "does not exist");
}

static void test_ipc_overlaps_memory(void **state)
{
    (void)state;
    ipcs[0][0].base = 0x80000000 + 60 * MIB;
    assert_rejected("VM 0", "ipcs[0]", "memory");
}

static void test_ipc_larger_than_shmem(void **state)
{
    (void)state;
    ipcs[1][0].size = 0x20000;
    assert_rejected("VM 1", "ipcs[0].size");
}

static void test_ipc_misaligned(void **state)
{
    (void)state;
    ipcs[0][0].base = 0xf0000100;
    assert_rejected("VM 0", "ipcs[0]", "base");
}

/* ---- config_place_vcpus --------------------------------------------------*/

static unsigned harts[MAX_VMS][MAX_CPUS];

static void assign_ok(uint64_t hart_mask)
{
    memset(harts, 0xff, sizeof(harts));
    if (config_place_vcpus(&cfg, hart_mask, harts, &err) != 0)
        fail_msg("config_place_vcpus failed: %s", err.msg);
}

static void test_map_affinity_first(void **state)
{
    (void)state;
    /* VM 1 (hart 3) is placed before VM 0 takes the lowest free harts. */
    assign_ok(0xf);
    assert_int_equal(harts[1][0], 3);
    assert_int_equal(harts[0][0], 0);
    assert_int_equal(harts[0][1], 1);

    /* An affinity on low harts pushes the others up. */
    vms[1].cpu_affinity = 0x3;
    vms[1].platform.cpu_num = 2;
    assign_ok(0xf);
    assert_int_equal(harts[1][0], 0);
    assert_int_equal(harts[1][1], 1);
    assert_int_equal(harts[0][0], 2);
    assert_int_equal(harts[0][1], 3);
}

static void test_map_lowest_free_harts(void **state)
{
    (void)state;
    vms[1].cpu_affinity = 0;
    vms[0].platform.cpu_num = 3;
    /* Harts 0, 1, 3, 5 exist: VM 0 gets 0, 1, 3 and VM 1 gets 5. */
    assign_ok(0x2b);
    assert_int_equal(harts[0][0], 0);
    assert_int_equal(harts[0][1], 1);
    assert_int_equal(harts[0][2], 3);
    assert_int_equal(harts[1][0], 5);
}

static void test_map_affinity_subset(void **state)
{
    (void)state;
    /* VM 0 may use harts 1-2 only, VM 1 any: VM 1 gets the lowest left. */
    vms[0].cpu_affinity = 0x6;
    vms[1].cpu_affinity = 0;
    assign_ok(0xf);
    assert_int_equal(harts[0][0], 1);
    assert_int_equal(harts[0][1], 2);
    assert_int_equal(harts[1][0], 0);
}

static void test_map_overlapping_affinities_satisfiable(void **state)
{
    (void)state;
    /*
     * VM 0 may run on hart 0 or 1, VM 1 only on hart 0. Taking hart 0 for
     * VM 0 first would leave VM 1 nothing; both fit if VM 0 gets hart 1.
     */
    vms[0].cpu_affinity = 0x3;
    vms[0].platform.cpu_num = 1;
    vms[1].cpu_affinity = 0x1;
    assign_ok(0xf);
    assert_int_equal(harts[0][0], 1);
    assert_int_equal(harts[1][0], 0);
    assert_accepted();

    /* Three VMs in a chain: {0,1}x1, {1,2}x1, {0}x1 -> 1, 2, 0. */
    vms[2] = vms[1];
    vms[1].cpu_affinity = 0x6;
    vms[2].cpu_affinity = 0x1;
    cfg.vmlist_size = 3;
    vms[2].platform.dev_num = 0;
    vms[2].platform.ipc_num = 0;
    vms[2].platform.regions = regions[2];
    regions[2][0] = (struct vm_mem_region){.base = 0x80200000, .size = MIB};
    assign_ok(0x7);
    assert_int_equal(harts[0][0], 1);
    assert_int_equal(harts[1][0], 2);
    assert_int_equal(harts[2][0], 0);
    target.cpu_mask = 0x7;
    assert_accepted();
}

static void test_map_every_hart_used_once(void **state)
{
    (void)state;
    /* Four harts, four vCPUs: each hart once. */
    vms[0].cpu_affinity = 0xf;
    vms[0].platform.cpu_num = 3;
    assign_ok(0xf);
    unsigned seen = 0;
    for (unsigned v = 0; v < 3; v++)
        seen |= 1U << harts[0][v];
    seen |= 1U << harts[1][0];
    assert_int_equal(seen, 0xf);
    assert_int_equal(harts[1][0], 3);

    /* Oversubscribed by one. */
    vms[0].platform.cpu_num = 4;
    memset(err.msg, 0, sizeof(err.msg));
    assert_int_equal(config_place_vcpus(&cfg, 0xf, harts, &err), -1);
    assert_non_null(strstr(err.msg, "no free physical CPU"));
}

static void test_map_nonexistent_hart(void **state)
{
    (void)state;
    memset(err.msg, 0, sizeof(err.msg));
    assert_int_equal(config_place_vcpus(&cfg, 0x7, harts, &err), -1);
    assert_non_null(strstr(err.msg, "VM 1"));
    assert_non_null(strstr(err.msg, "cpu_affinity 0x8"));
}

static void test_layout_puts_dtb_at_top_of_entry_region(void **state)
{
    struct vm_layout l;

    (void)state;
    assert_int_equal(vm_layout_compute(&vms[0], &l), 0);
    assert_int_equal(l.dtb_gpa, 0x80000000 + 64 * MIB - VM_DTB_SLOT_SIZE);
    assert_int_equal(l.initrd_gpa, 0);
    assert_int_equal(l.low, l.dtb_gpa);
}

static void test_layout_puts_initrd_below_dtb(void **state)
{
    struct vm_layout l;

    (void)state;
    vms[0].initrd = (struct vm_blob){.load_addr = 0x90000000, .size = 0x1801};
    assert_int_equal(vm_layout_compute(&vms[0], &l), 0);
    /* Page-aligned, ending at or below the DTB slot. */
    assert_int_equal(l.initrd_gpa, l.dtb_gpa - 0x2000);
    assert_true(l.initrd_gpa + 0x1801 <= l.dtb_gpa);
    assert_int_equal(l.low, l.initrd_gpa);
    assert_accepted();
}

static void test_layout_needs_a_region_with_entry(void **state)
{
    struct vm_layout l;

    (void)state;
    vms[0].entry = 0x10;
    assert_int_equal(vm_layout_compute(&vms[0], &l), -1);
}

static void test_image_over_dtb_slot(void **state)
{
    (void)state;
    vms[0].image.size = 64 * MIB - 0x8000; /* runs into the last 64 KiB */
    assert_rejected("VM 0", "overlaps the device tree", "0x83ff0000");
}

static void test_initrd_too_large(void **state)
{
    (void)state;
    vms[0].initrd =
        (struct vm_blob){.load_addr = 0x90000000, .size = 128 * MIB};
    assert_rejected("VM 0", "initrd.size", "does not fit");
}

static void test_initrd_over_image(void **state)
{
    (void)state;
    vms[0].initrd =
        (struct vm_blob){.load_addr = 0x90000000, .size = 64 * MIB - 0x14000};
    assert_rejected("VM 0", "overlaps the device tree and initrd");
}

static void test_user_dtb_too_large(void **state)
{
    (void)state;
    vms[1].dtb =
        (struct vm_blob){.load_addr = 0x90000000, .size = VM_DTB_SLOT_SIZE + 1};
    assert_rejected("VM 1", "dtb.size");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup(name, setup)
    const struct CMUnitTest tests[] = {
        T(test_valid_config),
        T(test_no_vm),
        T(test_too_many_vms),
        T(test_shmem_size),
        T(test_cpu_num_zero),
        T(test_region_num_zero),
        T(test_remote_io_refused),
        T(test_targets_from_descriptions),
        T(test_generic_vm_names_one_controller),
        T(test_region_misaligned_base),
        T(test_region_misaligned_size),
        T(test_region_size_zero),
        T(test_region_beyond_gpa_limit),
        T(test_regions_overlap),
        T(test_image_larger_than_region),
        T(test_image_crosses_region_end),
        T(test_image_outside_memory),
        T(test_image_empty),
        T(test_entry_outside_memory),
        T(test_image_inplace),
        T(test_image_loaded_over_hypervisor),
        T(test_more_vcpus_than_harts),
        T(test_cpu_num_over_limit),
        T(test_affinities_conflict),
        T(test_affinity_nonexistent_hart),
        T(test_place_phys_collision),
        T(test_place_phys_same_vm_identity),
        T(test_place_phys_over_hypervisor),
        T(test_place_phys_misaligned),
        T(test_device_to_two_vms),
        T(test_interrupt_to_two_vms),
        T(test_interrupt_only_device_shared_irq),
        T(test_console_uart_may_be_passed_to_one_vm),
        T(test_console_uart_listed_by_two_vms_is_emulated),
        T(test_console_uart_listed_by_three_vms_note),
        T(test_shared_console_uart_entry_is_the_uart_only),
        T(test_emulated_uart_interrupt_is_reserved),
        T(test_emulated_uart_address_is_reserved),
        T(test_emulated_uart_guest_address_is_not_a_device_window),
        T(test_ipc_interrupt_is_not_a_device_interrupt),
        T(test_ipc_window_overlaps),
        T(test_shmem_placement),
        T(test_shmem_colours),
        T(test_unapplied_fields_are_named),
        T(test_dma_devices_are_named),
        T(test_colours_are_applied),
        T(test_vm_colours),
        T(test_ipc_channels),
        T(test_device_over_hypervisor),
        T(test_device_over_iommu),
        T(test_device_id_given_twice),
        T(test_addresses_the_hardware_cannot_map),
        T(test_device_va_over_memory),
        T(test_device_misaligned),
        T(test_fault_policy_must_be_known),
        T(test_layout_puts_dtb_at_top_of_entry_region),
        T(test_layout_puts_initrd_below_dtb),
        T(test_layout_needs_a_region_with_entry),
        T(test_image_over_dtb_slot),
        T(test_initrd_too_large),
        T(test_initrd_over_image),
        T(test_user_dtb_too_large),
        T(test_interrupts_need_a_plic),
        T(test_interrupt_id_must_exist),
        T(test_plic_window_overlaps_memory),
        T(test_plic_window_overlaps_device),
        T(test_plic_base_misaligned),
        T(test_aia_on_a_plic_platform),
        T(test_aia_board_runs_vms_without_interrupts),
        T(test_plic_on_an_aia_board),
        T(test_aia_vms_with_a_direct_mode_aplic),
        T(test_aia_vms_with_interrupt_files),
        T(test_interrupts_need_a_controller_on_an_aia_board),
        T(test_device_irqs_null),
        T(test_shmem_id_missing),
        T(test_ipc_overlaps_memory),
        T(test_ipc_larger_than_shmem),
        T(test_ipc_misaligned),
        T(test_map_affinity_first),
        T(test_map_lowest_free_harts),
        T(test_map_affinity_subset),
        T(test_map_overlapping_affinities_satisfiable),
        T(test_map_every_hart_used_once),
        T(test_map_nonexistent_hart),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
