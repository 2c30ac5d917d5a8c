/* SPDX-License-Identifier: Apache-2.0 */
/* Fake of the guest timer (arch/guest_timer.h); see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <arch/guest_timer.h>

void guest_timer_set(struct vcpu *vcpu, uint64_t deadline)
{
    fake.timer_n++;
    fake.timer_vcpu = vcpu;
    fake.timer_deadline = deadline;
}
