/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Does this machine fit the build? The platform description and the
 * configuration were fixed at build time; the host device tree says what
 * the machine really has. Each check compares one thing and, when the
 * machine differs, writes one line naming what the machine has and what
 * the build expects, so that the hypervisor refuses to start instead of
 * touching a device that is not there.
 */
#ifndef MACHINE_FIT_H
#define MACHINE_FIT_H

#include <core/config.h>
#include <core/platform.h>
#include <stddef.h>
#include <stdint.h>

/* A host device tree larger than this is not believed. */
#define HOST_DTB_MAX_SIZE (2UL * 1024 * 1024)

/* Short enough that "[baobab] error: " and the line fit one printk. */
#define MACHINE_FIT_MSG_MAX 224

struct machine_fit_error {
    char msg[MACHINE_FIT_MSG_MAX];
};

/* True when dtb is a device tree worth comparing with (fdt_check passes). */
bool machine_dtb_usable(const void *dtb);

/* The interrupt controller is the architecture's check:
 * arch_machine_fit_irqc (arch_hooks.h). */

/* Whether a node is a UART the console driver drives (NS16550 family). */
bool machine_fit_is_uart(const void *dtb, int node);

/* The console UART: an NS16550-family UART at the platform's address. */
int machine_fit_console(const void *dtb, const struct platform *p,
                        struct machine_fit_error *err);

/*
 * The harts the configuration needs: one per vCPU, and every hart a
 * cpu_affinity names. `hart_mask` is the harts the machine has.
 */
int machine_fit_harts(const struct config *cfg, const char *config_name,
                      uint64_t hart_mask, struct machine_fit_error *err);

/*
 * RAM for what the configuration places at fixed physical addresses:
 * place_phys regions and shared memory, and separately loaded images.
 */
int machine_fit_ram(const struct config *cfg, const char *config_name,
                    const struct mem_range *ram, unsigned ram_num,
                    struct machine_fit_error *err);

/* For the checks: format into `buf`, cut short when too long (the console
 * prints one line of at most that much). */
void machine_fit_say(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The node's first "reg" address. */
bool machine_fit_node_base(const void *dtb, int node, uint64_t *base);
/*
 * Look for a node compatible with one of `compats` at `want`: true if there
 * is one; else *found says whether any other is there, at *other.
 */
bool machine_fit_find_at(const void *dtb, const char *const *compats, size_t n,
                         uint64_t want, bool *found, uint64_t *other);

#endif
