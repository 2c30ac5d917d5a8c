/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A configuration written the way the Bao tutorials write them: image path
 * from CPPFLAGS, VM_IMAGE with a trailing semicolon, the image described
 * field by field, a device region with interrupts and the PLIC base, VM
 * colours, and hypervisor colours (accepted, reported as not applied).
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAO_DEMOS_WRKDIR_IMGS/baremetal.bin));

struct config config = {
    
    CONFIG_HEADER

    .hyp = {
        .colors = 0b11,
    },

    .vmlist_size = 1,
    .vmlist = (struct vm_config[]) {
        { 
            .image = {
                .base_addr = 0x80200000,
                .load_addr = VM_IMAGE_OFFSET(baremetal_image),
                .size = VM_IMAGE_SIZE(baremetal_image)
            },

            .entry = 0x80200000,
            .cpu_affinity = 0b1010,
            .colors = 0b11110000,

            .platform = {
                .cpu_num = 2,
                
                .region_num = 1,
                .regions =  (struct vm_mem_region[]) {
                    {
                        .base = 0x80000000,
                        .size = 0x4000000
                    }
                },

                .dev_num = 1,
                .devs =  (struct vm_dev_region[]) {
                    {
                        /* virtio devices */
                        .pa = 0x10001000,   
                        .va = 0x10001000,  
                        .size = 0x8000, 
                        .interrupt_num = 8,
                        .interrupts = (irqid_t[]) {1,2,3,4,5,6,7,8},
                        .id = 0x1, /* IOMMU stream id */
                    },
                },

                .arch = {
                    .irqc.plic.base = 0xc000000,
                }
            },
        },
    }
};
