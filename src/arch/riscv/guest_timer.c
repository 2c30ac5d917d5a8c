/* SPDX-License-Identifier: Apache-2.0 */
/*
 * With Sstc the guest's timer is vstimecmp, compared by hardware: the guest
 * may write it itself (henvcfg.STCE) and SBI set_timer just writes it.
 * Without Sstc the hypervisor arms its own timer through the firmware and
 * forwards expiry as hvip.VSTIP.
 */
#include <arch/csr.h>
#include <arch/firmware.h>
#include <arch/guest_timer.h>
#include <arch_hooks.h>
#include <platform.h>

#define TIMER_NEVER (~0UL)

static bool sstc;

bool arch_guest_timer_is_direct(void)
{
    return sstc;
}

void guest_timer_init_hart(void)
{
    /*
     * Sstc needs the hart to have it (device tree) and the firmware to have
     * enabled it for us (menvcfg.STCE, seen through henvcfg.STCE sticking).
     */
    sstc = false;
    if (machine.has_sstc) {
        csr_set(CSR_HENVCFG, HENVCFG_STCE);
        sstc = (csr_read(CSR_HENVCFG) & HENVCFG_STCE) != 0;
    }
    if (sstc) {
        csr_write(CSR_VSTIMECMP, TIMER_NEVER);
    } else {
        fw_set_timer(TIMER_NEVER);
        csr_set(CSR_SIE, MIP_STIP);
    }
}

void guest_timer_set(struct vcpu *vcpu, uint64_t deadline)
{
    (void)vcpu;
    if (sstc) {
        csr_write(CSR_VSTIMECMP, deadline);
        return;
    }
    csr_clear(CSR_HVIP, MIP_VSTIP);
    fw_set_timer(deadline);
}

void guest_timer_cancel(void)
{
    if (sstc)
        csr_write(CSR_VSTIMECMP, TIMER_NEVER);
    else
        fw_set_timer(TIMER_NEVER);
}

void guest_timer_handle_hs_interrupt(void)
{
    csr_set(CSR_HVIP, MIP_VSTIP);
    fw_set_timer(TIMER_NEVER);
}
