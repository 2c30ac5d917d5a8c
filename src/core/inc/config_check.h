/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Validation of a configuration, and the placement of vCPUs on harts. The
 * same code runs in the hypervisor at boot and on the host at build time;
 * an error names the VM and the field.
 */
#ifndef CONFIG_CHECK_H
#define CONFIG_CHECK_H

#include <config.h>
#include <hyp_limits.h>
#include <platform.h>
#include <stddef.h>
#include <stdint.h>

#define CONFIG_ERROR_MAX 256

struct config_error {
    char msg[CONFIG_ERROR_MAX];
};

/* What the configuration is checked against. */
struct config_target {
    uint64_t hart_mask;          /* physical harts that exist */
    uint64_t hyp_base, hyp_size; /* the hypervisor image in RAM */
    uint64_t fw_base, fw_size;   /* the firmware */
    unsigned irq_sources;        /* interrupt ids 1 .. irq_sources-1 */
    uint64_t irqc_size;          /* a VM's interrupt controller window */
    /* The console UART, emulated for every VM that does not own it. */
    uint64_t console_base, console_size;
    unsigned console_irq;
    unsigned colours; /* cache colours (0: colouring unavailable) */
};

/* What a platform description says for checking (hyp range not known). */
struct config_target config_target_for_platform(const struct platform *p,
                                                uint64_t hart_mask);

/*
 * 0 if `cfg` is valid for `target`, else -1 with the reason in `err`. On
 * success `harts` (when not NULL) gets the placement hart_map_assign found.
 */
int config_check(const struct config *cfg, const struct config_target *target,
                 unsigned harts[MAX_VMS][MAX_CPUS], struct config_error *err);

/*
 * Fields this build accepts but does not apply yet (colouring of the
 * hypervisor's own memory, its relocation): `note` gets one message for
 * each one set, so the build and the boot say so. Returns the count.
 */
typedef void (*config_note_fn)(const char *msg, void *arg);
unsigned config_unapplied(const struct config *cfg, config_note_fn note,
                          void *arg);

/*
 * What the build and the boot say about how the configuration is applied
 * where that may surprise: the console UART passed through to a VM, or
 * listed by several VMs (each gets an emulated 16550). `note` gets one
 * message each. Returns the count.
 */
unsigned config_notes(const struct config *cfg, const struct config_target *t,
                      config_note_fn note, void *arg);

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

/*
 * Whether one of the VM's device regions overlaps [base, base + size): for
 * the console UART, whether it is passed through to the VM (the other VMs
 * get an emulated UART in its place).
 */
bool vm_has_device_at(const struct vm_platform *p, uint64_t base,
                      uint64_t size);

/*
 * Pick a physical hart for every vCPU: cpu_affinity first, then the lowest
 * free harts. harts[vm][vcpu] gets the hart id. 0, or -1 with `err` set.
 */
int hart_map_assign(const struct config *cfg, uint64_t hart_mask,
                    unsigned harts[MAX_VMS][MAX_CPUS],
                    struct config_error *err);

#endif
