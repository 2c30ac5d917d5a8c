/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fake of machine.c: `machine` is what the test puts there, and
 * machine_probe() leaves it so; see fakes.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/platform.h>

struct machine machine;

void machine_probe(const void *dtb)
{
    fake.probe_n++;
    fake.probe_dtb = dtb;
}
