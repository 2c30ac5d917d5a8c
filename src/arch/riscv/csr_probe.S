/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Whether a CSR exists on this hart: read it with stvec pointed at a local
 * landing that notes the illegal-instruction trap (priv. spec 2.1: an
 * access to a CSR that is not implemented raises it). A hart of privileged
 * spec 1.11 with the H extension (the SiFive P550) has no senvcfg and no
 * henvcfg: the hypervisor must find that out, not wedge on them. Only
 * while nothing else can trap: interrupts off, no guest running.
 */

/* CSR numbers (priv. spec 2.2 table 2.2, 9.2; as arch/csr.h, which is C). */
#define CSR_SENVCFG 0x10a
#define CSR_HENVCFG 0x60a

/* bool csr_probe_<name>(void): 1 if reading CSR `num` did not trap. */
.macro CSR_PROBE name, num
    .global csr_probe_\name
    .balign 4
csr_probe_\name:
    lla     t0, 1f
    csrrw   t1, stvec, t0
    li      a0, 1
    csrr    t2, \num
    j       2f
    .balign 4                           /* stvec: direct mode, 4-aligned */
1:  li      a0, 0
2:  csrw    stvec, t1
    ret
.endm

    .section .text
    CSR_PROBE senvcfg, CSR_SENVCFG
    CSR_PROBE henvcfg, CSR_HENVCFG
