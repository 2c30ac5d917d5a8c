/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Validation of a configuration, and the placement of vCPUs on physical
 * CPUs. The same code runs in the hypervisor at boot and on the host at
 * build time. The checks are split by section of the configuration
 * (src/core/config_check_*.c), the architecture's part behind
 * config_check_arch.h.
 *
 * Every error message has one form, "VM <n>: <field> ..." for a VM's field
 * or "config: <field> ..." for a top-level one, the field written as in the
 * configuration (platform.devs[1].interrupts[0]); when two VMs clash, the
 * first names the second's field as "VM <m>'s <field>".
 */
#ifndef CONFIG_CHECK_H
#define CONFIG_CHECK_H

#include <core/config.h>
#include <core/hyp_limits.h>
#include <core/platform.h>
#include <stddef.h>
#include <stdint.h>

#define CONFIG_ERROR_MAX 256

struct config_error {
    char msg[CONFIG_ERROR_MAX];
};

/* What the configuration is checked against. */
struct config_target {
    uint64_t cpu_mask;           /* physical CPUs that exist */
    uint64_t hyp_base, hyp_size; /* the hypervisor image in RAM */
    uint64_t fw_base, fw_size;   /* the firmware */
    unsigned irq_sources;        /* interrupt ids 1 .. irq_sources-1 */
    /* The console UART, emulated for every VM that does not own it. */
    uint64_t console_base, console_size;
    unsigned console_irq;
    unsigned colours; /* cache colours (0: colouring unavailable) */
    /* The IOMMU's registers (size 0: none), and whether it confines DMA:
     * at build, where the platform can have one; at boot, where the
     * machine has it. */
    uint64_t iommu_base, iommu_size;
    bool iommu_present;
    /* The platform's devices, for what they can do (DMA). */
    const struct platform_device *devices;
    size_t num_devices;
    struct arch_config_target arch;
};

/* What a platform description says for checking (hyp range not known). */
struct config_target config_target_for_platform(const struct platform *p,
                                                uint64_t cpu_mask);

/*
 * 0 if `cfg` is valid for `target`, else -1 with the reason in `err`. On
 * success `cpus` (when not NULL) gets the placement config_place_vcpus
 * found.
 */
int config_check(const struct config *cfg, const struct config_target *target,
                 unsigned cpus[MAX_VMS][MAX_CPUS], struct config_error *err);

/*
 * What this build accepts but does not apply or enforce yet (colouring of
 * the hypervisor's own memory, its relocation, devices' IOMMU ids where
 * there is no IOMMU, and the confinement of a device that masters DMA
 * beyond it): `note` gets one message for each, so the build and the boot
 * warn. Returns the count.
 */
typedef void (*config_note_fn)(const char *msg, void *arg);
unsigned config_unapplied(const struct config *cfg,
                          const struct config_target *t, config_note_fn note,
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
 * Pick a physical CPU (bit of `cpu_mask`) for every vCPU: cpu_affinity
 * first, then the lowest free ones. cpus[vm][vcpu] gets its number. 0, or
 * -1 with `err` set.
 */
int config_place_vcpus(const struct config *cfg, uint64_t cpu_mask,
                       unsigned cpus[MAX_VMS][MAX_CPUS],
                       struct config_error *err);

#endif
