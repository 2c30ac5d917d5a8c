/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Read a halfword of guest code through the guest's own translation (HLVX,
 * priv. spec 8.3). The read can fault: the guest may have changed its page
 * tables since it executed the instruction. hs_trap then resumes at
 * guest_fetch_fault instead of reporting a hypervisor fault.
 *
 *   long guest_fetch_halfword(uint64_t va, uint16_t *out)
 *   returns 0, or -1 if the read trapped (sepc, scause, stval, htval,
 *   htinst, sstatus.SPP and hstatus.SPV/GVA are then the trap's: the caller
 *   restores what it needs).
 */
    .section .text
    .balign 4
    .global guest_fetch_halfword
guest_fetch_halfword:
    .option push
    .option arch, +h
    .global guest_fetch_access
guest_fetch_access:
    hlvx.hu t0, (a0)
    .option pop
    sh      t0, 0(a1)
    li      a0, 0
    ret

    .global guest_fetch_fault
guest_fetch_fault:
    li      a0, -1
    ret
