/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A guest's SBI calls and hypercalls (src/arch/riscv/sbi*.c) with any
 * extension, function and arguments, from any of a VM's vCPUs in any
 * state, on the unit tests' fakes (tests/unit/fakes/): no access outside
 * the handlers' own data (ASan), no guest memory reached outside the VM
 * (the fake fails such an access), and the rules of every answer hold:
 * only a0 and a1 change, an SBI error is one the specification defines,
 * the pc moves past the ecall or the vCPU leaves, and nothing goes to a
 * hart that is not one of the VM's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"
#include "fuzz_input.h"

#include <arch/sbi.h>
#include <core/cpu.h>
#include <core/vcpu.h>
#include <core/vm.h>

#define NVCPU 4
#define RAM_GPA 0x80000000UL
#define RAM_SIZE 0x10000UL
#define SEPC 0x80000400UL
/* SBI spec 3.2: the errors a call may return (v2.0: -1 to -11). */
#define SBI_ERR_LOWEST -11

static const unsigned phys_hart[NVCPU] = {5, 2, 7, 0};
static const unsigned long eids[] = {
    SBI_EXT_BASE,     SBI_EXT_TIME,          SBI_EXT_IPI,
    SBI_EXT_RFENCE,   SBI_EXT_HSM,           SBI_EXT_SRST,
    SBI_EXT_DBCN,     SBI_EXT_BAO_HYPERCALL, SBI_EXT_LEGACY_SET_TIMER,
    SBI_EXT_LEGACY_PUTCHAR, SBI_EXT_LEGACY_GETCHAR,
};

static struct vm vm;
static struct vcpu vcpus[NVCPU];
static uint8_t ram[RAM_SIZE];
/* One IPC window with two events, shared with a peer VM (vms[0]). */
static irqid_t ipc_irqs[] = {52, 53};
static struct ipc ipcs[] = {
    {.base = 0xf0000000, .size = 0x1000, .interrupt_num = 2,
     .interrupts = ipc_irqs},
};
static const struct vm_config cfg = {.platform = {.ipc_num = 1,
                                                  .ipcs = ipcs}};

static void setup(struct fuzz_in *in)
{
    fake_reset();
    memset(&vm, 0, sizeof(vm));
    memset(vcpus, 0, sizeof(vcpus));
    vm.id = 1;
    vm.cfg = &cfg;
    vms[0] = (struct vm){.id = 0, .cfg = &cfg, .state = VM_RUNNING};
    vm_count = 1;
    vm.vcpu_num = NVCPU;
    vm.vcpus = vcpus;
    vm.mem_num = 1;
    vm.mem[0] = (struct vm_mem){
        .gpa = RAM_GPA, .size = RAM_SIZE, .pages = {.base = (uintptr_t)ram}};
    vm.state = VM_RUNNING;
    for (unsigned i = 0; i < NVCPU; i++) {
        vcpus[i].vm = &vm;
        vcpus[i].id = i;
        vcpus[i].hart = phys_hart[i];
        vcpus[i].state = fuzz_u8(in) % (VCPU_SUSPENDED + 1);
        cpus[phys_hart[i]].vcpu = &vcpus[i];
    }
    /* A hart that waits (a suspend) is woken by its first event. */
    fake.stop_on_events = 1;
    /* The VM's console buffer has some room, at most what the fake
     * console keeps. */
    fake.write_limited = true;
    fake.write_room = fuzz_u32(in) % (FAKE_OUT_MAX + 1);
}

/* An argument: small numbers, hart masks, addresses in and around the
 * VM's RAM, or any word. */
static unsigned long argument(struct fuzz_in *in)
{
    uint8_t kind = fuzz_u8(in);
    uint64_t v = fuzz_u64(in);

    switch (kind % 4) {
    case 0:
        return v % 16;
    case 1:
        return RAM_GPA - 0x100 + v % (RAM_SIZE + 0x200);
    case 2:
        return (unsigned long)-(long)(v % 16);
    default:
        return v;
    }
}

static bool is_vms_hart(unsigned hart)
{
    for (unsigned i = 0; i < NVCPU; i++) {
        if (phys_hart[i] == hart)
            return true;
    }
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    struct vcpu *vcpu;
    uint64_t before[32];
    uint8_t pick = 0;
    unsigned long eid, fid;
    enum vcpu_action action;

    setup(&in);
    pick = fuzz_u8(&in);
    vcpu = &vcpus[pick % NVCPU];
    vcpu->state = VCPU_STARTED; /* the caller runs */
    eid = (pick & 0x80) ? fuzz_u64(&in) : eids[fuzz_u8(&in) % 11];
    fid = fuzz_u8(&in) % 24;
    for (unsigned i = 0; i < 32; i++)
        vcpu->arch.ctx.x[i] = 0x5a5a000000000000UL | i;
    for (unsigned i = 0; i < 6; i++)
        vcpu->arch.ctx.x[REG_A0 + i] = argument(&in);
    vcpu->arch.ctx.x[REG_A6] = fid;
    vcpu->arch.ctx.x[REG_A7] = eid;
    vcpu->arch.ctx.sepc = SEPC;
    fake.current_hart = vcpu->hart;
    memcpy(before, vcpu->arch.ctx.x, sizeof(before));

    action = sbi_handle_ecall(vcpu);

    for (unsigned i = 0; i < 32; i++) {
        if (i != REG_A0 && i != REG_A1 && action == VCPU_RESUME &&
            vcpu->arch.ctx.sepc == SEPC + 4)
            FUZZ_ASSERT(vcpu->arch.ctx.x[i] == before[i]);
    }
    if (action == VCPU_RESUME && vcpu->arch.ctx.sepc == SEPC + 4 &&
        eid > SBI_EXT_LEGACY_GETCHAR && eid != 0x08)
        FUZZ_ASSERT((long)vcpu->arch.ctx.x[REG_A0] <= 0 &&
                    (long)vcpu->arch.ctx.x[REG_A0] >= SBI_ERR_LOWEST);
    for (unsigned i = 0; i < fake.ipi_n && i < FAKE_LOG_MAX; i++)
        FUZZ_ASSERT(is_vms_hart(fake.ipi[i]));
    for (unsigned i = 0; i < fake.events_n && i < FAKE_LOG_MAX; i++)
        FUZZ_ASSERT(is_vms_hart(fake.events[i].hart));
    return 0;
}
