/* SPDX-License-Identifier: Apache-2.0 */
/* The physical PLIC: only the harts' supervisor contexts (plic.h). */
#include <core/hyp_limits.h>
#include <core/platform.h>
#include <lib/spinlock.h>
#include <plic/plic.h>
#include <plic/plic_regs.h>
#include <stdint.h>

/* Enable words are shared read-modify-write state between harts. */
static spinlock_t enable_lock = SPINLOCK_INIT;

static volatile uint32_t *reg(uint64_t offset)
{
    return (volatile uint32_t *)(uintptr_t)(platform.arch.plic.base + offset);
}

static unsigned s_context(unsigned hart)
{
    return hart * platform.arch.plic.contexts_per_hart +
           platform.arch.plic.s_context;
}

static volatile uint32_t *enable_word(unsigned hart, unsigned id)
{
    return reg(PLIC_ENABLE_BASE +
               (uint64_t)s_context(hart) * PLIC_ENABLE_STRIDE +
               (id / 32) * sizeof(uint32_t));
}

static volatile uint32_t *context_reg(unsigned hart, unsigned which)
{
    return reg(PLIC_CONTEXT_BASE +
               (uint64_t)s_context(hart) * PLIC_CONTEXT_STRIDE + which);
}

void plic_init(void)
{
    for (unsigned id = 1; id < platform.arch.plic.num_sources; id++)
        plic_set_priority(id, 0);
}

/*
 * The firmware sets up a hart's contexts when it starts the hart (OpenSBI's
 * warm init masks them), so each hart sets up its own, once it runs.
 */
void plic_init_hart(unsigned hart)
{
    for (unsigned id = 0; id < platform.arch.plic.num_sources; id += 32)
        *enable_word(hart, id) = 0;
    *context_reg(hart, PLIC_THRESHOLD) = 0;
}

void plic_set_priority(unsigned id, unsigned priority)
{
    *reg(PLIC_PRIORITY_BASE + id * sizeof(uint32_t)) = priority;
}

void plic_enable(unsigned hart, unsigned id, bool on)
{
    volatile uint32_t *word = enable_word(hart, id);

    spin_lock(&enable_lock);
    if (on)
        *word |= 1U << (id % 32);
    else
        *word &= ~(1U << (id % 32));
    spin_unlock(&enable_lock);
}

unsigned plic_claim(unsigned hart)
{
    return *context_reg(hart, PLIC_CLAIM);
}

void plic_complete(unsigned hart, unsigned id)
{
    *context_reg(hart, PLIC_CLAIM) = id;
}
