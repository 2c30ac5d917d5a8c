/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Trap-and-emulate of guest loads and stores (priv. spec 8.6.3): the
 * instruction comes from htinst when the hart provides it, otherwise it is
 * read from guest memory with HLVX at the faulting pc.
 */
#include <arch/csr.h>
#include <arch/insn_decode.h>
#include <arch/mmio_emul.h>
#include <core/vm.h>

#define PAGE_OFFSET_MASK 0xfffUL
/* htinst bits 1:0 are 00 for the pseudoinstructions (priv. spec 8.6.3). */
#define HTINST_PSEUDO_LOW_BITS 0x3UL

long guest_fetch_halfword(uint64_t va, uint16_t *out);

/*
 * Read the faulting instruction through the guest's own translation. If the
 * read traps, the trap has overwritten sstatus.SPP and hstatus (SPV, GVA),
 * which the return to the guest needs: put them back.
 */
static bool fetch_instruction(uint64_t pc, uint32_t *insn)
{
    unsigned long sstatus = csr_read(CSR_SSTATUS);
    unsigned long hstatus = csr_read(CSR_HSTATUS);
    uint16_t low, high = 0;
    bool ok =
        guest_fetch_halfword(pc, &low) == 0 &&
        (insn_length(low) == 2 || guest_fetch_halfword(pc + 2, &high) == 0);

    if (!ok) {
        csr_write(CSR_SSTATUS, sstatus);
        csr_write(CSR_HSTATUS, hstatus);
    }
    *insn = low | (uint32_t)high << 16;
    return ok;
}

/*
 * A guest-page fault on the guest's own page-table walk, not on the access
 * itself: htinst says so with a pseudoinstruction; without htinst (0), an
 * explicit access has the same page offset in its guest-physical and its
 * virtual address, which a page-table entry's address does not share.
 */
static bool fault_is_in_walk(uint64_t htinst, uint64_t gpa, uint64_t va)
{
    if (htinst)
        return (htinst & HTINST_PSEUDO_LOW_BITS) == 0;
    return ((gpa ^ va) & PAGE_OFFSET_MASK) != 0;
}

enum mmio_result mmio_emulate(struct vcpu *vcpu, const struct vcpu_trap *trap)
{
    uint64_t gpa = vcpu_trap_gpa(trap), va = trap->tval;
    uint64_t htinst = trap->htinst;
    bool store = trap->cause == CAUSE_STORE_GUEST_PAGE_FAULT;
    const struct vm_emul *region = vm_find_emul(vcpu->vm, gpa);
    uint64_t *x = vcpu->arch.ctx.x;
    struct mmio_access a;
    uint64_t value = 0;
    uint32_t insn;

    if (!region)
        return MMIO_NOT_EMULATED;
    if (fault_is_in_walk(htinst, gpa, va))
        return MMIO_WALK;
    if (!insn_decode_htinst(htinst, &a)) {
        if (!fetch_instruction(vcpu->arch.ctx.sepc, &insn))
            return MMIO_NO_INSN;
        if (!insn_decode_mmio(insn, &a))
            return MMIO_BAD_INSN;
    }
    if (a.write != store)
        return MMIO_BAD_INSN;
    if (a.write)
        value = a.reg ? x[a.reg] : 0;
    if (region->access(vcpu, gpa - region->base, a.width, a.write, &value))
        return MMIO_REFUSED;
    if (!a.write && a.reg)
        x[a.reg] = mmio_load_value(&a, value);
    vcpu->arch.ctx.sepc += a.len;
    return MMIO_DONE;
}

const char *mmio_result_reason(enum mmio_result r)
{
    switch (r) {
    case MMIO_NOT_EMULATED:
        return "outside its memory";
    case MMIO_WALK:
        return "in an emulated device, by its page-table walk";
    case MMIO_NO_INSN:
        return "in an emulated device, by an instruction it cannot read";
    case MMIO_BAD_INSN:
        return "in an emulated device, by an instruction not emulated";
    case MMIO_REFUSED:
        return "in an emulated device, refused (width or offset)";
    default:
        return "";
    }
}
