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
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/platform.h>

#define TIMER_NEVER (~0UL)

/*
 * The machine's choice, made once on the boot hart before any other hart
 * runs hypervisor code (guest_timer_choose), and never written again: every
 * hart reads it, and which device tree a VM gets depends on it.
 */
static bool sstc;

/*
 * QEMU before 8.2 samples the vstimecmp interrupt outside its lock when it
 * re-evaluates a hart's interrupts (riscv_cpu_update_mip). A CSR write that
 * races the vstimecmp expiry then withdraws the hart's interrupt request
 * although VSTIP is pending, and the guest does not take its timer
 * interrupt until something else interrupts the hart: an idle Linux vCPU
 * spins in its idle loop ("hard LOCKUP ... idling"). QEMU only withdraws
 * the request when no interrupt at all is pending, so keep one pending that
 * nothing takes: the hypervisor's own supervisor timer, unused with Sstc,
 * expired (stimecmp = 0) and masked (sie.STIE = 0). On hardware this costs
 * nothing. guests/baremetal mode "timerrace" reproduces the race.
 */
static void hold_interrupt_request(void)
{
    csr_clear(CSR_SIE, MIP_STIP);
    csr_write(CSR_STIMECMP, 0);
}

bool arch_guest_timer_is_direct(void)
{
    return sstc;
}

const char *arch_guest_timer_name(void)
{
    return sstc ? "direct (Sstc)" : "emulated";
}

/*
 * Whether this hart's firmware enabled Sstc for us: henvcfg.STCE is read-only
 * zero while menvcfg.STCE is (priv. spec 3.1.18, 8.2.5), so it sticks only
 * where the firmware set it.
 */
static bool stce_sticks(void)
{
    if (!machine.arch.has_envcfg)
        return false;
    csr_set(CSR_HENVCFG, HENVCFG_STCE);
    return (csr_read(CSR_HENVCFG) & HENVCFG_STCE) != 0;
}

void guest_timer_choose(void)
{
    /* Sstc needs every hart to have it (device tree) and the firmware to
     * have enabled it for us. */
    sstc = machine.arch.has_sstc && stce_sticks();
}

int guest_timer_init_hart(unsigned hart)
{
    if (!sstc) {
        /* The guest's stimecmp accesses trap: its timer is emulated. */
        if (machine.arch.has_envcfg)
            csr_clear(CSR_HENVCFG, HENVCFG_STCE);
        fw_set_timer(TIMER_NEVER);
        csr_set(CSR_SIE, MIP_STIP);
        return 0;
    }
    if (!stce_sticks()) {
        log_error("hart %u: the firmware did not enable Sstc here "
                  "(henvcfg.STCE stays 0), as it did on the boot hart",
                  hart);
        return -1;
    }
    csr_write(CSR_VSTIMECMP, TIMER_NEVER);
    hold_interrupt_request();
    return 0;
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
