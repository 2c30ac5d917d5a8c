/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM's virtual PLIC: the register state machine behind the guest's PLIC
 * window, written from the RISC-V PLIC specification (riscv-plic-spec
 * 1.0.0; "spec <n>" below names its chapters: 1 introduction with the
 * gateways and interrupt IDs, 3 memory map, 4 priorities, 5 pending bits,
 * 6 enables, 7 thresholds, 8 claim, 9 completion).
 *
 * Pure memory manipulation: no CSR access, no libc, no locking (the caller
 * holds the VM's vPLIC lock around every call). The caller traps the guest's
 * accesses to its window and passes them to vplic_read/vplic_write, feeds
 * physical interrupts of the VM's sources in with vplic_raise, and acts on
 * the returned struct vplic_result.
 *
 * Contexts follow QEMU virt's PLIC: context 2*i is vCPU i's M-mode context,
 * 2*i+1 its S-mode context. Both hold real registers (the guest can program,
 * claim and complete through either); only the S-mode context is meant to
 * drive anything (the vCPU's VS external interrupt), which is up to the
 * caller: vplic_context_irq answers for any context.
 */
#ifndef ARCH_VPLIC_H
#define ARCH_VPLIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <plic/plic_regs.h>

#define VPLIC_MAX_SOURCES 128 /* source ids 1..127; id 0 means "none" */
#define VPLIC_MAX_CONTEXTS 16 /* 2 per vCPU, 8 vCPUs */
#define VPLIC_CONTEXTS_PER_VCPU 2
#define VPLIC_WORDS (VPLIC_MAX_SOURCES / 32) /* bitmap words */
/* Priority bits implemented: 3, as QEMU virt (the registers are WARL). */
#define VPLIC_PRIORITY_MAX 7

/*
 * Guest window. QEMU virt maps only 0x600000 of it, but the whole map of
 * spec 3 is decoded: 15872 contexts' worth of enables and thresholds.
 */
#define VPLIC_SIZE 0x4000000

struct vplic {
    unsigned num_sources; /* ids 1..num_sources-1 exist */
    unsigned num_contexts;
    /* Sources this VM owns; the others are hardwired to 0. */
    uint32_t assigned[VPLIC_WORDS];
    uint32_t priority[VPLIC_MAX_SOURCES];
    uint32_t pending[VPLIC_WORDS];
    /* Claimed, not completed: the gateway holds further requests (spec 1). */
    uint32_t in_flight[VPLIC_WORDS];
    uint32_t enable[VPLIC_MAX_CONTEXTS][VPLIC_WORDS];
    uint32_t threshold[VPLIC_MAX_CONTEXTS];
};

/*
 * Reset: nothing assigned, pending or enabled, all priorities and thresholds
 * 0. num_sources is clamped to VPLIC_MAX_SOURCES, the contexts (2 per vCPU)
 * to VPLIC_MAX_CONTEXTS.
 */
void vplic_init(struct vplic *p, unsigned num_sources, unsigned num_vcpus);
/* Give source id to this VM (ignored for 0 and ids >= num_sources). */
void vplic_assign(struct vplic *p, unsigned id);
bool vplic_is_assigned(const struct vplic *p, unsigned id);
/* Whether context `ctx` enables source `id`. */
bool vplic_is_enabled(const struct vplic *p, unsigned ctx, unsigned id);
/* Whether source `id` was claimed and not completed yet. */
bool vplic_is_in_flight(const struct vplic *p, unsigned id);
/* Whether source `id` is pending (raised, not claimed yet). */
bool vplic_is_pending(const struct vplic *p, unsigned id);
/*
 * A physical interrupt for source id arrived: mark it pending unless it is
 * pending already or in flight (claimed, not completed), or not assigned.
 * When it became pending (the return value), the caller re-evaluates the
 * lines of the VM's vCPUs.
 */
bool vplic_raise(struct vplic *p, unsigned id);
/*
 * An emulated level-triggered source's line went down before the guest
 * claimed it: withdraw the request so the guest sees no spurious claim.
 * True if a pending request was withdrawn.
 */
bool vplic_lower(struct vplic *p, unsigned id);
/*
 * Whether context ctx's interrupt line (its EIP bit) is asserted: some
 * pending, enabled, assigned source has a priority above the context's
 * threshold (priority 0 never interrupts). False for ctx >= num_contexts.
 */
bool vplic_context_irq(const struct vplic *p, unsigned ctx);

/* What an MMIO access did, for the caller to act on. */
struct vplic_result {
    bool ok;        /* false: bad offset/width (inject an access fault) */
    uint32_t value; /* for reads */
    /* Nonzero: the guest completed this source; complete it physically. */
    unsigned completed_id;
    /* An enable bit of context enable_ctx changed: update the routing. */
    bool enables_changed;
    unsigned enable_ctx;
    /* Some context's line may have changed: re-evaluate the vCPUs' VSEIP. */
    bool lines_changed;
};

/*
 * offset is from the window's base; only width 4 at 4-byte aligned offsets
 * below VPLIC_SIZE is valid. Reserved and unimplemented registers inside the
 * window read 0 and ignore writes. Reading a claim/complete register claims
 * (spec 8): it returns the highest-priority pending source enabled for the
 * context (lowest id on ties; priority 0 never; the threshold does not
 * matter), clears its pending bit and puts it in flight.
 */
struct vplic_result vplic_read(struct vplic *p, uint64_t offset,
                               unsigned width);
/*
 * Writing a claim/complete register completes (spec 9): an assigned source
 * that is in flight and enabled for the context leaves flight and comes back
 * as completed_id; any other id is silently ignored.
 */
struct vplic_result vplic_write(struct vplic *p, uint64_t offset,
                                unsigned width, uint32_t value);

#endif
