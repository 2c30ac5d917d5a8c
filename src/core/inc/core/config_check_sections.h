/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The sections of the configuration checker, one file each
 * (src/core/config_check_<section>.c), called by config_check() in the
 * order their errors are reported. Each returns 0, or -1 with `err` set.
 * Internal to the checker.
 */
#ifndef CONFIG_CHECK_SECTIONS_H
#define CONFIG_CHECK_SECTIONS_H

#include <core/config_check_arch.h>
#include <lib/util.h>

static inline bool config_page_aligned(uint64_t v)
{
    return IS_ALIGNED(v, PAGE_SIZE);
}

/* Whether host-physical [pa, pa + size) is beyond what stage 2 can map
 * (an address with high bits set would also slip past the overlap rules). */
static inline bool config_pa_unmappable(uint64_t pa, uint64_t size)
{
    return range_wraps(pa, size) || pa + size > arch_config_pa_limit();
}

/* Whether [base, base + size) lies inside one of the VM's memory regions. */
bool config_in_one_region(const struct vm_platform *p, uint64_t base,
                          uint64_t size);

/* CPUs (config_check_cpus.c): cpu_num. */
int config_check_vcpus(const struct vm_config *c, size_t vm,
                       struct config_error *err);

/* Memory (config_check_memory.c): regions, the image and boot blobs. */
int config_check_memory(const struct vm_config *c, size_t vm,
                        const struct config_target *t,
                        struct config_error *err);
int config_check_image(const struct vm_config *c, size_t vm,
                       const struct config_target *t, struct config_error *err);
/* Regions of VMs `a` and `b` placed on the same physical memory. */
int config_check_placed_pair(const struct vm_config *a, size_t ai,
                             const struct vm_config *b, size_t bi,
                             struct config_error *err);
/* Whether [base, base + size) is physical memory a VM region is placed on. */
bool config_on_placed_region(const struct config *cfg, uint64_t base,
                             uint64_t size);

/* Devices (config_check_devices.c): passthrough regions. */
int config_check_devices(const struct vm_config *c, size_t vm,
                         const struct config_target *t,
                         struct config_error *err);
/* A device of VMs `a` and `b` both claim (memory or interrupt). */
int config_check_device_pair(const struct vm_config *a, size_t ai,
                             const struct vm_config *b, size_t bi,
                             const struct config_target *t,
                             struct config_error *err);
/* The emulated console UART of a VM that does not own the real one. */
int config_check_emulated_uart(const struct config *cfg, size_t vm,
                               const struct config_target *t,
                               struct config_error *err);

/* Interrupts (config_check_irqs.c): ids, then the architecture's part. */
int config_check_interrupts(const struct vm_config *c, size_t vm,
                            const struct config_target *t,
                            struct config_error *err);

/* IPC and shared memory (config_check_ipc.c). */
int config_check_shmems(const struct config *cfg, const struct config_target *t,
                        struct config_error *err);
int config_check_ipcs(const struct config *cfg, const struct vm_config *c,
                      size_t vm, struct config_error *err);
/* channel_size against the windows of the VMs sharing each object. */
int config_check_channels(const struct config *cfg, struct config_error *err);

/* Colouring (config_check_colours.c). */
int config_check_shmem_colours(const struct shmem *s, size_t i,
                               const struct config_target *t,
                               struct config_error *err);
int config_check_vm_colours(const struct vm_config *c, size_t vm,
                            const struct config_target *t,
                            struct config_error *err);

#endif
