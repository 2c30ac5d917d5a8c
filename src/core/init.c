/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Boot: the boot hart learns the machine, sets up memory, checks the
 * configuration, builds every VM and starts the harts the VMs use. Each hart
 * clears its share of its VM's RAM, the last one of a VM starts the VM's
 * vCPU 0, and each idles until its vCPU is started.
 */
#include <core/arch_hooks.h>
#include <core/boot_table.h>
#include <core/colour.h>
#include <core/config_check.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/dma.h>
#include <core/hart_bringup.h>
#include <core/hyp_pool.h>
#include <core/irq.h>
#include <core/machine_fit.h>
#include <core/page_alloc.h>
#include <core/platform.h>
#include <core/shmem.h>
#include <core/vm.h>
#include <core/vm_build.h>
#include <core/vm_dtb.h>
#include <lib/util.h>

#ifndef BAOBAB_VERSION
#define BAOBAB_VERSION "unknown"
#endif
#ifndef BAOBAB_CONFIG_NAME
#define BAOBAB_CONFIG_NAME "unknown"
#endif

/* Page tables for the hypervisor and every VM's stage 2. */
#define HYP_POOL_SIZE (2 * MIB)

extern char _image_start[], _image_end[];
extern const struct console_driver platform_console;

void hyp_boot_main(unsigned long hartid, const void *dtb, bool dtb_in_image);
void hyp_secondary_main(unsigned long hartid);

/*
 * For the system test of the fault report (tests/system/configs/
 * fault-at-boot.c defines it true): a hypervisor fault before anything is
 * set up, not even the console. Configurations do not define it.
 */
extern const bool baobab_test_fault_at_boot __attribute__((weak));

static unsigned vcpu_harts[MAX_VMS][MAX_CPUS];
/* Set once VMs are built; secondaries wait. In .data: a hart may read it
 * before the boot hart clears .bss. */
static volatile bool boot_done __attribute__((section(".data")));

static void fatal(const char *what) __attribute__((noreturn));
static void fatal(const char *what)
{
    log_error("%s: cannot boot, powering off", what);
    arch_system_off();
}

/*
 * The machine is not the one the build is for: say what differs, in the one
 * line `err` holds, and stop before touching a device that is not there.
 */
static void refuse_machine(const struct machine_fit_error *err)
    __attribute__((noreturn));
static void refuse_machine(const struct machine_fit_error *err)
{
    log_error("%s", err->msg);
    log_info("cannot boot on this machine: powering off");
    arch_system_off();
}

/* Where the image runs: wherever it was loaded (boot.S relocates it). */
static uint64_t hyp_image_base(void)
{
    return (uint64_t)(uintptr_t)_image_start;
}

static uint64_t hyp_image_size(void)
{
    return ALIGN_UP((uint64_t)(uintptr_t)_image_end, PAGE_SIZE) -
           hyp_image_base();
}

/*
 * The hypervisor's UART when the device tree shows it where the build
 * expects it (the generic platform found it there); else the firmware's
 * console, which can still say so. A board without a UART the driver
 * drives (the generic platform's choice) has the firmware's console.
 */
static bool console_fits(const void *dtb, struct machine_fit_error *err)
{
    bool fits =
        platform.generic || machine_fit_console(dtb, &platform, err) == 0;

    console_init(fits && platform.console_uart.base ? &platform_console
                                                    : arch_firmware_console());
    return fits;
}

/* What the generic platform found (the controller: the architecture's). */
static void report_generic(void)
{
    if (platform.console_uart.base)
        log_info("generic: console UART at 0x%lx (reg-shift %u, "
                 "reg-io-width %u), timebase %u Hz",
                 platform.console_uart.base, platform.console_uart.reg_shift,
                 platform.console_uart.reg_width
                     ? platform.console_uart.reg_width
                     : 1,
                 platform.timebase_hz);
    else
        log_info("generic: no UART the console driver drives in /chosen "
                 "stdout-path: the firmware's console; timebase %u Hz",
                 platform.timebase_hz);
    arch_platform_report();
    if (platform.llc.size)
        log_info("generic: last-level cache %lu KiB, %u ways: %u colours",
                 platform.llc.size / 1024, platform.llc.ways,
                 colour_count(platform.llc.size, platform.llc.ways));
}

/* What the device tree shows against the platform and the configuration. */
static void check_machine_fit(const void *dtb)
{
    struct machine_fit_error err;

    if (arch_machine_fit_irqc(dtb, &platform, &err) ||
        machine_fit_harts(&config, BAOBAB_CONFIG_NAME, machine.hart_mask,
                          &err) ||
        machine_fit_ram(&config, BAOBAB_CONFIG_NAME, machine.ram,
                        machine.ram_num, &err))
        refuse_machine(&err);
}

/* Take a range out of the allocator; running out of list slots is fatal. */
static void reserve(uint64_t base, uint64_t size)
{
    if (page_alloc_reserve(&ram_alloc, base, size))
        fatal("too many holes in RAM for the page allocator");
}

/*
 * Coloured guest RAM is mapped page by page: its stage 2 needs a leaf table
 * per 2 MiB (plus a partial one at each end, and one for each end of the
 * hypervisor's temporary mapping of its span) beyond the fixed pool.
 */
static uint64_t coloured_table_bytes(void)
{
    uint64_t tables = 0;

    for (size_t v = 0; v < config.vmlist_size; v++) {
        const struct vm_config *vm = &config.vmlist[v];

        for (size_t i = 0; i < vm->platform.region_num; i++) {
            const struct vm_mem_region *r = &vm->platform.regions[i];

            if (!r->place_phys && vm_region_colours(vm, r))
                tables += r->size / (2 * MIB) + 4;
        }
    }
    return ALIGN_UP(tables * PAGE_SIZE, 2 * MIB);
}

static void memory_init(void)
{
    uint64_t pool, pool_size = HYP_POOL_SIZE + coloured_table_bytes();

    page_alloc_init(&ram_alloc);
    for (unsigned i = 0; i < machine.ram_num; i++) {
        if (page_alloc_add(&ram_alloc, machine.ram[i].base,
                           machine.ram[i].size))
            fatal("too many RAM ranges for the page allocator");
    }
    for (unsigned i = 0; i < machine.reserved_num; i++)
        reserve(machine.reserved[i].base, machine.reserved[i].size);
    reserve(platform.firmware.base, platform.firmware.size);
    reserve(hyp_image_base(), hyp_image_size());
    for (size_t i = 0; i < config.vmlist_size; i++) {
        if (config.vmlist[i].image.separately_loaded)
            reserve(config.vmlist[i].image.load_addr,
                    config.vmlist[i].image.size);
    }
    if (page_alloc_get(&ram_alloc, pool_size, 2 * MIB, &pool))
        fatal("no RAM for the hypervisor's page tables");
    hyp_pool_init(pool, pool_size);
    colour_pool_init(&ram_colours, &ram_alloc,
                     colour_count(platform.llc.size, platform.llc.ways));
}

static void warn_unapplied(const char *msg, void *arg)
{
    (void)arg;
    log_warn("config: %s", msg);
}

static void check_config(void)
{
    struct config_target target =
        config_target_for_platform(&platform, machine.hart_mask);
    struct config_error err;

    target.hyp_base = hyp_image_base();
    target.hyp_size = hyp_image_size();
    /* The IOMMU this machine has, not the one the board may have. */
    target.iommu_present = machine.iommu.size != 0;
    if (target.iommu_present) {
        target.iommu_base = machine.iommu.base;
        target.iommu_size = machine.iommu.size;
    }
    if (config_check(&config, &target, vcpu_harts, &err)) {
        log_error("invalid configuration: %s", err.msg);
        fatal("configuration");
    }
    config_unapplied(&config, &target, warn_unapplied, NULL);
}

static void build_vms(void)
{
    for (unsigned i = 0; i < config.vmlist_size; i++) {
        if (vm_build(i, &config.vmlist[i], vcpu_harts[i]))
            fatal("VM setup");
        vm_count++;
    }
}

/* Typed input is the hypervisor's to hand out unless a VM owns the UART. */
static void take_console_input(void)
{
    for (unsigned i = 0; i < vm_count; i++) {
        if (!vms[i].uart.emulated)
            return;
    }
    if (!platform.console_uart.irq || !platform_console.set_rx_irq)
        return;
    if (irq_take_for_hypervisor(platform.console_uart.irq, console_rx_interrupt,
                                false))
        return;
    platform_console.set_rx_irq(true);
    if (vm_count > 1)
        log_info("console: input goes to VM 0; Ctrl-\\ then a VM number "
                 "switches");
}

/* The other harts nap until the boot is done: wake them now. */
static void wake_harts(unsigned boot_hart)
{
    for (unsigned h = 0; h < MAX_CPUS; h++) {
        if (h != boot_hart && (machine.hart_mask & (1UL << h)))
            arch_send_ipi(h);
    }
}

/*
 * Every hart of a VM clears its share of the VM's RAM before the VM starts,
 * in parallel with the VM's other harts and the other VMs' (the boot hart
 * does not clear every VM alone).
 */
static void clear_vm_share(struct cpu *cpu)
{
    if (cpu->vcpu)
        vm_boot_clear(cpu->vcpu);
}

/*
 * The loader put the host device tree where the image lies (boot.S found
 * it there before clearing .bss over it): say where both are, through the
 * firmware's console, and stop.
 */
static void refuse_tree_in_image(const void *dtb) __attribute__((noreturn));
static void refuse_tree_in_image(const void *dtb)
{
    console_init(arch_firmware_console());
    log_error("the host device tree at %p lies inside the hypervisor's image "
              "(0x%lx-0x%lx), whose memory cleared it: load the tree or the "
              "image elsewhere (docs/boards/README.md)",
              dtb, hyp_image_base(), hyp_image_base() + hyp_image_size());
    fatal("host device tree");
}

void hyp_boot_main(unsigned long hartid, const void *dtb, bool dtb_in_image)
{
    struct cpu *cpu = &cpus[hartid];
    struct machine_fit_error console_err, probe_err;
    bool console_ok, probed;

    if (&baobab_test_fault_at_boot && baobab_test_fault_at_boot)
        __builtin_trap();
    for (unsigned i = 0; i < MAX_CPUS; i++)
        cpus[i].hartid = i;
    if (dtb_in_image)
        refuse_tree_in_image(dtb);
    /* The generic platform learns the board first: its console too. */
    probed = platform_probe(dtb, &probe_err) == 0;
    console_ok = probed && console_fits(dtb, &console_err);
    if (!probed)
        console_init(arch_firmware_console());
    printk("\n");
    log_info("Baobab hypervisor %s on %s, config \"%s\", boot hart %lu, "
             "running at 0x%lx",
             BAOBAB_VERSION, platform.name, BAOBAB_CONFIG_NAME, hartid,
             hyp_image_base());
    if (!probed)
        refuse_machine(&probe_err);
    if (platform.generic)
        report_generic();
    if (!IS_ALIGNED(hyp_image_base(), PAGE_SIZE))
        fatal("bao.bin is not at a page boundary: load it at a 2 MiB-aligned "
              "address");
    machine_probe(dtb);
    if (!console_ok)
        refuse_machine(&console_err);
    /* Before the harts are checked against the configuration: those that
     * do not come up are not the machine's. */
    harts_bring_up((unsigned)hartid);
    check_machine_fit(dtb);
    if (vm_dtbs_set_timebase(machine.timebase_hz))
        fatal("a generated device tree has no one-cell timebase-frequency");
    if (arch_machine_unsupported())
        fatal(arch_machine_unsupported());
    memory_init();
    if (arch_boot_init())
        fatal("hypervisor address space");
    if (arch_hart_init(cpu))
        fatal("boot hart setup");
    log_info("%u harts (mask 0x%lx), timebase %u Hz, %lu MiB free RAM, "
             "guest timer: %s",
             popcount64(machine.hart_mask), machine.hart_mask,
             machine.timebase_hz, page_alloc_free_bytes(&ram_alloc) / MIB,
             arch_guest_timer_name());
    check_config();
    if (vm_claim_placed_regions(&config) || shmem_init(&config))
        fatal("memory placement");
    build_vms();
    if (dma_confine())
        fatal("DMA confinement");
    boot_table_print();
    take_console_input();
    __atomic_store_n(&boot_done, true, __ATOMIC_RELEASE);
    wake_harts((unsigned)hartid);
    clear_vm_share(cpu);
    cpu_idle(cpu);
}

void hyp_secondary_main(unsigned long hartid)
{
    struct cpu *cpu = &cpus[hartid];

    /* Started early in the boot (harts_bring_up), or released early by the
     * firmware (see boot.S), it waits here, still on physical addresses,
     * until the address space and VMs exist. */
    hart_arrived((unsigned)hartid);
    while (!__atomic_load_n(&boot_done, __ATOMIC_ACQUIRE))
        arch_nap(hart_nap_ticks());
    if (arch_hart_init(cpu))
        fatal("hart setup");
    clear_vm_share(cpu);
    cpu_idle(cpu);
}
