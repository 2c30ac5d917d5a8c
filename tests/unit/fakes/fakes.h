/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Recording fakes, one file per faked module (tests/unit/fakes/fake_*.c):
 * a unit test links the real sources it tests and the fakes of only the
 * modules it does not link. Every call into a fake is logged in `fake`, in
 * the section of its module, so tests can assert on it; fake_reset() clears
 * the log (fake_log.c, which every test using a fake links).
 *
 * Functions that never return (cpu_idle, arch_system_off, arch_vcpu_run)
 * record the call and then longjmp() to the jmp_buf the test armed with
 * EXPECT_NORETURN().
 */
#ifndef TESTS_UNIT_FAKES_H
#define TESTS_UNIT_FAKES_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vcpu;
struct vm;
struct cpu;
struct console_driver;

#define FAKE_LOG_MAX 64
#define FAKE_OUT_MAX 1024
#define FAKE_PRINTK_ALL_MAX 4096

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

struct fake_level {
    struct vm *vm;
    unsigned id;
    bool level;
};

struct fake_map {
    struct vm *vm;
    uint64_t gpa, hpa, size;
    int writable, executable;
};

struct fake_build {
    unsigned id;
    const unsigned *harts;
};

struct fake_log {
    /* cpu.c (fake_cpu.c) */
    unsigned events_n;
    struct fake_event events[FAKE_LOG_MAX];
    unsigned fence_remote_n;
    unsigned fence_remote[FAKE_LOG_MAX];
    unsigned handle_events_n;
    /* cpu_handle_events stops the hart's vCPU on this call (an event from
     * a VM going down); 0: never. */
    unsigned stop_on_events;
    /* cpu_serve_fences: calls; meanwhile the harts a CPU_EV_VCPU_STOP was
     * posted to stop their vCPU, as their event handling would. */
    unsigned serve_fences_n;
    unsigned idle_n;
    struct cpu *idle_cpu;

    /* arch hooks of arch_hooks.h (fake_arch.c); cpu_self (fake_cpu_self.c) */
    unsigned current_hart; /* what cpu_self() answers */
    unsigned ipi_n;
    unsigned ipi[FAKE_LOG_MAX];
    /* Runs on arch_send_ipi: the test acting as the target hart. */
    void (*on_ipi)(unsigned hart);
    unsigned ack_ipi_n;
    unsigned raise_soft_n;
    struct vcpu *raise_soft[FAKE_LOG_MAX];
    unsigned sync_irq_line_n;
    struct vcpu *sync_irq_line_vcpu;
    unsigned fence_local_n;
    unsigned clear_irqs_n;
    struct vcpu *clear_irqs_vcpu;
    unsigned wfi_n;
    /* Runs on arch_wait_for_interrupt: what other harts do meanwhile. */
    void (*on_wfi)(unsigned n);
    unsigned pending_irq_polls;
    unsigned poll_n; /* arch_poll_interrupts: device interrupts looked at */
    unsigned pending_irq_after; /* has_pending_interrupt says 1 on this poll */
    unsigned reset_n;
    struct fake_reset_call reset;
    unsigned resume_n; /* arch_vcpu_resume_at: registers only */
    struct fake_reset_call resume;
    unsigned run_n; /* arch_vcpu_run */
    struct vcpu *run_vcpu;
    unsigned guest_read_n, guest_write_n, guest_clear_n;
    unsigned system_off_n;
    uint64_t now;            /* what arch_timebase_now() answers */
    bool guest_timer_direct; /* what arch_guest_timer_is_direct() answers */
    const char *machine_unsupported; /* arch_machine_unsupported() */
    uint64_t time_step;     /* each arch_timebase_now() adds it to now */
    unsigned nap_n;         /* arch_nap() calls */
    uint64_t never_arrives; /* harts arch_start_hart starts but loses */
    void (*arrives)(unsigned hart); /* how a started hart reports in */
    void (*while_waiting)(void);    /* run by cpu_serve_fences() */
    int boot_init_fails;            /* arch_boot_init returns this */
    unsigned hart_init_n;           /* arch_hart_init */
    struct cpu *hart_init_cpu;
    uint64_t hart_init_fails; /* bit h: arch_hart_init on hart h fails */
    unsigned start_hart_n;
    unsigned start_hart[FAKE_LOG_MAX];
    uint64_t start_hart_fails; /* bit h: arch_start_hart(h) fails (-1) */
    unsigned firmware_console_n;
    unsigned vm_init_n;    /* arch_vm_init */
    int vm_init_fails;     /* arch_vm_init returns this */
    unsigned irqc_init_n;  /* arch_vm_irqc_init */
    int irqc_init_fails;   /* arch_vm_irqc_init returns this */
    unsigned reset_irqs_n; /* arch_vm_reset_irqs */
    struct vm *reset_irqs_vm;
    /* virtual interrupts */
    unsigned trigger_n;
    struct fake_irq trigger[FAKE_LOG_MAX];
    unsigned add_virtual_n;
    struct fake_irq add_virtual[FAKE_LOG_MAX];
    unsigned set_level_n; /* arch_virq_set_level; the last call: */
    struct fake_level level;
    /* interrupt ownership (irq.c) */
    unsigned route_n;
    struct fake_irq route[FAKE_LOG_MAX];
    unsigned enable_hyp_n, enable_hyp_id;
    /* stage 2 */
    unsigned map_n;
    struct fake_map map[FAKE_LOG_MAX];
    int map_fails;          /* arch_vm_map returns this ... */
    unsigned map_fail_from; /* ... from this call (0: the first) on */
    /* arch_hyp_map_phys/unmap: host memory is "physical" (identity). */
    unsigned hyp_map_n, hyp_unmap_n;

    /* arch/guest_timer.h (fake_guest_timer.c) */
    unsigned timer_n;
    struct vcpu *timer_vcpu;
    uint64_t timer_deadline;

    /* console.c (fake_console.c) */
    unsigned putc_n, write_n; /* console_vm_putc, console_vm_write calls */
    /* With write_limited, console_vm_write takes write_room bytes in
     * all, as a VM's console buffer with that room would. */
    bool write_limited;
    size_t write_room;
    unsigned console_events_n;  /* console_vm_event calls */
    struct vm *console_flushed; /* the last console_vm_flush's VM */
    unsigned out_n;             /* characters both of them received */
    char out[FAKE_OUT_MAX + 1];
    struct vm *out_vm;
    const char *in; /* what console_vm_getc hands out, then -1 */
    unsigned getc_n;
    unsigned input_room_n; /* console_input_room */
    struct vm *input_room_vm;
    unsigned console_init_n;
    const struct console_driver *console_driver;
    /* printk: how often, the last message and all of them (cut short) */
    unsigned printk_n;
    void (*while_printing)(void); /* run by printk() */
    char printk_last[256];
    unsigned printk_all_n;
    char printk_all[FAKE_PRINTK_ALL_MAX + 1];

    /* vm_lifecycle.c (fake_vm_lifecycle.c) */
    unsigned shutdown_n, restart_n;
    struct fake_lifecycle_call shutdown, restart;

    /* vm_build.c (fake_vm_build.c) */
    unsigned build_n;
    struct fake_build build[FAKE_LOG_MAX];
    int build_fails; /* vm_build returns this */
    /* vm_build marks the VM's UART emulated (else the VM owns it) */
    bool build_uart_owned;
    unsigned claim_n; /* vm_claim_placed_regions */
    int claim_fails;
    unsigned load_image_n;
    struct vm *load_image_vm;
    unsigned boot_clear_n;
    struct vcpu *boot_clear[FAKE_LOG_MAX];

    /* vm_uart.c (fake_vm_uart.c) */
    unsigned uart_reset_n;
    struct vm *uart_reset_vm;
    bool uart_takes_input; /* what vm_uart_takes_input answers */
    unsigned uart_room;    /* room left in the receive FIFO */
    unsigned uart_rx_n;    /* characters vm_uart_rx received */
    char uart_rx[FAKE_OUT_MAX + 1];
    struct vm *uart_rx_vm;
    const char *uart_in; /* what vm_uart_getc hands out, then -1 */

    /* shmem.c (fake_shmem.c) */
    unsigned shmem_init_n;
    int shmem_init_fails;

    /* machine.c (fake_machine.c) */
    unsigned probe_n;
    const void *probe_dtb;

    /* boot_table.c (fake_boot_table.c) */
    unsigned boot_table_n;
};

extern struct fake_log fake;
/* The CSRs of arch code under test (fake_csr.c, -DCSR_FAKE). */
extern unsigned long fake_csrs[4096];
/* CSRs a test models itself: each hook returns true if it handled the
 * access (the others go to fake_csrs). */
struct fake_csr_model {
    bool (*read)(unsigned csr, unsigned long *val);
    bool (*write)(unsigned csr, unsigned long val);
};
extern const struct fake_csr_model *fake_csr_model;
/* Where noreturn fakes jump to; NULL makes them fail the test. */
extern jmp_buf *fake_jmp;

/* Clear the log; put the hart table, when the test has one, back to
 * power-on (every hart its own id, no vCPU, no event). */
void fake_reset(void);
/* cpu_self() of the calling thread is cpus[hart] from now on: for a test
 * that runs a second hart on a thread of its own (fake_cpu_self.c). */
void fake_thread_is_hart(unsigned hart);
/* For noreturn fakes, after they logged the call. */
void fake_noreturn(const char *what) __attribute__((noreturn));

/* Append to a fake's log array; overflowing it fails the test. */
#define FAKE_LOG(arr, n, v)                                                    \
    do {                                                                       \
        if ((n) >= FAKE_LOG_MAX)                                               \
            fail_msg("fake log " #arr " overflows");                           \
        (arr)[(n)++] = (v);                                                    \
    } while (0)

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

/* fake_csr_probe.c: what csr_probe_senvcfg/henvcfg answer (true). */
extern bool fake_has_envcfg;

#endif
