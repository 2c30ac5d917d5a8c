/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The architecture's part of core's configuration and machine data (through
 * config.h and platform.h; user configurations compile against it). Types
 * only, no functions. Its vCPU and VM state is in arch/vcpu_regs.h.
 */
#ifndef ARCH_TYPES_H
#define ARCH_TYPES_H

#include <stdbool.h>
#include <stdint.h>

/* A VM's interrupt controller, in the configuration (Bao's names). */
struct arch_vm_platform {
    struct {
        struct {
            uint64_t base; /* the VM's PLIC; 0: none */
        } plic;
        struct {
            struct {
                uint64_t base;
            } aplic;
            struct {
                uint64_t base;
            } imsic;
        } aia;
    } irqc;
};

/* The boards' interrupt controllers: a PLIC, or the AIA (an APLIC with or
 * without IMSICs). */
enum arch_irqc_kind {
    ARCH_IRQC_PLIC, /* the default: a description without the field */
    ARCH_IRQC_AIA,
};

/* The board's interrupt controller, in its platform description. */
struct arch_platform {
    enum arch_irqc_kind irqc;
    struct {
        uint64_t base;
        uint64_t size;
        unsigned num_sources; /* interrupt ids 1 .. num_sources-1 */
        /* Hart h's supervisor context: h * contexts_per_hart + s_context. */
        unsigned contexts_per_hart;
        unsigned s_context;
    } plic;
    /* AIA: the supervisor-level APLIC domain and, for one in MSI mode,
     * the supervisor-level IMSIC interrupt files (imsic.base 0: none). */
    struct {
        struct {
            uint64_t base;
            uint64_t size;
            unsigned num_sources; /* sources 1 .. num_sources */
        } aplic;
        struct {
            uint64_t base;
            uint64_t size;
            unsigned num_ids; /* identities 1 .. num_ids */
            /* 2^bits pages per hart: its supervisor file, then its guest
             * files (AIA 3.6); 0: no guest files, so no MSI-mode VMs. */
            unsigned guest_index_bits;
        } imsic;
    } aia;
    /*
     * What VMs are shown of it, where that is not the board's own (0: the
     * field above): the generic platform fixes these at build time, when
     * the generated device trees are made, and learns the rest at boot
     * (arch/vm_irqc.h reads them).
     */
    struct {
        uint64_t plic_size;
        unsigned plic_sources;
        uint64_t aplic_size;
        unsigned aplic_sources;
        unsigned imsic_ids;
    } vm;
};

/* What the configuration check needs of the board's interrupt controller. */
struct arch_config_target {
    enum arch_irqc_kind irqc;
    bool irqc_unknown;     /* the generic platform at build time: either kind */
    uint64_t plic_window;  /* a VM's PLIC window: arch/vm_irqc.h */
    uint64_t aplic_window; /* a VM's APLIC window */
    bool guest_files;      /* AIA: the harts have guest interrupt files */
    bool imsics;           /* AIA: the APLIC delivers by MSIs to IMSICs */
};

/* What the boot hart learned about the harts (arch_machine_probe_cpus). */
struct arch_machine {
    bool has_h;    /* every hart has the hypervisor extension */
    bool has_sstc; /* every hart has Sstc (device tree says so) */
    /* The harts have senvcfg and henvcfg (privileged spec 1.12; a 1.11
     * hart with H, the P550, has neither): probed, not read from the tree. */
    bool has_envcfg;
    /* Bit n: hart n has F, D, V (isa_state_units): whose registers a vCPU
     * on it is handed, cleared and with sstatus.FS/VS = Initial. */
    uint64_t fpu_f_mask;
    uint64_t fpu_d_mask;
    uint64_t vector_mask;
    /* The IOMMU's (machine.iommu) first wired interrupt, which the driver
     * routes all its causes to; 0: none. */
    unsigned iommu_irq;
};

#endif
