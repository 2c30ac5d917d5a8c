/* SPDX-License-Identifier: Apache-2.0 */
/* Per-hart setup and the hart services core code uses. */
#include <arch/csr.h>
#include <arch/firmware.h>
#include <arch/guest_timer.h>
#include <arch/irqc.h>
#include <arch/mmu.h>
#include <core/arch_hooks.h>
#include <core/cpu.h>
#include <core/platform.h>

/*
 * Exceptions the guest handles itself (priv. spec 8.2.2): everything a
 * native supervisor would see. Guest-page faults, virtual instructions and
 * ecalls from VS-mode stay with the hypervisor.
 */
#define HEDELEG_GUEST                                                          \
    ((1UL << CAUSE_MISALIGNED_FETCH) | (1UL << CAUSE_FETCH_ACCESS) |           \
     (1UL << CAUSE_ILLEGAL_INSTRUCTION) | (1UL << CAUSE_BREAKPOINT) |          \
     (1UL << CAUSE_MISALIGNED_LOAD) | (1UL << CAUSE_LOAD_ACCESS) |             \
     (1UL << CAUSE_MISALIGNED_STORE) | (1UL << CAUSE_STORE_ACCESS) |           \
     (1UL << CAUSE_USER_ECALL) | (1UL << CAUSE_FETCH_PAGE_FAULT) |             \
     (1UL << CAUSE_LOAD_PAGE_FAULT) | (1UL << CAUSE_STORE_PAGE_FAULT))

struct cpu *arch_cpu_self(void)
{
    struct cpu *cpu;

    __asm__ volatile("mv %0, tp" : "=r"(cpu));
    return cpu;
}

int arch_hart_init(struct cpu *cpu)
{
    __asm__ volatile("mv tp, %0" : : "r"(cpu));
    mmu_hyp_enable();
    csr_write(CSR_HEDELEG, HEDELEG_GUEST);
    csr_write(CSR_HIDELEG, VS_INTERRUPTS);
    csr_write(CSR_HCOUNTEREN, COUNTEREN_CY_TM_IR);
    csr_write(CSR_HVIP, 0);
    csr_write(CSR_HIE, 0);
    csr_write(CSR_HGATP, 0);
    if (guest_timer_init_hart(cpu->hartid))
        return -1;
    if (irqc_init_hart(cpu->hartid))
        return -1;
    csr_set(CSR_SIE, MIP_SSIP | MIP_SEIP);
    return 0;
}

void arch_send_ipi(unsigned hart)
{
    if (!irqc_send_ipi(hart))
        fw_send_ipi(1UL << hart, 0);
}

void arch_ack_ipi(void)
{
    csr_clear(CSR_SIP, MIP_SSIP);
}

void arch_wait_for_interrupt(void)
{
    __asm__ volatile("wfi" ::: "memory");
}

/* No deadline: the SBI way to withdraw a timer request (SBI spec 6.1). */
#define TIMER_NEVER UINT64_MAX

void arch_nap(uint64_t ticks)
{
    fw_set_timer(csr_read(CSR_TIME) + ticks);
    /* wfi wakes on an enabled pending interrupt; none is taken (SIE = 0). */
    csr_set(CSR_SIE, MIP_STIP | MIP_SSIP);
    arch_wait_for_interrupt();
    csr_clear(CSR_SIE, MIP_STIP | MIP_SSIP);
    csr_clear(CSR_SIP, MIP_SSIP);
    fw_set_timer(TIMER_NEVER);
}

void arch_fence_local(void)
{
    __asm__ volatile("fence.i\n"
                     ".option push\n.option arch, +h\n"
                     "hfence.vvma zero, zero\n.option pop" ::
                         : "memory");
}

void arch_system_off(void)
{
    fw_system_reset(SBI_SRST_TYPE_SHUTDOWN, SBI_SRST_REASON_NONE);
    for (;;)
        arch_wait_for_interrupt();
}

/*
 * The firmware may not have parked a secondary hart yet when we ask for it
 * (OpenSBI reports it as not STOPPED meanwhile), so keep asking for a while.
 */
#define HART_START_TIMEOUT_TICKS(hz) ((hz) / 2) /* 500 ms */

int arch_start_hart(unsigned hart)
{
    extern char _secondary_start[];
    uint64_t deadline =
        csr_read(CSR_TIME) + HART_START_TIMEOUT_TICKS(machine.timebase_hz);
    long err;

    do {
        err =
            fw_hart_start(hart, (unsigned long)(uintptr_t)_secondary_start, 0);
    } while (err != SBI_SUCCESS && err != SBI_ERR_ALREADY_AVAILABLE &&
             csr_read(CSR_TIME) < deadline);
    /* Already started: the firmware released it early (see boot.S), so it
     * is in hyp_secondary_main waiting for the boot hart. */
    return err == SBI_ERR_ALREADY_AVAILABLE ? 0 : (int)err;
}

uint64_t arch_timebase_now(void)
{
    return csr_read(CSR_TIME);
}
