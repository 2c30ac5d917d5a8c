/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Two baremetal VMs that both list the console UART (0x10000000, interrupt
 * 10) as their device, the way Bao's dual-guest tutorials give it to each
 * guest. Under Baobab each VM gets an emulated 16550 there: its output is
 * tagged and line-buffered, input goes to the VM with the focus (Ctrl-\ N).
 * Both run the guest's `uart` mode, which prints through the UART's
 * registers and echoes typed lines from its receive interrupt.
 */
#include <config.h>

/* The VMs' interrupt controller (aia-shared-uart.c: an APLIC each). */
#ifndef SHARED_UART_IRQC
#define SHARED_UART_IRQC .irqc.plic.base = 0xc000000
#endif

VM_IMAGE(uart_image, XSTR(BAOBAB_IMGS/baremetal-uart.bin));

struct config config = {

    CONFIG_HEADER

    .vmlist_size = 2,
    .vmlist = (struct vm_config[]) {
        {
            .image = {
                .base_addr = 0x80200000,
                .load_addr = VM_IMAGE_OFFSET(uart_image),
                .size = VM_IMAGE_SIZE(uart_image)
            },

            .entry = 0x80200000,

            .platform = {
                .cpu_num = 1,

                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x80000000,
                        .size = 0x4000000
                    }
                },

                .dev_num = 1,
                .devs = (struct vm_dev_region[]) {
                    {
                        .pa = 0x10000000,
                        .va = 0x10000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {10}
                    },
                },

                .arch = {SHARED_UART_IRQC}
            },
        },
        {
            .image = {
                .base_addr = 0x80200000,
                .load_addr = VM_IMAGE_OFFSET(uart_image),
                .size = VM_IMAGE_SIZE(uart_image)
            },

            .entry = 0x80200000,

            .platform = {
                .cpu_num = 1,

                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x80000000,
                        .size = 0x4000000
                    }
                },

                .dev_num = 1,
                .devs = (struct vm_dev_region[]) {
                    {
                        .pa = 0x10000000,
                        .va = 0x10000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {10}
                    },
                },

                .arch = {SHARED_UART_IRQC}
            },
        },
    }
};
