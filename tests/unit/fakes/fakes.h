/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Recording fakes for the functions the guest SBI, vcpu.c and vm.c call in
 * other modules (cpu.c, arch hooks, console, guest timer, VM life cycle).
 * Every call is logged in `fake` so tests can assert on it; fake_reset()
 * clears the log.
 *
 * Functions that never return (cpu_idle, arch_system_off) record the call
 * and then longjmp() to the jmp_buf the test armed with EXPECT_NORETURN().
 */
#ifndef TESTS_UNIT_FAKES_H
#define TESTS_UNIT_FAKES_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

struct vcpu;
struct vm;
struct cpu;

#define FAKE_LOG_MAX 64
#define FAKE_OUT_MAX 1024

struct fake_event {
    unsigned hart;
    unsigned long event;
};

struct fake_reset_call {
    struct vcpu *vcpu;
    uint64_t entry, a0, a1;
};

struct fake_lifecycle_call {
    struct vm *vm;
    struct vcpu *self;
    const char *why;
};

struct fake_irq {
    struct vm *vm;
    unsigned id;
};

struct fake_map {
    struct vm *vm;
    uint64_t gpa, hpa, size;
    int writable, executable;
};

struct fake_log {
    /* cpu.c */
    unsigned current_hart; /* what cpu_self() answers */
    unsigned events_n;
    struct fake_event events[FAKE_LOG_MAX];
    unsigned fence_remote_n;
    unsigned fence_remote[FAKE_LOG_MAX];
    unsigned handle_events_n;
    /* cpu_handle_events stops the hart's vCPU on this call (an event from
     * a VM going down); 0: never. */
    unsigned stop_on_events;
    unsigned idle_n;
    struct cpu *idle_cpu;
    /* arch hooks */
    unsigned raise_soft_n;
    struct vcpu *raise_soft[FAKE_LOG_MAX];
    unsigned fence_local_n;
    unsigned clear_irqs_n;
    struct vcpu *clear_irqs_vcpu;
    unsigned wfi_n;
    unsigned pending_irq_polls;
    unsigned poll_n; /* arch_poll_interrupts: device interrupts looked at */
    unsigned pending_irq_after; /* has_pending_interrupt says 1 on this poll */
    unsigned reset_n;
    struct fake_reset_call reset;
    unsigned resume_n; /* arch_vcpu_resume_at: registers only */
    struct fake_reset_call resume;
    unsigned guest_read_n, guest_write_n;
    unsigned system_off_n;
    uint64_t now; /* what arch_timebase_now() answers */
    /* guest timer */
    unsigned timer_n;
    struct vcpu *timer_vcpu;
    uint64_t timer_deadline;
    /* console */
    unsigned putc_n, write_n; /* console_vm_putc, console_vm_write calls */
    unsigned out_n;           /* characters both of them received */
    char out[FAKE_OUT_MAX + 1];
    struct vm *out_vm;
    const char *in; /* what console_vm_getc hands out, then -1 */
    unsigned getc_n;
    /* VM life cycle */
    unsigned shutdown_n, restart_n;
    struct fake_lifecycle_call shutdown, restart;
    /* virtual interrupts and stage 2 (ipc.c) */
    unsigned trigger_n;
    struct fake_irq trigger[FAKE_LOG_MAX];
    unsigned add_virtual_n;
    struct fake_irq add_virtual[FAKE_LOG_MAX];
    /* interrupt ownership (irq.c) */
    unsigned route_n;
    struct fake_irq route[FAKE_LOG_MAX];
    unsigned enable_hyp_n, enable_hyp_id;
    unsigned map_n;
    struct fake_map map[FAKE_LOG_MAX];
    int map_fails; /* arch_vm_map returns this */
    /* arch_hyp_map_phys/unmap: host memory is "physical" (identity). */
    unsigned hyp_map_n, hyp_unmap_n;
    /* printk: how often, and the last message */
    unsigned printk_n;
    char printk_last[256];
};

extern struct fake_log fake;
/* Where noreturn fakes jump to; NULL makes them fail the test. */
extern jmp_buf *fake_jmp;

void fake_reset(void);

/*
 * Run `call`, which must end in a noreturn fake, and come back here. The
 * test fails if `call` returns normally.
 */
#define EXPECT_NORETURN(call)                                                  \
    do {                                                                       \
        jmp_buf fake_jb_;                                                      \
        fake_jmp = &fake_jb_;                                                  \
        if (setjmp(fake_jb_) == 0) {                                           \
            call;                                                              \
            fake_jmp = NULL;                                                   \
            fail_msg("%s returned", #call);                                    \
        }                                                                      \
        fake_jmp = NULL;                                                       \
    } while (0)

#endif
