/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Questions about the configuration that the checker, the running
 * hypervisor and the build tools all ask: who has the console UART. They
 * assume nothing was checked, so the checker can ask them too.
 */
#ifndef CONFIG_QUERY_H
#define CONFIG_QUERY_H

#include <core/config.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether device region `d` covers (part of) [base, base + size). */
bool vm_dev_covers(const struct vm_dev_region *d, uint64_t base, uint64_t size);

/*
 * Whether one of the VM's device regions overlaps [base, base + size): for
 * the console UART, whether it is passed through to the VM (the other VMs
 * get an emulated UART in its place).
 */
bool vm_has_device_at(const struct vm_platform *p, uint64_t base,
                      uint64_t size);

/*
 * How many VMs list the console UART [base, base + size) among their
 * devices; `first` (when not NULL) gets the first one.
 */
size_t console_uart_listers(const struct config *cfg, uint64_t base,
                            uint64_t size, size_t *first);

/*
 * Whether VM `vm` owns the console UART: it is the only VM listing it, and
 * gets it passed through. Every other VM, including any of several that
 * list it, gets the emulated 16550 at its address and interrupt.
 */
bool vm_owns_console_uart(const struct config *cfg, size_t vm, uint64_t base,
                          uint64_t size);

/*
 * Whether the VM's devs[i] is the console UART it lists but gets emulated
 * (others list it too): neither mapped nor its interrupt routed physically.
 */
bool vm_dev_is_emulated_uart(const struct config *cfg, size_t vm, size_t i,
                             uint64_t base, uint64_t size);

#endif
