/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Bao's hypercall interface (docs/ipc.md): ecall with a7 = 0x08000ba0
 * and the hypercall id in a6, in the firmware-specific EID range of the
 * SBI spec (3.3). Id 0 is Baobab's null hypercall: it does nothing and is
 * there to measure the round trip (`make bench`). Id 1 is Bao's IPC
 * notify: a0 = index in the VM's ipcs[], a1 = event (interrupt index).
 */
#include <arch/sbi.h>
#include <core/ipc.h>
#include <core/vm.h>

#define HC_NULL 0
#define HC_IPC_NOTIFY 1

static struct sbi_result hypercall(struct vcpu *vcpu, unsigned long id,
                                   const unsigned long *args)
{
    switch (id) {
    case HC_NULL:
        return sbi_ok(0);
    case HC_IPC_NOTIFY:
        return ipc_notify(vcpu->vm, args[0], args[1])
                   ? sbi_err(SBI_ERR_INVALID_PARAM)
                   : sbi_ok(0);
    default:
        return sbi_err(SBI_ERR_NOT_SUPPORTED);
    }
}

const struct sbi_extension sbi_ext_hypercall = {
    .eid = SBI_EXT_BAO_HYPERCALL, .name = "hypercall", .handler = hypercall};
