/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The SBI the hypervisor offers its guests: a table of extensions, one file
 * each (sbi_<ext>.c), and the dispatcher that routes a guest ecall to them.
 * Free of CSR access so that host unit tests link it.
 */
#ifndef ARCH_SBI_H
#define ARCH_SBI_H

#include <arch/sbi_defs.h>
#include <core/vcpu.h>
#include <stdbool.h>
#include <stdint.h>

struct vcpu;

/* Our implementation id: not in the SBI spec's registered list (4.1.2). */
#define SBI_IMPL_ID_BAOBAB 0xba0babUL
#define SBI_IMPL_VERSION_BAOBAB 0x000100UL /* 0.1.0 */

/*
 * A handler's answer: the SBI return pair (spec 3), two words so that it
 * comes back in registers. An SBI error is zero or negative (spec 3.2); the
 * positive values below are not errors but tell the dispatcher to write no
 * result at all.
 */
struct sbi_result {
    long error;
    long value; /* for a legacy extension: its one result, in a0 */
};

/* The handler set the registers and pc itself (a non-retentive suspend). */
#define SBI_RESULT_RESUMED 1L
/* The vCPU no longer runs (HSM stop, SRST). */
#define SBI_RESULT_LEFT 2L

/*
 * `args` points at the vCPU's a0-a5 in place, not at a copy: a handler
 * reads what it needs before it changes the vCPU's registers.
 */
struct sbi_extension {
    unsigned long eid;
    const char *name;
    /* Legacy extensions (SBI v0.1) return one value, in a0. */
    bool legacy;
    struct sbi_result (*handler)(struct vcpu *vcpu, unsigned long fid,
                                 const unsigned long *args);
};

extern const struct sbi_extension sbi_ext_base;
extern const struct sbi_extension sbi_ext_time;
extern const struct sbi_extension sbi_ext_ipi;
extern const struct sbi_extension sbi_ext_rfence;
extern const struct sbi_extension sbi_ext_hsm;
extern const struct sbi_extension sbi_ext_srst;
extern const struct sbi_extension sbi_ext_dbcn;
extern const struct sbi_extension sbi_ext_legacy_putchar;
extern const struct sbi_extension sbi_ext_legacy_getchar;
extern const struct sbi_extension sbi_ext_hypercall;

const struct sbi_extension *sbi_find_extension(unsigned long eid);
/* Handle the ecall the vCPU just made: registers a0-a7 in its context. */
enum vcpu_action sbi_handle_ecall(struct vcpu *vcpu);

/*
 * Turn (hart_mask, hart_mask_base) into a mask of the VM's virtual harts.
 * SBI_ERR_INVALID_PARAM if any named hart does not exist (SBI spec 3.1).
 */
long sbi_hart_mask_to_vcpus(const struct vcpu *vcpu, unsigned long hart_mask,
                            unsigned long hart_mask_base, unsigned long *vcpus);

static inline struct sbi_result sbi_ok(long value)
{
    struct sbi_result r = {SBI_SUCCESS, value};
    return r;
}

static inline struct sbi_result sbi_err(long error)
{
    struct sbi_result r = {error, 0};
    return r;
}

static inline struct sbi_result sbi_resumed(void)
{
    struct sbi_result r = {SBI_RESULT_RESUMED, 0};
    return r;
}

static inline struct sbi_result sbi_vcpu_left(void)
{
    struct sbi_result r = {SBI_RESULT_LEFT, 0};
    return r;
}

/*
 * A parameter the spec declares 32 bits wide: only its low 32 bits count
 * (SBI spec 3, "higher privilege software must ensure that it only uses
 * 32 bit data"), so stray upper bits are ignored, not refused.
 */
static inline uint32_t sbi_arg32(unsigned long arg)
{
    return (uint32_t)arg;
}

#endif
