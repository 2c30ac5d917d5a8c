/* SPDX-License-Identifier: Apache-2.0 */
/* The log every fake records in, and its reset; see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <core/cpu.h>

struct fake_log fake;
jmp_buf *fake_jmp;

/*
 * The hart table is cpu.c's, or fake_cpu.c's when cpu.c is faked; a test
 * that links neither has none (weak: its address is then NULL).
 */
#pragma weak cpus

void fake_reset(void)
{
    memset(&fake, 0, sizeof(fake));
    if (cpus) {
        memset(cpus, 0, sizeof(struct cpu) * MAX_CPUS);
        for (unsigned i = 0; i < MAX_CPUS; i++)
            cpus[i].hartid = i;
    }
    fake_jmp = NULL;
}

void fake_noreturn(const char *what)
{
    if (!fake_jmp)
        fail_msg("%s called with no EXPECT_NORETURN around it", what);
    longjmp(*fake_jmp, 1);
}
