/* SPDX-License-Identifier: Apache-2.0 */
/* Fake of arch_cpu_self() (arch/riscv/hart.c), behind core's cpu_self();
 * see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/cpu.h>

/* -1: this thread is the hart fake.current_hart names. */
static _Thread_local int thread_hart = -1;

void fake_thread_is_hart(unsigned hart)
{
    thread_hart = (int)hart;
}

struct cpu *arch_cpu_self(void)
{
    unsigned hart =
        thread_hart >= 0 ? (unsigned)thread_hart : fake.current_hart;

    assert_true(hart < MAX_CPUS);
    return &cpus[hart];
}
