/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DMA behind the IOMMU (tests/system/test_iommu.py, QEMU 10.0 with
 * -M virt,iommu-sys=on and two edu devices at 00:01.0 and 00:02.0): VM 0
 * runs the baremetal guest's "dma" mode and owns the PCIe host (ECAM and
 * the start of its memory window, at their physical addresses) with one
 * of its masters, edu 00:01.0 (device id 0x8); its memory lies wherever
 * the hypervisor puts it. VM 1, the victim, is placed at host address
 * 0x90000000, where VM 0's DMA aims.
 */
#include <config.h>

VM_IMAGE(dma_image, XSTR(BAOBAB_IMGS/baremetal-dma.bin));
VM_IMAGE(victim_image, XSTR(BAOBAB_IMGS/baremetal-victim.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(dma_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                .dev_num = 2,
                .devs = (struct vm_dev_region[]){
                    {.pa = 0x30000000, .va = 0x30000000, .size = 0x10000000,
                     .id = 0x8},
                    {.pa = 0x40000000, .va = 0x40000000, .size = 0x200000},
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(victim_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000,
                     .place_phys = true, .phys = 0x90000000},
                },
            },
        },
    },
};
