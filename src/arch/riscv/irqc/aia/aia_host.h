/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the host device tree says about the machine's supervisor-level AIA:
 * the APLIC domain supervisor software drives, and the IMSIC interrupt
 * files it delivers to when in MSI mode (device-tree bindings
 * riscv,aplic.yaml and riscv,imsics.yaml; AIA spec 3.6 for the files'
 * addresses).
 */
#ifndef ARCH_AIA_HOST_H
#define ARCH_AIA_HOST_H

#include <core/hyp_limits.h>
#include <stdbool.h>
#include <stdint.h>

struct aia_host {
    struct {
        uint64_t base;
        uint64_t size;
        unsigned num_sources; /* sources 1..num_sources */
        bool msi;             /* MSI mode: delivers to the IMSIC below */
    } aplic;
    /* The supervisor-level interrupt files (MSI mode only). */
    struct {
        uint64_t base;
        uint64_t size;
        unsigned num_ids;          /* identities 1..num_ids */
        unsigned guest_index_bits; /* 2^bits pages per hart: S + guests */
    } imsic;
    /* The domain's harts by hart index (the order of the IMSIC's, or in
     * direct mode the APLIC's, interrupts-extended). */
    unsigned num_harts;
    uint32_t hartid[MAX_CPUS];
};

/*
 * Read the supervisor-level APLIC (the domain no other domain is delegated
 * to from, and not disabled) and its IMSIC. 0, or -1 when the tree has no
 * such APLIC or describes it inconsistently (an msi-parent that is not an
 * enabled riscv,imsics node, a hart that is no CPU of the tree, more harts
 * than MAX_CPUS).
 */
int aia_host_probe(const void *dtb, struct aia_host *out);
/* This machine's, as the boot found it (aia_fit.c). */
extern struct aia_host aia_machine;

/* Whether this machine's APLIC delivers by MSIs (else directly, to IDCs). */
static inline bool aia_machine_msi(void)
{
    return aia_machine.aplic.msi;
}
/* The hart index the IMSIC (and an MSI-mode APLIC's target) gives hart id
 * `hartid`, or -1. */
int aia_hart_index(const struct aia_host *h, uint32_t hartid);
/*
 * Address of hart index `index`'s interrupt file `file` (0: its supervisor
 * file, g >= 1: guest file g), or 0 when there is no such file.
 */
uint64_t aia_imsic_file(const struct aia_host *h, unsigned index,
                        unsigned file);

#endif
