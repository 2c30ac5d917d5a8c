/* SPDX-License-Identifier: Apache-2.0 */
/* The one wait loop of a hart (cpu.h), apart so that tests which fake the
 * rest of cpu.c run the real one. */
#include <core/arch_hooks.h>
#include <core/cpu.h>

void cpu_wait_until(struct cpu *cpu, bool (*done)(struct cpu *cpu))
{
    for (;;) {
        arch_poll_interrupts();
        cpu_handle_events(cpu);
        if (done(cpu))
            return;
        arch_wait_for_interrupt();
    }
}
