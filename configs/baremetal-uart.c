/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Device passthrough: the UART (0x10000000, interrupt 10) belongs to the
 * VM, which sees its own PLIC at the usual address. The guest echoes each
 * line typed on the console from its receive-interrupt handler; type
 * "quit" to end. The hypervisor keeps writing its own messages to the UART
 * but no longer reads it.
 */
#include <config.h>

/* The harts the VM may use (CPPFLAGS=-DUART_VM_HARTS=...); 0: any. */
#ifndef UART_VM_HARTS
#define UART_VM_HARTS 0
#endif
/* Its interrupt controller (tests/system/configs/aia-uart.c: an APLIC). */
#ifndef UART_VM_IRQC
#define UART_VM_IRQC .irqc.plic.base = 0xc000000
#endif

VM_IMAGE(uart_image, XSTR(BAOBAB_IMGS/baremetal-uart.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(uart_image, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = UART_VM_HARTS,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){
                    {
                        .pa = 0x10000000,
                        .va = 0x10000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]){10},
                    },
                },
                .arch = {UART_VM_IRQC},
            },
        },
    },
};
