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

#include <config.h>
#include <platform.h>
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

/*
 * The interrupt controller: a PLIC at the platform's PLIC address. 0 when
 * it is there or the tree is unusable (nothing to compare), else -1.
 */
int machine_fit_irqc(const void *dtb, const struct platform *p,
                     struct machine_fit_error *err);

/* The console UART: an NS16550-compatible UART at the platform's address. */
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

#endif
