/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DMA confinement (src/core/dma.c): which VM each DMA master is given to,
 * when the IOMMU is driven, and how its fault records become reports: one
 * per run of records, named by VM, device, direction and range, and at
 * most DMA_REPORTS_MAX per VM.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"
#include <core/dma.h>
#include <core/platform.h>
#include <core/vm.h>

static struct vm_dev_region devs0[] = {
    {.pa = 0x30000000, .va = 0x30000000, .size = 0x10000000, .id = 0x8},
    {.pa = 0x40000000, .va = 0x40000000, .size = 0x100000},
    {.id = 0x9}, /* an id alone: another function of the device */
};
static struct vm_dev_region devs1[] = {
    {.pa = 0x10001000, .va = 0x10001000, .size = 0x1000},
};
static struct vm_config cfg0 = {.platform = {.dev_num = 3, .devs = devs0}};
static struct vm_config cfg1 = {.platform = {.dev_num = 1, .devs = devs1}};

static unsigned init_n, attach_n;
static int init_ret, attach_ret;
static struct {
    struct vm *vm;
    uint32_t device;
} attached[4];

int arch_iommu_init(void)
{
    init_n++;
    return init_ret;
}

int arch_iommu_attach(struct vm *vm, uint32_t device)
{
    if (attach_n < 4) {
        attached[attach_n].vm = vm;
        attached[attach_n].device = device;
    }
    attach_n++;
    return attach_ret;
}

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    vms[0].id = 0;
    vms[0].cfg = &cfg0;
    vms[1].id = 1;
    vms[1].cfg = &cfg1;
    vm_count = 2;
    machine.iommu.base = 0x3010000;
    machine.iommu.size = 0x1000;
    init_n = attach_n = 0;
    init_ret = attach_ret = 0;
    return 0;
}

static void masters_go_to_the_vm_that_names_them(void **state)
{
    (void)state;
    assert_int_equal(dma_confine(), 0);
    assert_int_equal(init_n, 1);
    assert_int_equal(attach_n, 2);
    assert_ptr_equal(attached[0].vm, &vms[0]);
    assert_int_equal(attached[0].device, 0x8);
    assert_ptr_equal(attached[1].vm, &vms[0]);
    assert_int_equal(attached[1].device, 0x9);
    assert_non_null(strstr(fake.printk_all, "VM 0: DMA of device 0x8 "
                                            "confined to the VM's memory"));
    assert_ptr_equal(dma_owner(0x9), &vms[0]);
    assert_null(dma_owner(0x10));
    assert_null(dma_owner(0)); /* 0 names no master */
}

static void without_an_iommu_nothing_is_driven(void **state)
{
    (void)state;
    machine.iommu.size = 0;
    assert_int_equal(dma_confine(), 0);
    assert_int_equal(init_n, 0);
    assert_int_equal(attach_n, 0);
}

static void a_master_the_iommu_cannot_take_stops_the_boot(void **state)
{
    (void)state;
    attach_ret = -1;
    assert_int_equal(dma_confine(), -1);
    assert_non_null(strstr(fake.printk_all, "VM 0: platform.devs[0].id 0x8: "
                                            "the IOMMU cannot confine"));
    attach_ret = 0;
    init_ret = -1;
    assert_int_equal(dma_confine(), -1);
}

static void fault(enum dma_fault_kind kind, uint32_t device, uint64_t addr,
                  bool write)
{
    struct dma_fault f = {
        .kind = kind, .device = device, .addr = addr, .write = write};

    dma_fault(&f);
}

/* A blocked 64-byte DMA faults once per word: one report of the range. */
static void a_run_of_records_is_one_report(void **state)
{
    (void)state;
    for (unsigned i = 0; i < 16; i++)
        fault(DMA_FAULT_OUTSIDE, 0x8, 0x90100000 + 4 * i, true);
    assert_int_equal(fake.printk_n, 0); /* held until the run ends */
    for (unsigned i = 0; i < 16; i++)
        fault(DMA_FAULT_OUTSIDE, 0x8, 0x90100000 + 4 * i, false);
    assert_int_equal(fake.printk_n, 1);
    assert_string_equal(fake.printk_last,
                        "[baobab] warning: VM 0: DMA write by device 0x8 at "
                        "0x90100000-0x9010003c blocked: outside the VM's "
                        "memory (16 faults); the VM runs on\n");
    fault(DMA_FAULT_NO_OWNER, 0x10, 0, false);
    assert_int_equal(fake.printk_n, 2);
    assert_non_null(strstr(fake.printk_last, "VM 0: DMA read by device 0x8"));
    dma_faults_end(true);
    assert_int_equal(fake.printk_n, 4);
    assert_non_null(strstr(fake.printk_all,
                           "DMA by device 0x10 blocked: no VM is given this "
                           "device (1 faults)"));
    assert_non_null(strstr(fake.printk_last, "fault queue overflowed"));
    assert_int_equal(vms[0].dma_faults, 32);
    /* Another cause of the IOMMU's: its code is shown. */
    {
        struct dma_fault f = {.kind = DMA_FAULT_OTHER,
                              .device = 0x9,
                              .addr = 0x1000,
                              .cause = 260};

        dma_fault(&f);
        dma_faults_end(false);
        assert_non_null(strstr(fake.printk_last, "VM 0: DMA read by device "
                                                 "0x9 at 0x1000 blocked: "
                                                 "IOMMU cause 260"));
    }
}

/* A device that keeps faulting cannot flood the console. */
static void reports_per_vm_are_limited(void **state)
{
    (void)state;
    vms[0].dma_reports = 0;
    for (unsigned i = 0; i < DMA_REPORTS_MAX + 5; i++) {
        fault(DMA_FAULT_OUTSIDE, 0x8, 0x90000000, i % 2);
        dma_faults_end(false);
    }
    /* DMA_REPORTS_MAX reports, then one line saying the rest are not. */
    assert_int_equal(fake.printk_n, DMA_REPORTS_MAX + 1);
    assert_non_null(strstr(fake.printk_last, "VM 0: further blocked DMA is "
                                             "not reported"));
    assert_int_equal(vms[0].dma_faults, DMA_REPORTS_MAX + 5);
    /* At shutdown, the total; nothing for a VM whose devices kept in. */
    fake_reset();
    dma_vm_report(&vms[0]);
    assert_string_equal(fake.printk_last, "[baobab] VM 0: 21 DMA accesses "
                                          "of its devices were blocked\n");
    dma_vm_report(&vms[1]);
    assert_int_equal(fake.printk_n, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(masters_go_to_the_vm_that_names_them, setup),
        cmocka_unit_test_setup(without_an_iommu_nothing_is_driven, setup),
        cmocka_unit_test_setup(a_master_the_iommu_cannot_take_stops_the_boot,
                               setup),
        cmocka_unit_test_setup(a_run_of_records_is_one_report, setup),
        cmocka_unit_test_setup(reports_per_vm_are_limited, setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
