/* SPDX-License-Identifier: Apache-2.0 */
/* Fakes of vm_lifecycle.c's functions; see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/vm_lifecycle.h>

void vm_shutdown(struct vm *vm, struct vcpu *self, const char *why)
{
    fake.shutdown_n++;
    fake.shutdown = (struct fake_lifecycle_call){vm, self, why};
}

void vm_restart(struct vm *vm, struct vcpu *self, const char *why)
{
    fake.restart_n++;
    fake.restart = (struct fake_lifecycle_call){vm, self, why};
}
