/* SPDX-License-Identifier: Apache-2.0 */
/* Static sizes: the hypervisor allocates nothing after boot. */
#ifndef HYP_LIMITS_H
#define HYP_LIMITS_H

#define MAX_CPUS 8 /* physical harts */
#define MAX_VMS 8
#define MAX_VM_REGIONS 8 /* memory regions of one VM */
#define MAX_VM_DEVS 16
#define MAX_SHMEMS 16 /* config.shmemlist entries */
#define MAX_IRQS 128  /* physical interrupt ids 1 .. MAX_IRQS - 1 */
/* Virtual interrupt sources of one VM: its console UART and IPC events. */
#define MAX_VM_VIRQS 16
#define HYP_STACK_SIZE (16 * 1024)
#define PAGE_SIZE 4096UL
#define PAGE_SHIFT 12

#endif
