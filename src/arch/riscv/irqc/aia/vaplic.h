/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM's virtual APLIC: the register state machine behind the guest's APLIC
 * window, written from the RISC-V Advanced Interrupt Architecture 1.0
 * (chapter 4; "AIA 4.x" below names its sections). The guest sees one
 * supervisor-level interrupt domain without children, whose harts are its
 * vCPUs (hart index = vCPU number) and whose delivery mode is fixed by the
 * VM's configuration: MSI mode (domaincfg.DM reads 1) when the VM has guest
 * interrupt files, direct mode (DM reads 0, one IDC per vCPU) otherwise.
 *
 * Pure memory manipulation: no CSR or MMIO access, no libc, no locking (the
 * caller holds the VM's lock around every call). The caller traps the
 * guest's accesses to its window and passes them to vaplic_read and
 * vaplic_write, feeds the input wires of the VM's sources in with
 * vaplic_set_input, and acts on the returned struct vaplic_result: in
 * direct mode it drives each vCPU's external interrupt from
 * vaplic_idc_irq, in MSI mode it sends what vaplic_take_msi hands out.
 */
#ifndef ARCH_VAPLIC_H
#define ARCH_VAPLIC_H

#include <stdbool.h>
#include <stdint.h>

#include <aia/aplic_regs.h>

/* Sources modelled: 1..127, as the hypervisor's interrupt ids (MAX_IRQS);
 * the registers of the others (up to 1023) read 0. */
#define VAPLIC_MAX_SOURCES 128
#define VAPLIC_WORDS (VAPLIC_MAX_SOURCES / 32) /* bitmap words */
#define VAPLIC_MAX_VCPUS 8
/*
 * Guest window: the control region with its IDCs, as one QEMU virt domain
 * (0x4000 + 32 * hart indices, rounded up). Offsets beyond the registers
 * the domain implements read zero and ignore writes (AIA 4.5).
 */
#define VAPLIC_SIZE 0x8000

struct vaplic_idc {
    bool idelivery;
    bool iforce;
    uint32_t ithreshold;
};

struct vaplic {
    unsigned num_sources; /* sources 1..num_sources exist */
    unsigned num_vcpus;
    bool msi;            /* delivery mode, fixed: domaincfg.DM */
    unsigned iprio_bits; /* IPRIOLEN, 1..8 (direct mode) */
    unsigned eiid_bits;  /* EIID bits implemented, up to 11 (MSI mode) */
    bool ie;             /* domaincfg.IE */
    uint32_t genmsi;     /* Hart Index and EIID of the last write */
    uint32_t assigned[VAPLIC_WORDS]; /* the VM's sources; others read 0 */
    uint8_t sm[VAPLIC_MAX_SOURCES];  /* sourcecfg.SM; D is always 0 */
    uint32_t target[VAPLIC_MAX_SOURCES];
    uint32_t wire[VAPLIC_WORDS]; /* input wires as fed, not rectified */
    uint32_t pending[VAPLIC_WORDS];
    uint32_t enable[VAPLIC_WORDS];
    struct vaplic_idc idc[VAPLIC_MAX_VCPUS];
};

/*
 * Reset (domaincfg.IE = 0, every source inactive, nothing assigned).
 * num_sources is clamped to 127, num_vcpus to VAPLIC_MAX_VCPUS, iprio_bits
 * to 1..8 and eiid_bits to 1..11.
 */
void vaplic_init(struct vaplic *a, unsigned num_sources, unsigned num_vcpus,
                 bool msi, unsigned iprio_bits, unsigned eiid_bits);
/* Give source id to this VM (ignored for 0 and ids beyond num_sources). */
void vaplic_assign(struct vaplic *a, unsigned id);

/* The queries below are inline: the interrupt paths ask them often. */
static inline bool vaplic_exists(const struct vaplic *a, unsigned id)
{
    return id >= 1 && id <= a->num_sources;
}

static inline bool vaplic_is_assigned(const struct vaplic *a, unsigned id)
{
    return vaplic_exists(a, id) && (a->assigned[id / 32] >> (id % 32) & 1);
}

/* The source's mode (APLIC_SM_*); Inactive for a source it does not own. */
static inline unsigned vaplic_source_mode(const struct vaplic *a, unsigned id)
{
    return vaplic_is_assigned(a, id) ? a->sm[id] : APLIC_SM_INACTIVE;
}

/* Whether the guest made the source active (any mode but Inactive). */
static inline bool vaplic_is_active(const struct vaplic *a, unsigned id)
{
    return vaplic_source_mode(a, id) != APLIC_SM_INACTIVE;
}

static inline bool vaplic_is_pending(const struct vaplic *a, unsigned id)
{
    return vaplic_is_active(a, id) && (a->pending[id / 32] >> (id % 32) & 1);
}

static inline bool vaplic_is_enabled(const struct vaplic *a, unsigned id)
{
    return vaplic_is_active(a, id) && (a->enable[id / 32] >> (id % 32) & 1);
}

/* The vCPU (hart index) a source targets. */
static inline unsigned vaplic_target_vcpu(const struct vaplic *a, unsigned id)
{
    if (!vaplic_exists(a, id))
        return 0;
    return (a->target[id] >> APLIC_TARGET_HART_SHIFT) & APLIC_TARGET_HART_MASK;
}

/* The EIID bits a target or genmsi holds. */
static inline uint32_t vaplic_eiid_mask(const struct vaplic *a)
{
    return (1u << a->eiid_bits) - 1;
}

/* Its EIID, in MSI mode. */
static inline unsigned vaplic_target_eiid(const struct vaplic *a, unsigned id)
{
    return vaplic_exists(a, id) ? a->target[id] & vaplic_eiid_mask(a) : 0;
}

/*
 * The wire of source id now reads `high`. By the source's mode (AIA 4.7):
 * a rising edge of the rectified input sets an edge source's pending bit,
 * and a level source's in MSI mode; in direct mode a level source's
 * pending bit follows the rectified input, and in MSI mode a low input
 * clears it. True if the pending bit changed (re-evaluate the vCPUs'
 * lines, or look for MSIs to send).
 */
bool vaplic_set_input(struct vaplic *a, unsigned id, bool high);
/*
 * A pulse on source id's wire, from low and back (an emulated device's
 * edge): the same as vaplic_set_input low, high, low, in one step. An edge
 * source ends pending, a level source not (its input is low again). True
 * if the pending bit changed.
 */
bool vaplic_pulse(struct vaplic *a, unsigned id);
/*
 * The wire of source id reads `high`, and nothing is pended by its change:
 * for a source whose MSIs go from the hardware straight to the guest's
 * interrupt file, so that only the guest's own setip requests pend it
 * here, as its input allows. A level source's pending bit is still cleared
 * while its input is low (AIA 4.7).
 */
void vaplic_follow_wire(struct vaplic *a, unsigned id, bool high);
/* Source id is not pending here: the hardware keeps its pending state
 * (what the model would send, the hardware already does). */
void vaplic_drop_pending(struct vaplic *a, unsigned id);

/*
 * Direct mode: whether vCPU v's external interrupt is asserted (AIA 4.8.2):
 * domaincfg.IE and its idelivery are set, and its iforce or topi is not 0.
 * Always false in MSI mode.
 */
bool vaplic_idc_irq(const struct vaplic *a, unsigned v);
/* Direct mode: every vCPU's line at once, bit v for vCPU v (one pass over
 * the sources instead of one per vCPU). */
uint32_t vaplic_lines(const struct vaplic *a);
/* Direct mode: vCPU v's topi (AIA 4.8.1.4): identity << 16 | priority. */
uint32_t vaplic_topi(const struct vaplic *a, unsigned v);

/*
 * MSI mode: the next source that is pending and enabled while domaincfg.IE
 * is set (lowest number first); its pending bit is cleared, as the APLIC
 * clears it when it sends the MSI (AIA 4.9). False if there is none (and
 * always in direct mode). The MSI goes to *vcpu's interrupt file with
 * identity *eiid; an EIID of 0 is no interrupt and must not be sent.
 */
bool vaplic_take_msi(struct vaplic *a, unsigned *id, unsigned *vcpu,
                     unsigned *eiid);
/*
 * MSI mode: a pulse on source id (vaplic_pulse), and its MSI if that made
 * it due (vaplic_take_msi for this source alone: nothing else changed, so
 * nothing else can be due). The IPC notification path, in one step.
 */
bool vaplic_pulse_msi(struct vaplic *a, unsigned id, unsigned *vcpu,
                      unsigned *eiid);

/* What an MMIO access did, for the caller to act on. */
struct vaplic_result {
    bool ok;        /* false: bad offset or width (inject an access fault) */
    uint32_t value; /* for reads */
    /* Nonzero: this source's target, and with mode_changed its mode,
     * changed (re-program it where the hardware delivers it). */
    unsigned source_changed;
    bool mode_changed;
    /* The enables of sources 32 * enables_word .. + 31 may have changed
     * (mirror them where the hardware delivers them). */
    bool enables_changed;
    unsigned enables_word;
    /* domaincfg.IE changed: every source's delivery follows it. */
    bool ie_changed;
    /* A pending, enable, IE, threshold or IDC state changed: re-evaluate
     * the vCPUs' lines (direct) or look for MSIs to send (MSI mode). */
    bool lines_changed;
    /* MSI mode: a genmsi write asks for an extempore MSI to this vCPU's
     * interrupt file with this identity (AIA 4.5.15); sent at once, so
     * genmsi never reads Busy. */
    bool genmsi;
    unsigned genmsi_vcpu;
    unsigned genmsi_eiid;
};

/*
 * offset is from the window's base; only width 4 at 4-byte aligned offsets
 * below VAPLIC_SIZE is valid. Reading a claimi register claims (AIA
 * 4.8.1.5): it returns topi and clears the reported source's pending bit
 * where its mode allows (not a level source's); reading 0 clears iforce.
 */
struct vaplic_result vaplic_read(struct vaplic *a, uint64_t offset,
                                 unsigned width);
/*
 * Writes follow AIA 4.5 register by register. Checked where the guest
 * could reach beyond its VM: a sourcecfg, setie or setip write to a source
 * it does not own is ignored, a target's Hart Index or genmsi's naming no
 * vCPU of the VM leaves the register as it was (the field is WLRL), and
 * the Guest Index reads 0 (a guest's harts have no hypervisor extension).
 */
struct vaplic_result vaplic_write(struct vaplic *a, uint64_t offset,
                                  unsigned width, uint32_t value);

#endif
