/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The guest-fault path of arch (src/arch/riscv/guest_fault.c and
 * mmio_emul.c), its CSRs an array: a load or store in an emulated window
 * is performed and stepped over; anything else goes to core's fault policy
 * and, when the guest is to take it, becomes the access fault a native
 * hart would raise, at the guest's trap vector.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"
#include <arch/csr.h>
#include <arch/guest_fault.h>
#include <core/platform.h>
#include <core/vm.h>

#define WINDOW 0x10000000UL
#define PC 0x80001000UL
#define VECTOR 0x80000200UL
/* sw a1, 4(a0): 32-bit store of x11 (unprivileged spec, S-type). */
#define SW_A1_4_A0 0x00b52223U
/* c.lw a2, 0(a0): 16-bit load into x12 (unprivileged spec, CL format). */
#define C_LW_A2_0_A0 0x4110U
/* htinst's pseudoinstruction for a fault in the guest's page-table walk. */
#define HTINST_WALK_READ 0x00002000UL

static struct vm_config cfg;
static struct vcpu vcpu;
static struct {
    unsigned n;
    uint64_t offset, value;
    unsigned width;
    bool write;
} access_log;
static int access_answer;
static uint64_t load_value;
/* What guest_fetch_halfword reads at PC; -1: the read faults. */
static uint32_t guest_insn;
static long fetch_result;

long guest_fetch_halfword(uint64_t va, uint16_t *out);
long guest_fetch_halfword(uint64_t va, uint16_t *out)
{
    if (fetch_result)
        return fetch_result;
    *out = (uint16_t)(guest_insn >> (va == PC ? 0 : 16));
    return 0;
}

static int window_access(struct vcpu *v, uint64_t offset, unsigned width,
                         bool write, uint64_t *value)
{
    (void)v;
    access_log.n++;
    access_log.offset = offset;
    access_log.width = width;
    access_log.write = write;
    if (write)
        access_log.value = *value;
    else
        *value = load_value;
    return access_answer;
}

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(fake_csrs, 0, sizeof(fake_csrs));
    memset(vms, 0, sizeof(vms));
    memset(&cfg, 0, sizeof(cfg));
    memset(&access_log, 0, sizeof(access_log));
    vms[0].cfg = &cfg;
    vms[0].vcpus = &vcpu;
    vms[0].vcpu_num = 1;
    vcpu = (struct vcpu){.vm = &vms[0]};
    vcpu.arch.ctx.sepc = PC;
    vcpu.arch.ctx.x[REG_A1] = 0x1122334455667788UL;
    machine.timebase_hz = 10000000;
    assert_int_equal(vm_add_emul(&vms[0], WINDOW, 0x1000, window_access), 0);
    access_answer = 0;
    load_value = 0;
    guest_insn = 0;
    fetch_result = 0;
    fake_csrs[CSR_VSTVEC] = VECTOR | 1; /* vectored: exceptions at base */
    return 0;
}

static struct vcpu_trap page_fault(unsigned long cause, uint64_t gpa,
                                   uint64_t htinst)
{
    /* The guest runs with paging off here: stval = gpa. */
    return (struct vcpu_trap){
        .cause = cause, .tval = gpa, .htval = gpa >> 2, .htinst = htinst};
}

static void assert_access_fault(unsigned long cause, uint64_t tval)
{
    assert_int_equal(fake_csrs[CSR_VSCAUSE], cause);
    assert_int_equal(fake_csrs[CSR_VSTVAL], tval);
    assert_int_equal(fake_csrs[CSR_VSEPC], PC);
    assert_int_equal(vcpu.arch.ctx.sepc, VECTOR);
}

static void a_store_with_htinst_is_performed(void **state)
{
    struct vcpu_trap t =
        page_fault(CAUSE_STORE_GUEST_PAGE_FAULT, WINDOW + 4, SW_A1_4_A0);

    (void)state;
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_RESUME);
    assert_int_equal(access_log.n, 1);
    assert_true(access_log.write);
    assert_int_equal(access_log.offset, 4);
    assert_int_equal(access_log.width, 4);
    assert_int_equal(access_log.value, 0x1122334455667788UL);
    assert_int_equal(vcpu.arch.ctx.sepc, PC + 4);
    assert_int_equal(fake.printk_n, 0);
}

static void a_load_without_htinst_is_fetched_and_sign_extended(void **state)
{
    struct vcpu_trap t = page_fault(CAUSE_LOAD_GUEST_PAGE_FAULT, WINDOW, 0);

    (void)state;
    guest_insn = C_LW_A2_0_A0;
    load_value = 0x80000001;
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_RESUME);
    assert_false(access_log.write);
    assert_int_equal(vcpu.arch.ctx.x[REG_A2], 0xffffffff80000001UL);
    assert_int_equal(vcpu.arch.ctx.sepc, PC + 2);
}

static void outside_the_vm_the_guest_takes_an_access_fault(void **state)
{
    struct vcpu_trap t =
        page_fault(CAUSE_LOAD_GUEST_PAGE_FAULT, 0x40000000, SW_A1_4_A0);

    (void)state;
    fake_csrs[CSR_SSTATUS] = SSTATUS_SPP; /* it was in VS-mode */
    fake_csrs[CSR_VSSTATUS] = SSTATUS_SIE;
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_RESUME);
    assert_int_equal(access_log.n, 0);
    assert_access_fault(CAUSE_LOAD_ACCESS, 0x40000000);
    /* As a trap into S-mode: SIE into SPIE, SPP set, SIE off. */
    assert_int_equal(fake_csrs[CSR_VSSTATUS], SSTATUS_SPIE | SSTATUS_SPP);
    assert_non_null(strstr(fake.printk_last,
                           "VM 0 vCPU 0: load at 0x40000000 outside its "
                           "memory (pc 0x80001000)"));
}

static void a_fetch_with_no_trap_vector_stops_the_vm(void **state)
{
    struct vcpu_trap t = page_fault(CAUSE_FETCH_GUEST_PAGE_FAULT, 0x0, 0);

    (void)state;
    fake_csrs[CSR_VSTVEC] = 0;
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_IDLE);
    assert_int_equal(fake.shutdown_n, 1);
    assert_int_equal(fake_csrs[CSR_VSCAUSE], 0); /* nothing injected */
}

static void the_walk_touching_a_window_is_not_emulated(void **state)
{
    struct vcpu_trap t =
        page_fault(CAUSE_LOAD_GUEST_PAGE_FAULT, WINDOW, HTINST_WALK_READ);

    (void)state;
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_RESUME);
    assert_int_equal(access_log.n, 0);
    assert_access_fault(CAUSE_LOAD_ACCESS, WINDOW);
    assert_non_null(strstr(fake.printk_last, "by its page-table walk"));
}

static void a_refused_or_unreadable_access_faults(void **state)
{
    struct vcpu_trap t =
        page_fault(CAUSE_STORE_GUEST_PAGE_FAULT, WINDOW + 4, SW_A1_4_A0);

    (void)state;
    access_answer = -1;
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_RESUME);
    assert_access_fault(CAUSE_STORE_ACCESS, WINDOW + 4);
    assert_non_null(strstr(fake.printk_last, "refused (width or offset)"));

    setup(state);
    t = page_fault(CAUSE_LOAD_GUEST_PAGE_FAULT, WINDOW, 0);
    fetch_result = -1; /* the guest changed its mapping meanwhile */
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_RESUME);
    assert_int_equal(access_log.n, 0);
    assert_non_null(strstr(fake.printk_last, "an instruction it cannot read"));
}

static void policy_restart_restarts_instead(void **state)
{
    struct vcpu_trap t =
        page_fault(CAUSE_STORE_GUEST_PAGE_FAULT, 0x40000000, SW_A1_4_A0);

    (void)state;
    cfg.fault_policy = VM_FAULT_RESTART;
    assert_int_equal(guest_fault_page(&vcpu, &t), VCPU_IDLE);
    assert_int_equal(fake.restart_n, 1);
    assert_int_equal(fake_csrs[CSR_VSCAUSE], 0);
}

static void an_unexpected_exception_shuts_the_vm_down(void **state)
{
    struct vcpu_trap t = {.cause = CAUSE_SUPERVISOR_ECALL, .tval = 7};

    (void)state;
    assert_int_equal(guest_fault_unexpected(&vcpu, &t), VCPU_IDLE);
    assert_int_equal(fake.shutdown_n, 1);
    assert_non_null(strstr(fake.printk_last, "unexpected exception 9"));
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(a_store_with_htinst_is_performed),
        T(a_load_without_htinst_is_fetched_and_sign_extended),
        T(outside_the_vm_the_guest_takes_an_access_fault),
        T(a_fetch_with_no_trap_vector_stops_the_vm),
        T(the_walk_touching_a_window_is_not_emulated),
        T(a_refused_or_unreadable_access_faults),
        T(policy_restart_restarts_instead),
        T(an_unexpected_exception_shuts_the_vm_down),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
