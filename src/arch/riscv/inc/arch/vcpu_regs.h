/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The saved state of a vCPU while the hypervisor runs. Pure types, so that
 * core code and host unit tests can include it. trap.S uses the offsets
 * below; keep them in sync (static_asserts in vcpu_arch.c check it).
 */
#ifndef ARCH_VCPU_REGS_H
#define ARCH_VCPU_REGS_H

#define VCPU_CTX_X(n) ((n)*8)
#define VCPU_CTX_SEPC (32 * 8)
#define VCPU_CTX_HYP_SP (33 * 8)
#define VCPU_CTX_HYP_TP (34 * 8)

#ifndef __ASSEMBLY__
#include <aia/vaplic.h>
#include <lib/spinlock.h>
#include <plic/vplic.h>
#include <stdint.h>

/* RISC-V integer register numbers (unprivileged spec, chapter 25). */
enum reg {
    REG_ZERO = 0,
    REG_RA = 1,
    REG_SP = 2,
    REG_GP = 3,
    REG_TP = 4,
    REG_A0 = 10,
    REG_A1 = 11,
    REG_A2 = 12,
    REG_A3 = 13,
    REG_A4 = 14,
    REG_A5 = 15,
    REG_A6 = 16,
    REG_A7 = 17,
};

/* Guest registers saved by trap.S; sscratch points here while in VS-mode. */
struct arch_vcpu_ctx {
    uint64_t x[32]; /* x[0] is unused */
    uint64_t sepc;
    uint64_t hyp_sp; /* the hart's hypervisor stack top */
    uint64_t hyp_tp; /* the hart's struct cpu */
};

struct arch_vcpu {
    struct arch_vcpu_ctx ctx; /* first: trap.S addresses it from sscratch */
};

struct arch_vm {
    uint64_t *stage2_root; /* Sv39x4 root table, 16 KiB */
    uint16_t vmid;
    spinlock_t irq_lock; /* guards the models below */
    /* The VM's interrupt controller, of the board's kind, when it has one. */
    union {
        struct vplic vplic;
        struct vaplic vaplic;
    };
    /* Sources of emulated devices: in the model, not the physical one. */
    uint32_t virtual_src[VPLIC_WORDS];
    /* Bit i: vCPU i's external interrupt line as last computed. */
    uint32_t lines_up;
    /* A direct-delivery machine's level sources masked in the physical
     * APLIC since they were forwarded, until the guest's model sees them
     * low: while the device holds its line the source stays pending there
     * (AIA 4.7) and would interrupt the hart again and again. */
    uint32_t held[VPLIC_WORDS];
    /* Virtual edges that came while their source was in flight. */
    uint32_t edge_latched[VPLIC_WORDS];
    /* The guest interrupt file each of its vCPUs has on its hart (the same
     * number on every hart; hstatus.VGEIN), 0 for none. */
    unsigned guest_file;
    /* MSI mode: where the hypervisor reaches vCPU i's guest file, found
     * once when the VM is built (sending into it is on the notify path). */
    uintptr_t guest_file_pa[VAPLIC_MAX_VCPUS];
};

#endif /* __ASSEMBLY__ */
#endif
