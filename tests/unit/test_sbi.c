/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the SBI the hypervisor offers its guests
 * (src/arch/riscv/sbi*.c) with the real vcpu.c and vm.c. A fake VM of four
 * vCPUs on scattered physical harts makes calls the way trap.S leaves
 * them: a7 = EID, a6 = FID, a0-a5 arguments in the vCPU context. Calls into
 * other modules land in the recording fakes (tests/unit/fakes/).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <arch/sbi.h>
#include <core/cpu.h>
#include <core/platform.h>
#include <core/vcpu.h>
#include <core/vm.h>
#include <lib/util.h>

#define NVCPU 4
#define RAM_GPA 0x80000000UL
#define RAM_SIZE 0x10000UL
#define RAM2_GPA 0x90000000UL
#define RAM2_SIZE 0x1000UL
#define SEPC 0x80000400UL

/* vCPU i runs on physical hart phys_hart[i]: not the identity on purpose. */
static const unsigned phys_hart[NVCPU] = {5, 2, 7, 0};

static struct vm vm;
static struct vcpu vcpus[NVCPU];
static uint8_t ram[RAM_SIZE];   /* guest RAM at RAM_GPA */
static uint8_t ram2[RAM2_SIZE]; /* guest RAM at RAM2_GPA */
static uint64_t saved_x[32];

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(&vm, 0, sizeof(vm));
    memset(vcpus, 0, sizeof(vcpus));
    memset(ram, 0, sizeof(ram));
    memset(ram2, 0, sizeof(ram2));
    vm.id = 1;
    vm.vcpu_num = NVCPU;
    vm.vcpus = vcpus;
    vm.mem_num = 2;
    vm.mem[0] = (struct vm_mem){
        .gpa = RAM_GPA, .size = RAM_SIZE, .pages = {.base = (uintptr_t)ram}};
    vm.mem[1] = (struct vm_mem){
        .gpa = RAM2_GPA, .size = RAM2_SIZE, .pages = {.base = (uintptr_t)ram2}};
    vm.state = VM_RUNNING;
    for (unsigned i = 0; i < NVCPU; i++) {
        vcpus[i].vm = &vm;
        vcpus[i].id = i;
        vcpus[i].hart = phys_hart[i];
        vcpus[i].state = i == 0 ? VCPU_STARTED : VCPU_STOPPED;
        cpus[phys_hart[i]].vcpu = &vcpus[i];
    }
    return 0;
}

/* ---- Making calls --------------------------------------------------------*/

struct result {
    long a0, a1;
};

/* Registers as the guest leaves them on `ecall` from vCPU v. */
static struct vcpu *load(unsigned v, unsigned long eid, unsigned long fid,
                         const unsigned long args[6])
{
    struct vcpu *vcpu = &vcpus[v];
    uint64_t *x = vcpu->arch.ctx.x;

    for (unsigned i = 0; i < 32; i++)
        x[i] = 0x5a5a000000000000UL | i;
    for (unsigned i = 0; i < 6; i++)
        x[REG_A0 + i] = args[i];
    x[REG_A6] = fid;
    x[REG_A7] = eid;
    vcpu->arch.ctx.sepc = SEPC;
    fake.current_hart = vcpu->hart;
    memcpy(saved_x, x, sizeof(saved_x));
    return vcpu;
}

/* Only a0 and a1 may change. */
static void assert_other_regs_kept(const struct vcpu *vcpu)
{
    for (unsigned i = 0; i < 32; i++) {
        if (i != REG_A0 && i != REG_A1)
            assert_int_equal(vcpu->arch.ctx.x[i], saved_x[i]);
    }
}

/* An ecall that returns to the guest after the ecall instruction. */
static struct result ecall_(unsigned v, unsigned long eid, unsigned long fid,
                            const unsigned long args[6])
{
    struct vcpu *vcpu = load(v, eid, fid, args);
    struct result r;

    sbi_handle_ecall(vcpu);
    assert_int_equal(vcpu->arch.ctx.sepc, SEPC + 4);
    assert_other_regs_kept(vcpu);
    r.a0 = (long)vcpu->arch.ctx.x[REG_A0];
    r.a1 = (long)vcpu->arch.ctx.x[REG_A1];
    return r;
}

#define ECALL(v, eid, fid, ...)                                                \
    ecall_(v, eid, fid, (const unsigned long[6]){__VA_ARGS__})

/* An ecall after which the vCPU no longer runs: its hart is to idle. */
#define ECALL_LEAVES(v, eid, fid, ...)                                         \
    do {                                                                       \
        struct vcpu *vcpu_ =                                                   \
            load(v, eid, fid, (const unsigned long[6]){__VA_ARGS__});          \
        assert_int_equal(sbi_handle_ecall(vcpu_), VCPU_IDLE);                  \
        assert_int_equal(vcpu_->arch.ctx.sepc, SEPC);                          \
    } while (0)

static void assert_sbi(struct result r, long error, long value)
{
    assert_int_equal(r.a0, error);
    assert_int_equal(r.a1, value);
}

static void assert_nothing_sent(void)
{
    assert_int_equal(fake.events_n, 0);
    assert_int_equal(fake.raise_soft_n, 0);
    assert_int_equal(fake.fence_remote_n, 0);
    assert_int_equal(fake.fence_local_n, 0);
}

/* ---- Dispatch and BASE ---------------------------------------------------*/

static void test_unknown_extension(void **state)
{
    static const unsigned long eids[] = {
        0x12345678,
        0x0A000000, /* experimental space */
        0x504D55,   /* PMU: not offered */
        0x53555350, /* SUSP: not offered */
        SBI_EXT_LEGACY_SET_TIMER,
        0x08, /* legacy shutdown */
        ~0UL,
    };

    (void)state;
    for (unsigned i = 0; i < ARRAY_SIZE(eids); i++)
        assert_sbi(ECALL(0, eids[i], 0, 1, 2, 3), SBI_ERR_NOT_SUPPORTED, 0);
    assert_nothing_sent();
    assert_int_equal(fake.out_n, 0);
}

static void test_base_versions_and_ids(void **state)
{
    (void)state;
    machine.mvendorid = 0x489;
    machine.marchid = 0x8000000000000007UL;
    machine.mimpid = 0x20181004;

    struct result r = ECALL(2, SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0);
    assert_sbi(r, SBI_SUCCESS, 0x02000000);
    /* Major 2 in bits 30:24, minor 0 in 23:0, bit 31 clear. */
    assert_int_equal((r.a1 >> 24) & 0x7f, 2);
    assert_int_equal(r.a1 & 0xffffff, 0);

    assert_sbi(ECALL(0, SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, 0), SBI_SUCCESS,
               SBI_IMPL_ID_BAOBAB);
    /* Not one of the ids the SBI spec has registered (0-10). */
    assert_true(SBI_IMPL_ID_BAOBAB > 10);
    assert_sbi(ECALL(0, SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION, 0),
               SBI_SUCCESS, SBI_IMPL_VERSION_BAOBAB);
    assert_sbi(ECALL(1, SBI_EXT_BASE, SBI_BASE_GET_MVENDORID, 0), SBI_SUCCESS,
               0x489);
    assert_sbi(ECALL(1, SBI_EXT_BASE, SBI_BASE_GET_MARCHID, 0), SBI_SUCCESS,
               (long)0x8000000000000007UL);
    assert_sbi(ECALL(1, SBI_EXT_BASE, SBI_BASE_GET_MIMPID, 0), SBI_SUCCESS,
               0x20181004);
    assert_sbi(ECALL(0, SBI_EXT_BASE, 7, 0), SBI_ERR_NOT_SUPPORTED, 0);
}

static void test_base_probe(void **state)
{
    static const unsigned long offered[] = {
        SBI_EXT_BASE,
        SBI_EXT_TIME,
        SBI_EXT_IPI,
        SBI_EXT_RFENCE,
        SBI_EXT_HSM,
        SBI_EXT_SRST,
        SBI_EXT_DBCN,
        SBI_EXT_LEGACY_PUTCHAR,
        SBI_EXT_LEGACY_GETCHAR,
    };
    static const unsigned long absent[] = {
        0x504D55,
        0x53555350,
        0x43505043 /* CPPC */,
        0x12345678,
        SBI_EXT_LEGACY_SET_TIMER,
        0x08,
    };

    (void)state;
    for (unsigned i = 0; i < ARRAY_SIZE(offered); i++)
        assert_sbi(ECALL(0, SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, offered[i]),
                   SBI_SUCCESS, 1);
    for (unsigned i = 0; i < ARRAY_SIZE(absent); i++) {
        assert_sbi(ECALL(0, SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, absent[i]),
                   SBI_SUCCESS, 0);
        /* What probe calls absent really is absent. */
        assert_sbi(ECALL(0, absent[i], 0, 0), SBI_ERR_NOT_SUPPORTED, 0);
    }
}

/* ---- TIME ----------------------------------------------------------------*/

static void test_time_set_timer(void **state)
{
    (void)state;
    assert_sbi(ECALL(3, SBI_EXT_TIME, SBI_TIME_SET_TIMER, 0x123456789abcUL),
               SBI_SUCCESS, 0);
    assert_int_equal(fake.timer_n, 1);
    assert_ptr_equal(fake.timer_vcpu, &vcpus[3]);
    assert_int_equal(fake.timer_deadline, 0x123456789abcUL);
    /* "Clear the timer" is a deadline in the far future: passed as is. */
    assert_sbi(ECALL(0, SBI_EXT_TIME, SBI_TIME_SET_TIMER, ~0UL), SBI_SUCCESS,
               0);
    assert_int_equal(fake.timer_n, 2);
    assert_ptr_equal(fake.timer_vcpu, &vcpus[0]);
    assert_int_equal(fake.timer_deadline, ~0UL);

    assert_sbi(ECALL(0, SBI_EXT_TIME, 1, 5), SBI_ERR_NOT_SUPPORTED, 0);
    assert_int_equal(fake.timer_n, 2);
}

/* ---- IPI -----------------------------------------------------------------*/

static void test_ipi_invalid_harts(void **state)
{
    (void)state;
    /* vhart 4 does not exist, alone or with valid ones. */
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x10, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x13, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x3, 3),
               SBI_ERR_INVALID_PARAM, 0);
    /* A base past the last hart, even a huge one. */
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x1, 4),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x1, 64),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x1, 1UL << 40),
               SBI_ERR_INVALID_PARAM, 0);
    /* Bits shifted out of the top of the mask are harts too. */
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x8000000000000001UL, 1),
               SBI_ERR_INVALID_PARAM, 0);
    assert_nothing_sent();
    assert_sbi(ECALL(0, SBI_EXT_IPI, 1, 0x1, 0), SBI_ERR_NOT_SUPPORTED, 0);
    assert_nothing_sent();
}

static void test_ipi_to_other_harts(void **state)
{
    (void)state;
    /* vCPU 0 to vharts 1 and 2: physical harts 2 and 7. */
    assert_sbi(ECALL(0, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x6, 0), SBI_SUCCESS, 0);
    assert_int_equal(fake.events_n, 2);
    assert_int_equal(fake.events[0].hart, 2);
    assert_int_equal(fake.events[0].event, CPU_EV_VS_SOFT);
    assert_int_equal(fake.events[1].hart, 7);
    assert_int_equal(fake.events[1].event, CPU_EV_VS_SOFT);
    assert_int_equal(fake.raise_soft_n, 0);

    /* With a base: mask 0x2 from base 2 is vhart 3, physical hart 0. */
    fake.events_n = 0;
    assert_sbi(ECALL(1, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x2, 2), SBI_SUCCESS, 0);
    assert_int_equal(fake.events_n, 1);
    assert_int_equal(fake.events[0].hart, 0);
    assert_int_equal(fake.raise_soft_n, 0);

    /* An empty mask sends nothing and is not an error. */
    fake.events_n = 0;
    assert_sbi(ECALL(1, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0, 0), SBI_SUCCESS, 0);
    assert_nothing_sent();
}

static void test_ipi_to_self(void **state)
{
    (void)state;
    /* vCPU 2 names itself and vhart 3: itself directly, 3 by event. */
    assert_sbi(ECALL(2, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x3, 2), SBI_SUCCESS, 0);
    assert_int_equal(fake.raise_soft_n, 1);
    assert_ptr_equal(fake.raise_soft[0], &vcpus[2]);
    assert_int_equal(fake.events_n, 1);
    assert_int_equal(fake.events[0].hart, phys_hart[3]);
    assert_int_equal(fake.events[0].event, CPU_EV_VS_SOFT);
}

static void test_ipi_broadcast(void **state)
{
    (void)state;
    /* base -1: every hart of the VM, whatever the mask says. */
    assert_sbi(ECALL(1, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0, -1UL), SBI_SUCCESS,
               0);
    assert_int_equal(fake.raise_soft_n, 1);
    assert_ptr_equal(fake.raise_soft[0], &vcpus[1]);
    assert_int_equal(fake.events_n, 3);
    unsigned harts = 0;
    for (unsigned i = 0; i < fake.events_n; i++) {
        assert_int_equal(fake.events[i].event, CPU_EV_VS_SOFT);
        harts |= 1U << fake.events[i].hart;
    }
    assert_int_equal(harts, (1U << 5) | (1U << 7) | (1U << 0));
}

static void test_hart_mask_helper(void **state)
{
    unsigned long m = 0x1234;

    (void)state;
    assert_int_equal(sbi_hart_mask_to_vcpus(&vcpus[0], 0x5, 0, &m),
                     SBI_SUCCESS);
    assert_int_equal(m, 0x5);
    assert_int_equal(sbi_hart_mask_to_vcpus(&vcpus[0], 0x1, 3, &m),
                     SBI_SUCCESS);
    assert_int_equal(m, 0x8);
    assert_int_equal(sbi_hart_mask_to_vcpus(&vcpus[0], 0xdead, -1UL, &m),
                     SBI_SUCCESS);
    assert_int_equal(m, 0xf);
    m = 0x1234;
    assert_int_equal(sbi_hart_mask_to_vcpus(&vcpus[0], 0x2, 3, &m),
                     SBI_ERR_INVALID_PARAM);
    assert_int_equal(m, 0x1234);
}

/* ---- RFENCE --------------------------------------------------------------*/

static void test_rfence_remote(void **state)
{
    static const unsigned long fids[] = {
        SBI_RFENCE_FENCE_I, SBI_RFENCE_SFENCE_VMA, SBI_RFENCE_SFENCE_VMA_ASID};

    (void)state;
    for (unsigned f = 0; f < 3; f++) {
        fake_reset();
        /* vCPU 1 asks vharts 0, 1 and 3: others fenced remotely, self here. */
        assert_sbi(ECALL(1, SBI_EXT_RFENCE, fids[f], 0xb, 0, 0x1000, 0x2000, 7),
                   SBI_SUCCESS, 0);
        assert_int_equal(fake.fence_local_n, 1);
        assert_int_equal(fake.fence_remote_n, 2);
        assert_int_equal(fake.fence_remote[0], phys_hart[0]);
        assert_int_equal(fake.fence_remote[1], phys_hart[3]);
        assert_int_equal(fake.events_n, 0);
    }

    /* Everyone, from vCPU 3: three remote fences, one local. */
    fake_reset();
    assert_sbi(
        ECALL(3, SBI_EXT_RFENCE, SBI_RFENCE_SFENCE_VMA, 0, -1UL, 0, ~0UL),
        SBI_SUCCESS, 0);
    assert_int_equal(fake.fence_local_n, 1);
    assert_int_equal(fake.fence_remote_n, 3);
    assert_int_equal(fake.fence_remote[0], phys_hart[0]);
    assert_int_equal(fake.fence_remote[1], phys_hart[1]);
    assert_int_equal(fake.fence_remote[2], phys_hart[2]);

    /* Only others. */
    fake_reset();
    assert_sbi(ECALL(0, SBI_EXT_RFENCE, SBI_RFENCE_FENCE_I, 0x4, 0),
               SBI_SUCCESS, 0);
    assert_int_equal(fake.fence_local_n, 0);
    assert_int_equal(fake.fence_remote_n, 1);
    assert_int_equal(fake.fence_remote[0], phys_hart[2]);
}

static void test_rfence_refusals(void **state)
{
    (void)state;
    assert_sbi(ECALL(0, SBI_EXT_RFENCE, SBI_RFENCE_FENCE_I, 0x21, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_RFENCE, SBI_RFENCE_SFENCE_VMA, 0x1, 9),
               SBI_ERR_INVALID_PARAM, 0);
    /* HFENCE.* (3-6) need the H extension the guest does not have. */
    for (unsigned long fid = SBI_RFENCE_HFENCE_GVMA_VMID;
         fid <= SBI_RFENCE_HFENCE_VVMA + 1; fid++)
        assert_sbi(ECALL(0, SBI_EXT_RFENCE, fid, 0x1, 0), SBI_ERR_NOT_SUPPORTED,
                   0);
    assert_nothing_sent();
}

/* ---- HSM -----------------------------------------------------------------*/

static void test_hsm_start_invalid_hart(void **state)
{
    (void)state;
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, NVCPU, RAM_GPA, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, -1UL, RAM_GPA, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_int_equal(fake.events_n, 0);
}

static void test_hsm_start_already_started(void **state)
{
    (void)state;
    /* vCPU 0 starts itself. */
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 0, RAM_GPA, 0),
               SBI_ERR_ALREADY_AVAILABLE, 0);
    vcpus[2].state = VCPU_SUSPENDED;
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 2, RAM_GPA, 0),
               SBI_ERR_ALREADY_AVAILABLE, 0);
    assert_int_equal(vcpus[2].state, VCPU_SUSPENDED);
    assert_int_equal(fake.events_n, 0);
}

static void test_hsm_start_bad_address(void **state)
{
    (void)state;
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 1, 0x70000000, 0),
               SBI_ERR_INVALID_ADDRESS, 0);
    /* Between the two RAM regions. */
    assert_sbi(
        ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 1, RAM_GPA + RAM_SIZE, 0),
        SBI_ERR_INVALID_ADDRESS, 0);
    /* The last byte of RAM cannot hold an instruction. */
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 1,
                     RAM2_GPA + RAM2_SIZE - 1, 0),
               SBI_ERR_INVALID_ADDRESS, 0);
    assert_int_equal(vcpus[1].state, VCPU_STOPPED);
    assert_int_equal(fake.events_n, 0);
}

static void test_hsm_start_ok(void **state)
{
    (void)state;
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 2, RAM_GPA + 0x1000,
                     0xabcdef),
               SBI_SUCCESS, 0);
    assert_int_equal(vcpus[2].state, VCPU_START_PENDING);
    assert_int_equal(vcpus[2].start_addr, RAM_GPA + 0x1000);
    assert_int_equal(vcpus[2].start_arg, 0xabcdef);
    /* The target's hart is kicked to pick it up. */
    assert_int_equal(fake.events_n, 1);
    assert_int_equal(fake.events[0].hart, phys_hart[2]);
    assert_int_equal(fake.events[0].event, CPU_EV_VCPU_KICK);
    /* Others are untouched. */
    assert_int_equal(vcpus[1].state, VCPU_STOPPED);
    assert_int_equal(vcpus[3].state, VCPU_STOPPED);

    /* Pending counts as started; the status says so. */
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 2, RAM_GPA, 0),
               SBI_ERR_ALREADY_AVAILABLE, 0);
    assert_int_equal(vcpus[2].start_addr, RAM_GPA + 0x1000);
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 2), SBI_SUCCESS,
               VCPU_START_PENDING);
    assert_int_equal(fake.events_n, 1);

    /* From another vCPU, into the second RAM region. */
    assert_sbi(ECALL(3, SBI_EXT_HSM, SBI_HSM_HART_START, 1, RAM2_GPA, 0x1),
               SBI_SUCCESS, 0);
    assert_int_equal(vcpus[1].start_addr, RAM2_GPA);
    assert_int_equal(fake.events[1].hart, phys_hart[1]);
}

static void test_hsm_start_vm_going_down(void **state)
{
    (void)state;
    vm.state = VM_SHUTDOWN;
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 1, RAM_GPA, 0),
               SBI_ERR_FAILED, 0);
    assert_int_equal(vcpus[1].state, VCPU_STOPPED);
    assert_int_equal(fake.events_n, 0);
}

static void test_hsm_get_status(void **state)
{
    static const int states[] = {VCPU_STARTED, VCPU_STOPPED, VCPU_START_PENDING,
                                 VCPU_STOP_PENDING, VCPU_SUSPENDED};

    (void)state;
    /* The values are the SBI spec's (table 9.1). */
    assert_int_equal(VCPU_STARTED, 0);
    assert_int_equal(VCPU_STOPPED, 1);
    assert_int_equal(VCPU_START_PENDING, 2);
    assert_int_equal(VCPU_STOP_PENDING, 3);
    assert_int_equal(VCPU_SUSPENDED, 4);
    for (unsigned i = 0; i < 5; i++) {
        vcpus[3].state = states[i];
        assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 3),
                   SBI_SUCCESS, states[i]);
    }
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, NVCPU),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_HSM, 4, 0), SBI_ERR_NOT_SUPPORTED, 0);
}

static void test_hsm_stop(void **state)
{
    (void)state;
    vcpus[1].state = VCPU_STARTED;
    ECALL_LEAVES(1, SBI_EXT_HSM, SBI_HSM_HART_STOP, 0);
    assert_int_equal(vcpus[1].state, VCPU_STOPPED);
    assert_int_equal(fake.clear_irqs_n, 1);
    assert_ptr_equal(fake.clear_irqs_vcpu, &vcpus[1]);
    /* Its hart idles (ECALL_LEAVES), waiting for a new start. */
    assert_int_equal(vcpus[0].state, VCPU_STARTED);
    /* ...and it can be started again. */
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_START, 1, RAM_GPA, 0),
               SBI_SUCCESS, 0);
    assert_int_equal(vcpus[1].state, VCPU_START_PENDING);
}

static void test_hsm_suspend_bad_args(void **state)
{
    /*
     * Reserved types, and platform-specific ones (none is implemented): both
     * are SBI_ERR_INVALID_PARAM in SBI v2.0's table of suspend errors.
     */
    static const unsigned long refused[] = {
        0x1,        0x0fffffff, 0x80000001, 0x8fffffff,   0x10000000,
        0x7fffffff, 0x90000000, 0xffffffff, 0x100000001UL};

    (void)state;
    for (unsigned i = 0; i < ARRAY_SIZE(refused); i++)
        assert_sbi(
            ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, refused[i], RAM_GPA, 0),
            SBI_ERR_INVALID_PARAM, 0);
    /* A non-retentive suspend needs a resume address in RAM. */
    assert_sbi(ECALL(0, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND,
                     SBI_HSM_SUSPEND_NON_RETENTIVE, 0x1000, 0),
               SBI_ERR_INVALID_ADDRESS, 0);
    assert_int_equal(vcpus[0].state, VCPU_STARTED);
    assert_int_equal(fake.pending_irq_polls, 0);
    assert_int_equal(fake.reset_n, 0);
}

static void test_hsm_suspend_retentive(void **state)
{
    (void)state;
    fake.pending_irq_after = 3; /* an interrupt turns up on the third look */
    assert_sbi(ECALL(2, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND,
                     SBI_HSM_SUSPEND_RETENTIVE, 0, 0),
               SBI_SUCCESS, 0);
    assert_int_equal(fake.pending_irq_polls, 3);
    assert_int_equal(fake.wfi_n, 2);
    assert_true(fake.handle_events_n >= 3); /* events served while waiting */
    assert_true(fake.poll_n >= 3); /* and device interrupts looked at */
    assert_int_equal(vcpus[2].state, VCPU_STARTED);
    assert_int_equal(fake.reset_n, 0);
}

/* A VM that goes down while one of its vCPUs is suspended stops it: the
 * suspend ends there, with no result written and no resume. */
static void test_hsm_suspend_ends_when_stopped(void **state)
{
    (void)state;
    fake.pending_irq_after = 1000; /* no interrupt comes */
    fake.stop_on_events = 2;
    ECALL_LEAVES(2, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND,
                 SBI_HSM_SUSPEND_NON_RETENTIVE, RAM_GPA, 0);
    assert_int_equal(fake.handle_events_n, 2);
    assert_int_equal(vcpus[2].state, VCPU_STOPPED);
    assert_int_equal(fake.resume_n, 0);
}

/* suspend_type is 32 bits wide: upper bits are ignored (SBI spec 3). */
static void test_hsm_suspend_type_upper_bits_ignored(void **state)
{
    (void)state;
    fake.pending_irq_after = 1;
    assert_sbi(ECALL(2, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND,
                     0xffffffff00000000UL | SBI_HSM_SUSPEND_RETENTIVE, 0, 0),
               SBI_SUCCESS, 0);
    assert_int_equal(fake.pending_irq_polls, 1);
    assert_int_equal(fake.reset_n, 0);
}

static void test_hsm_suspend_non_retentive(void **state)
{
    struct vcpu *v;

    (void)state;
    fake.pending_irq_after = 1;
    v = load(3, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND,
             (const unsigned long[6]){SBI_HSM_SUSPEND_NON_RETENTIVE,
                                      RAM_GPA + 0x2000, 0x55});
    assert_int_equal(sbi_handle_ecall(v), VCPU_RESUME);
    /* Resumes at the address with a0 = hartid, a1 = opaque... */
    assert_int_equal(fake.resume_n, 1);
    assert_ptr_equal(fake.resume.vcpu, v);
    assert_int_equal(fake.resume.entry, RAM_GPA + 0x2000);
    assert_int_equal(fake.resume.a0, 3);
    assert_int_equal(fake.resume.a1, 0x55);
    /* ...with the interrupt that woke it still pending (not a reset). */
    assert_int_equal(fake.reset_n, 0);
    assert_int_equal(fake.clear_irqs_n, 0);
    /* The dispatcher wrote no result over what reset set up. */
    assert_int_equal(v->arch.ctx.sepc, SEPC);
    assert_memory_equal(v->arch.ctx.x, saved_x, sizeof(saved_x));
    assert_int_equal(v->state, VCPU_STARTED);
}

/* ---- SRST ----------------------------------------------------------------*/

static void test_srst_refusals(void **state)
{
    (void)state;
    /* Reserved types and reasons. */
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, 3, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, 0xefffffff, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, 0x100000003UL, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
                     SBI_SRST_TYPE_SHUTDOWN, 2),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
                     SBI_SRST_TYPE_COLD_REBOOT, 0xdfffffff),
               SBI_ERR_INVALID_PARAM, 0);
    /*
     * Vendor-specific types, and SBI- or vendor-specific reasons: none is
     * implemented, so SBI v2.0's table of reset errors says INVALID_PARAM.
     */
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, 0xf0000000, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, 0xffffffff, 0),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
                     SBI_SRST_TYPE_WARM_REBOOT, 0xe0000000),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
                     SBI_SRST_TYPE_COLD_REBOOT, 0xffffffff),
               SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_SRST, 1, 0, 0), SBI_ERR_NOT_SUPPORTED, 0);
    assert_int_equal(fake.shutdown_n, 0);
    assert_int_equal(fake.restart_n, 0);
}

static void test_srst_shutdown(void **state)
{
    (void)state;
    ECALL_LEAVES(2, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_TYPE_SHUTDOWN,
                 SBI_SRST_REASON_NONE);
    assert_int_equal(fake.shutdown_n, 1);
    assert_int_equal(fake.restart_n, 0);
    assert_ptr_equal(fake.shutdown.vm, &vm);
    assert_ptr_equal(fake.shutdown.self, &vcpus[2]);
    assert_non_null(fake.shutdown.why);

    /* A failure reported by the guest says so. */
    ECALL_LEAVES(0, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_TYPE_SHUTDOWN,
                 SBI_SRST_REASON_SYSTEM_FAILURE);
    assert_int_equal(fake.shutdown_n, 2);
    assert_ptr_equal(fake.shutdown.self, &vcpus[0]);
    assert_non_null(strstr(fake.shutdown.why, "fail"));
}

static void test_srst_reboot(void **state)
{
    (void)state;
    ECALL_LEAVES(1, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
                 SBI_SRST_TYPE_COLD_REBOOT, SBI_SRST_REASON_NONE);
    assert_int_equal(fake.restart_n, 1);
    assert_ptr_equal(fake.restart.vm, &vm);
    assert_ptr_equal(fake.restart.self, &vcpus[1]);
    /* Warm reboot; type and reason are 32 bits, upper bits ignored. */
    ECALL_LEAVES(3, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
                 SBI_SRST_TYPE_WARM_REBOOT, SBI_SRST_REASON_SYSTEM_FAILURE);
    ECALL_LEAVES(3, SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET,
                 0xabcd00000000UL | SBI_SRST_TYPE_WARM_REBOOT,
                 0x100000000UL | SBI_SRST_REASON_NONE);
    assert_int_equal(fake.restart_n, 3);
    assert_ptr_equal(fake.restart.self, &vcpus[3]);
    assert_int_equal(fake.shutdown_n, 0);
}

/* ---- DBCN ----------------------------------------------------------------*/

static void test_dbcn_write_bad_buffer(void **state)
{
    (void)state;
    memcpy(ram, "secret", 6);
    /* Not RAM of this VM. */
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_WRITE, 6, 0x70000000, 0),
               SBI_ERR_INVALID_PARAM, 0);
    /* Starts in RAM, runs off its end. */
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_WRITE, 0x20,
                     RAM_GPA + RAM_SIZE - 0x10, 0),
               SBI_ERR_INVALID_PARAM, 0);
    /* A length that wraps the address space. */
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_WRITE, ~0UL, RAM_GPA, 0),
               SBI_ERR_INVALID_PARAM, 0);
    /* RV64 has no use for the upper address half. */
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_WRITE, 6, RAM_GPA, 1),
               SBI_ERR_INVALID_PARAM, 0);
    assert_int_equal(fake.out_n, 0);
    assert_int_equal(fake.guest_read_n, 0);
}

static void test_dbcn_write(void **state)
{
    static const char msg[] = "hello, world\n";
    char big[200];

    (void)state;
    memcpy(ram + 0x100, msg, sizeof(msg) - 1);
    assert_sbi(ECALL(1, SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof(msg) - 1,
                     RAM_GPA + 0x100, 0),
               SBI_SUCCESS, sizeof(msg) - 1);
    assert_string_equal(fake.out, msg);
    assert_ptr_equal(fake.out_vm, &vm);

    /* Longer than the copy chunk, from the end of the second region. */
    for (unsigned i = 0; i < sizeof(big); i++)
        big[i] = (char)('A' + i % 26);
    memcpy(ram2 + RAM2_SIZE - sizeof(big), big, sizeof(big));
    fake.out_n = 0;
    assert_sbi(ECALL(1, SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof(big),
                     RAM2_GPA + RAM2_SIZE - sizeof(big), 0),
               SBI_SUCCESS, sizeof(big));
    assert_int_equal(fake.out_n, sizeof(big));
    assert_memory_equal(fake.out, big, sizeof(big));

    /* A full console buffer takes part of it: the count says how much
     * (the guest writes the rest later), and nothing more is read. */
    fake.out_n = 0;
    fake.write_limited = true;
    fake.write_room = 150;
    assert_sbi(ECALL(1, SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof(big),
                     RAM2_GPA + RAM2_SIZE - sizeof(big), 0),
               SBI_SUCCESS, 150);
    assert_int_equal(fake.out_n, 150);
    assert_sbi(ECALL(1, SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof(big),
                     RAM2_GPA + RAM2_SIZE - sizeof(big), 0),
               SBI_SUCCESS, 0);
    fake.write_limited = false;

    /* Zero bytes: nothing read, nothing written, even at address 0. */
    fake.out_n = 0;
    fake.guest_read_n = 0;
    assert_sbi(ECALL(1, SBI_EXT_DBCN, SBI_DBCN_WRITE, 0, 0, 0), SBI_SUCCESS, 0);
    assert_int_equal(fake.out_n, 0);
    assert_int_equal(fake.guest_read_n, 0);
}

static void test_dbcn_read(void **state)
{
    (void)state;
    memset(ram + 0x200, '.', 8);
    fake.in = "abc";
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_READ, 5, RAM_GPA + 0x200, 0),
               SBI_SUCCESS, 3);
    assert_memory_equal(ram + 0x200, "abc.....", 8);
    /* Nothing waiting: 0 bytes, not an error. */
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_READ, 5, RAM_GPA + 0x200, 0),
               SBI_SUCCESS, 0);
    /* No more than asked for. */
    fake.in = "xyz";
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_READ, 2, RAM_GPA + 0x200, 0),
               SBI_SUCCESS, 2);
    assert_memory_equal(ram + 0x200, "xyc.....", 8);
    /* Buffers outside RAM or with base_hi are refused, nothing consumed. */
    unsigned getc_n = fake.getc_n;
    assert_sbi(
        ECALL(0, SBI_EXT_DBCN, SBI_DBCN_READ, 4, RAM2_GPA + RAM2_SIZE, 0),
        SBI_ERR_INVALID_PARAM, 0);
    assert_sbi(ECALL(0, SBI_EXT_DBCN, SBI_DBCN_READ, 4, RAM_GPA, 1),
               SBI_ERR_INVALID_PARAM, 0);
    assert_int_equal(fake.getc_n, getc_n);
    assert_string_equal(fake.in, "z");
}

static void test_dbcn_write_byte(void **state)
{
    (void)state;
    assert_sbi(ECALL(2, SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, 'Z'), SBI_SUCCESS,
               0);
    /* Only the low byte counts. */
    assert_sbi(ECALL(2, SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, 0x1234500 | '!'),
               SBI_SUCCESS, 0);
    assert_string_equal(fake.out, "Z!");
    assert_sbi(ECALL(2, SBI_EXT_DBCN, 3, 'Q'), SBI_ERR_NOT_SUPPORTED, 0);
    assert_string_equal(fake.out, "Z!");
}

/* ---- Legacy console ------------------------------------------------------*/

static void test_legacy_console(void **state)
{
    struct result r;

    (void)state;
    /* putchar: 0 in a0, a1 left as the guest had it. */
    r = ECALL(1, SBI_EXT_LEGACY_PUTCHAR, 0, 'x', 0x1111);
    assert_int_equal(r.a0, 0);
    assert_int_equal(r.a1, 0x1111);
    assert_string_equal(fake.out, "x");

    /* getchar: the character in a0, -1 without input; a1 untouched. */
    fake.in = "q";
    r = ECALL(1, SBI_EXT_LEGACY_GETCHAR, 0, 0, 0x2222);
    assert_int_equal(r.a0, 'q');
    assert_int_equal(r.a1, 0x2222);
    r = ECALL(1, SBI_EXT_LEGACY_GETCHAR, 0, 0, 0x3333);
    assert_int_equal(r.a0, -1);
    assert_int_equal(r.a1, 0x3333);
    /* A byte >= 0x80 is not mistaken for "no input". */
    fake.in = "\xe9";
    r = ECALL(1, SBI_EXT_LEGACY_GETCHAR, 0, 0, 0);
    assert_int_equal(r.a0, 0xe9);
}

/* Bao's return convention: a0 = 0 always, the hypercall's result in a1. */
static void test_null_hypercall(void **state)
{
    (void)state;
    assert_sbi(ECALL(0, SBI_EXT_BAO_HYPERCALL, 0x100, 0, 0, 0), SBI_SUCCESS, 0);
    /* Id 0 is Bao's invalid id, as are ids not offered: HC_E_INVALID_ID. */
    assert_sbi(ECALL(0, SBI_EXT_BAO_HYPERCALL, 0, 0, 0, 0), SBI_SUCCESS, -2);
    assert_sbi(ECALL(0, SBI_EXT_BAO_HYPERCALL, 99, 0, 0, 0), SBI_SUCCESS, -2);
}

/* IPC notify (id 1): a0 = ipcs[] index, a1 = event; ipc.c does the rest. */
static void test_ipc_notify_hypercall(void **state)
{
    static irqid_t irqs[] = {52};
    static struct ipc ipcs[] = {
        {.base = 0xf0000000,
         .size = 0x1000,
         .interrupt_num = 1,
         .interrupts = irqs},
    };
    static struct vm_config cfg = {.platform = {.ipc_num = 1, .ipcs = ipcs}};

    (void)state;
    vm.cfg = &cfg;
    vms[0] = (struct vm){.id = 0, .cfg = &cfg, .state = VM_RUNNING};
    vm_count = 1;
    assert_sbi(ECALL(0, SBI_EXT_BAO_HYPERCALL, 1, 0, 0, 0), SBI_SUCCESS, 0);
    assert_int_equal(fake.trigger_n, 1);
    assert_ptr_equal(fake.trigger[0].vm, &vms[0]);
    assert_int_equal(fake.trigger[0].id, 52);
    /* Bad index, bad event: a0 = 0, a1 = -HC_E_INVALID_ARGS, as Bao
     * answers; nothing raised. */
    assert_sbi(ECALL(0, SBI_EXT_BAO_HYPERCALL, 1, 1, 0, 0), SBI_SUCCESS, -3);
    assert_sbi(ECALL(0, SBI_EXT_BAO_HYPERCALL, 1, 0, 1, 0), SBI_SUCCESS, -3);
    assert_int_equal(fake.trigger_n, 1);
    vm_count = 0;
}

int main(void)
{
#define T(name) cmocka_unit_test_setup(name, setup)
    const struct CMUnitTest tests[] = {
        T(test_unknown_extension),
        T(test_base_versions_and_ids),
        T(test_base_probe),
        T(test_time_set_timer),
        T(test_ipi_invalid_harts),
        T(test_ipi_to_other_harts),
        T(test_ipi_to_self),
        T(test_ipi_broadcast),
        T(test_hart_mask_helper),
        T(test_rfence_remote),
        T(test_rfence_refusals),
        T(test_hsm_start_invalid_hart),
        T(test_hsm_start_already_started),
        T(test_hsm_start_bad_address),
        T(test_hsm_start_ok),
        T(test_hsm_start_vm_going_down),
        T(test_hsm_get_status),
        T(test_hsm_stop),
        T(test_null_hypercall),
        T(test_ipc_notify_hypercall),
        T(test_hsm_suspend_bad_args),
        T(test_hsm_suspend_retentive),
        T(test_hsm_suspend_ends_when_stopped),
        T(test_hsm_suspend_type_upper_bits_ignored),
        T(test_hsm_suspend_non_retentive),
        T(test_srst_refusals),
        T(test_srst_shutdown),
        T(test_srst_reboot),
        T(test_dbcn_write_bad_buffer),
        T(test_dbcn_write),
        T(test_dbcn_read),
        T(test_dbcn_write_byte),
        T(test_legacy_console),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
