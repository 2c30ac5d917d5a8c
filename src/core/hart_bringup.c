/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/hart_bringup.h>
#include <core/hyp_limits.h>
#include <core/platform.h>

uint64_t hart_nap_ticks(void)
{
    return machine.timebase_hz / HART_NAPS_PER_S;
}

/* The hart that waits for the others to arrive; in .data: read by a hart
 * the firmware released early, before the boot hart clears .bss. */
static volatile int waiting_hart __attribute__((section(".data"))) = -1;

void hart_arrived(unsigned hart)
{
    int boot = __atomic_load_n(&waiting_hart, __ATOMIC_ACQUIRE);

    __atomic_store_n(&cpus[hart].arrived, true, __ATOMIC_RELEASE);
    /* Wake it from its nap now, rather than at the nap's end. */
    if (boot >= 0)
        arch_send_ipi((unsigned)boot);
}

/* Those of `harts` that have arrived. */
static uint64_t arrived(uint64_t harts)
{
    uint64_t up = 0;

    for (unsigned h = 0; h < MAX_CPUS; h++) {
        if ((harts & (1UL << h)) &&
            __atomic_load_n(&cpus[h].arrived, __ATOMIC_ACQUIRE))
            up |= 1UL << h;
    }
    return up;
}

/* The harts the firmware accepted to start. */
static uint64_t start_all(unsigned boot_hart)
{
    uint64_t started = 0;

    for (unsigned h = 0; h < MAX_CPUS; h++) {
        int err;

        if (h == boot_hart || !(machine.hart_mask & (1UL << h)))
            continue;
        err = arch_start_hart(h);
        if (err)
            log_warn("hart %u did not start (SBI error %d): no vCPU goes "
                     "there",
                     h, err);
        else
            started |= 1UL << h;
    }
    return started;
}

void harts_bring_up(unsigned boot_hart)
{
    uint64_t started, up, deadline;

    __atomic_store_n(&waiting_hart, (int)boot_hart, __ATOMIC_RELEASE);
    started = start_all(boot_hart);
    deadline = arch_timebase_now() +
               (uint64_t)machine.timebase_hz * HART_ARRIVAL_TIMEOUT_S;
    while ((up = arrived(started)) != started && arch_timebase_now() < deadline)
        arch_nap(hart_nap_ticks());
    __atomic_store_n(&waiting_hart, -1, __ATOMIC_RELEASE);
    for (unsigned h = 0; h < MAX_CPUS; h++) {
        if ((started & ~up) & (1UL << h))
            log_warn("hart %u was started but never reached the hypervisor "
                     "(a firmware fault; OpenSBI 1.5 can leave a hart in its "
                     "boot lottery): no vCPU goes there",
                     h);
    }
    machine.hart_mask = up | (1UL << boot_hart);
}
