/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/sbi.h>
#include <core/vm.h>
#include <lib/util.h>

/* Searched in order: the calls on the interrupt and IPC paths first (an
 * IPC notification, a timer without Sstc, IPIs and fences), the rare ones
 * after. */
static const struct sbi_extension *const extensions[] = {
    &sbi_ext_hypercall,      &sbi_ext_time, &sbi_ext_ipi,
    &sbi_ext_rfence,         &sbi_ext_base, &sbi_ext_hsm,
    &sbi_ext_srst,           &sbi_ext_dbcn, &sbi_ext_legacy_putchar,
    &sbi_ext_legacy_getchar,
};

const struct sbi_extension *sbi_find_extension(unsigned long eid)
{
    for (unsigned i = 0; i < ARRAY_SIZE(extensions); i++) {
        if (extensions[i]->eid == eid)
            return extensions[i];
    }
    return NULL;
}

#define ECALL_INSN_LEN 4

enum vcpu_action sbi_handle_ecall(struct vcpu *vcpu)
{
    uint64_t *x = vcpu->arch.ctx.x;
    const struct sbi_extension *ext = sbi_find_extension(x[REG_A7]);
    struct sbi_result ret;

    if (!ext)
        ret = sbi_err(SBI_ERR_NOT_SUPPORTED);
    else
        ret = ext->handler(vcpu, x[REG_A6], &x[REG_A0]);
    if (ret.error > 0)
        return ret.error == SBI_RESULT_LEFT ? VCPU_IDLE : VCPU_RESUME;
    if (ext && ext->legacy) {
        x[REG_A0] = (uint64_t)ret.value;
    } else {
        x[REG_A0] = (uint64_t)ret.error;
        x[REG_A1] = (uint64_t)ret.value;
    }
    vcpu->arch.ctx.sepc += ECALL_INSN_LEN;
    return VCPU_RESUME;
}

long sbi_hart_mask_to_vcpus(const struct vcpu *vcpu, unsigned long hart_mask,
                            unsigned long hart_mask_base, unsigned long *vcpus)
{
    unsigned n = vcpu->vm->vcpu_num;
    unsigned long all = n >= 64 ? ~0UL : (1UL << n) - 1;

    if (hart_mask_base == SBI_HART_MASK_BASE_ALL) {
        *vcpus = all;
        return SBI_SUCCESS;
    }
    if (hart_mask == 0) {
        *vcpus = 0;
        return SBI_SUCCESS;
    }
    /* Every set bit must name an existing virtual hart. */
    if (hart_mask_base >= n ||
        (hart_mask << hart_mask_base) >> hart_mask_base != hart_mask ||
        ((hart_mask << hart_mask_base) & ~all))
        return SBI_ERR_INVALID_PARAM;
    *vcpus = hart_mask << hart_mask_base;
    return SBI_SUCCESS;
}
