/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The architecture's part of the configuration check, and what the core
 * checker lends it. Implemented in src/arch/<arch>/config_check_arch.c; it
 * runs at build time on the host too, so it reads only its arguments.
 */
#ifndef CONFIG_CHECK_ARCH_H
#define CONFIG_CHECK_ARCH_H

#include <core/config_check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A guest-physical window of a VM and the field that sets it. */
struct config_window {
    uint64_t base, size;
    const char *field; /* e.g. "platform.arch.irqc.<controller>.base" */
};

/* ---- Asked of the architecture ---- */

/* One past the highest guest-physical address a VM's memory can use. */
uint64_t arch_config_gpa_limit(void);
/* One past the highest host-physical address stage 2 can map. */
uint64_t arch_config_pa_limit(void);

/* The target's interrupt controller fields, from the platform description. */
void arch_config_target(const struct platform *p, struct config_target *t);

/*
 * The window of the VM's interrupt controller: false when the VM has none.
 * Nothing else of a VM may lie there.
 */
bool arch_config_irqc_window(const struct vm_platform *p,
                             const struct config_target *t,
                             struct config_window *w);
/* A second window of its controller (the vCPUs' interrupt files of an
 * AIA VM in MSI mode): false when it has none. */
bool arch_config_irqc_window2(const struct vm_platform *p,
                              const struct config_target *t,
                              struct config_window *w);

/*
 * The architecture's fields of VM `vm` (its interrupt controller), after
 * the core checked the rest of its memory, devices, IPC windows and
 * interrupt ids: 0, or -1 with `err` set in the checker's message form.
 */
int arch_config_check_vm(const struct vm_config *c, size_t vm,
                         const struct config_target *t,
                         struct config_error *err);

/* ---- Lent by the core checker ---- */

/* Set `err` from the format; returns -1. */
int config_fail(struct config_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether [base, base + size) overlaps any of the VM's memory regions. */
bool config_touches_memory(const struct vm_platform *p, uint64_t base,
                           uint64_t size);

/* Whether any of the VM's devices or IPC windows has an interrupt. */
bool config_has_interrupts(const struct vm_platform *p);

#endif
