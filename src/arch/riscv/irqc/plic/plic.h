/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The physical PLIC, owned by the hypervisor. Only the supervisor contexts
 * of the harts are touched; the M-mode ones belong to the firmware.
 */
#ifndef ARCH_PLIC_H
#define ARCH_PLIC_H

#include <stdbool.h>

/* Give every source priority 0: none is delivered (boot hart, once). */
void plic_init(void);
/* Mask every source in this hart's context and open its threshold. */
void plic_init_hart(unsigned hart);
/* A source a VM owns gets a non-zero priority so it can be delivered. */
void plic_set_priority(unsigned id, unsigned priority);
void plic_enable(unsigned hart, unsigned id, bool on);
unsigned plic_claim(unsigned hart);
void plic_complete(unsigned hart, unsigned id);

/* A PLIC's device-tree compatible strings (bindings riscv/sifive,plic0.yaml),
 * for whoever looks for one in a tree (plic_fit.c). */
#define PLIC_COMPATIBLES 2
extern const char *const plic_compatibles[PLIC_COMPATIBLES];

struct machine_fit_error;
struct platform;
/* The board's PLIC against the device tree (plic_fit.c). */
int plic_machine_fit(const void *dtb, const struct platform *p,
                     struct machine_fit_error *err);

#endif
