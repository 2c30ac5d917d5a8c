/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Bao's hypercall interface (docs/ipc.md): ecall with a7 = 0x08000ba0, in
 * the firmware-specific EID range of the SBI spec (3.3), and the hypercall
 * id in a6. As Bao does, the SBI error (a0) is always 0: the hypercall's own
 * result is in a1, 0 or a negated Bao code (HC_E_*). Id 1 is Bao's IPC
 * notify: a0 = index in the VM's ipcs[], a1 = event (interrupt index).
 * Id 0 is Bao's "invalid" id. HC_BAOBAB_NULL, Baobab's own, does nothing
 * and is there to measure the round trip (`make bench`).
 */
#include <arch/sbi.h>
#include <core/ipc.h>
#include <core/vm.h>

#define HC_INVAL 0
#define HC_IPC_NOTIFY 1
/* Above Bao's ids, so that Bao's next ones do not meet it. */
#define HC_BAOBAB_NULL 0x100

/* Bao's hypercall codes, returned negated in a1. */
#define HC_E_SUCCESS 0
#define HC_E_INVALID_ID 2
#define HC_E_INVALID_ARGS 3

static struct sbi_result hc_result(long code)
{
    return sbi_ok(-code);
}

static struct sbi_result hypercall(struct vcpu *vcpu, unsigned long id,
                                   const unsigned long *args)
{
    switch (id) {
    case HC_BAOBAB_NULL:
        return hc_result(HC_E_SUCCESS);
    case HC_IPC_NOTIFY:
        return hc_result(ipc_notify(vcpu->vm, args[0], args[1])
                             ? HC_E_INVALID_ARGS
                             : HC_E_SUCCESS);
    case HC_INVAL:
    default:
        return hc_result(HC_E_INVALID_ID);
    }
}

const struct sbi_extension sbi_ext_hypercall = {
    .eid = SBI_EXT_BAO_HYPERCALL, .name = "hypercall", .handler = hypercall};
