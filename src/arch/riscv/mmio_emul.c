/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Trap-and-emulate of guest loads and stores (priv. spec 8.6.3): the
 * instruction comes from htinst when the hart provides it, otherwise it is
 * read from guest memory with HLVX at the faulting pc.
 */
#include <arch/csr.h>
#include <arch/insn_decode.h>
#include <arch/mmio_emul.h>
#include <console.h>
#include <vm.h>

static uint16_t hlvx_hu(uint64_t va)
{
    unsigned long v;

    __asm__ volatile(".option push\n.option arch, +h\n"
                     "hlvx.hu %0, (%1)\n.option pop"
                     : "=r"(v)
                     : "r"(va)
                     : "memory");
    return (uint16_t)v;
}

/* Read the faulting instruction through the guest's own translation. */
static uint32_t fetch_instruction(uint64_t pc)
{
    uint32_t insn = hlvx_hu(pc);

    if (insn_length((uint16_t)insn) == 4)
        insn |= (uint32_t)hlvx_hu(pc + 2) << 16;
    return insn;
}

static bool decode_access(struct vcpu *vcpu, struct mmio_access *a)
{
    if (insn_decode_htinst(csr_read(CSR_HTINST), a))
        return true;
    return insn_decode_mmio(fetch_instruction(vcpu->arch.ctx.sepc), a);
}

bool mmio_emulate(struct vcpu *vcpu, uint64_t gpa, bool store)
{
    const struct vm_emul *region = vm_find_emul(vcpu->vm, gpa);
    uint64_t *x = vcpu->arch.ctx.x;
    struct mmio_access a;
    uint64_t value = 0;

    if (!region)
        return false;
    if (!decode_access(vcpu, &a) || a.write != store) {
        log_warn("VM %u vCPU %u: cannot emulate the access at pc 0x%lx "
                 "to 0x%lx",
                 vcpu->vm->id, vcpu->id, vcpu->arch.ctx.sepc, gpa);
        return false;
    }
    if (a.write)
        value = a.reg ? x[a.reg] : 0;
    if (!region->access(vcpu, gpa - region->base, a.width, a.write, &value))
        return false;
    if (!a.write && a.reg)
        x[a.reg] = mmio_load_value(&a, value);
    vcpu->arch.ctx.sepc += a.len;
    return true;
}
