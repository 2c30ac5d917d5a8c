/* SPDX-License-Identifier: Apache-2.0 */
/* Recording fakes; see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fakes.h"

#include <arch/guest_timer.h>
#include <arch_hooks.h>
#include <console.h>
#include <cpu.h>
#include <platform.h>
#include <shmem.h>
#include <vm.h>
#include <vm_lifecycle.h>

struct fake_log fake;
jmp_buf *fake_jmp;

struct cpu cpus[MAX_CPUS];
struct machine machine;

void fake_reset(void)
{
    memset(&fake, 0, sizeof(fake));
    memset(cpus, 0, sizeof(cpus));
    for (unsigned i = 0; i < MAX_CPUS; i++)
        cpus[i].hartid = i;
    fake_jmp = NULL;
}

static void fake_noreturn(const char *what) __attribute__((noreturn));
static void fake_noreturn(const char *what)
{
    if (!fake_jmp)
        fail_msg("%s called with no EXPECT_NORETURN around it", what);
    longjmp(*fake_jmp, 1);
}

#define LOG(arr, n, v)                                                         \
    do {                                                                       \
        if ((n) >= FAKE_LOG_MAX)                                               \
            fail_msg("fake log " #arr " overflows");                           \
        (arr)[(n)++] = (v);                                                    \
    } while (0)

/* ---- cpu.c ---------------------------------------------------------------*/

struct cpu *cpu_self(void)
{
    assert_true(fake.current_hart < MAX_CPUS);
    return &cpus[fake.current_hart];
}

void cpu_post_event(unsigned hart, unsigned long event)
{
    struct fake_event e = {hart, event};

    assert_true(hart < MAX_CPUS);
    LOG(fake.events, fake.events_n, e);
}

void cpu_handle_events(struct cpu *cpu)
{
    assert_ptr_equal(cpu, &cpus[fake.current_hart]);
    fake.handle_events_n++;
    if (fake.handle_events_n == fake.stop_on_events && cpu->vcpu)
        cpu->vcpu->state = VCPU_STOPPED;
}

/* As cpu.c's, over the fakes. */
void cpu_wait_until(struct cpu *cpu, bool (*done)(struct cpu *cpu))
{
    for (;;) {
        arch_poll_interrupts();
        cpu_handle_events(cpu);
        if (done(cpu))
            return;
        arch_wait_for_interrupt();
    }
}

void cpu_fence_remote(unsigned hart)
{
    assert_true(hart < MAX_CPUS);
    assert_int_not_equal(hart, fake.current_hart); /* never to oneself */
    LOG(fake.fence_remote, fake.fence_remote_n, hart);
}

void cpu_idle(struct cpu *cpu)
{
    fake.idle_n++;
    fake.idle_cpu = cpu;
    fake_noreturn("cpu_idle");
}

/* ---- arch hooks ----------------------------------------------------------*/

void arch_vcpu_raise_soft(struct vcpu *vcpu)
{
    LOG(fake.raise_soft, fake.raise_soft_n, vcpu);
}

void arch_fence_local(void)
{
    fake.fence_local_n++;
}

void arch_vcpu_clear_interrupts(struct vcpu *vcpu)
{
    fake.clear_irqs_n++;
    fake.clear_irqs_vcpu = vcpu;
}

int arch_vcpu_has_pending_interrupt(struct vcpu *vcpu)
{
    (void)vcpu;
    fake.pending_irq_polls++;
    if (fake.pending_irq_polls > 1000)
        fail_msg("suspended vCPU polled for an interrupt forever");
    return fake.pending_irq_polls >= fake.pending_irq_after;
}

void arch_wait_for_interrupt(void)
{
    fake.wfi_n++;
}

void arch_poll_interrupts(void)
{
    fake.poll_n++;
}

void arch_vcpu_reset(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                     uint64_t a1)
{
    fake.reset_n++;
    fake.reset.vcpu = vcpu;
    fake.reset.entry = entry;
    fake.reset.a0 = a0;
    fake.reset.a1 = a1;
}

void arch_vcpu_resume_at(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                         uint64_t a1)
{
    fake.resume_n++;
    fake.resume.vcpu = vcpu;
    fake.resume.entry = entry;
    fake.resume.a0 = a0;
    fake.resume.a1 = a1;
}

uint64_t arch_timebase_now(void)
{
    return fake.now;
}

void arch_system_off(void)
{
    fake.system_off_n++;
    fake_noreturn("arch_system_off");
}

/*
 * Guest RAM is host memory: a test's vm->mem[i].pages.base is the address of
 * a host buffer (contiguous). Like the real hooks these trust the caller to
 * have checked the range, but here a range that is not the VM's RAM fails
 * the test.
 */
static void *guest_ptr(struct vm *vm, uint64_t gpa, size_t len)
{
    const struct vm_mem *m = vm_mem_at(vm, gpa, len);

    if (!m)
        fail_msg("guest access to 0x%lx+0x%zx outside VM RAM",
                 (unsigned long)gpa, len);
    return (void *)(uintptr_t)(m->pages.base + (gpa - m->gpa));
}

void arch_guest_read(struct vm *vm, uint64_t gpa, void *dst, size_t len)
{
    fake.guest_read_n++;
    memcpy(dst, guest_ptr(vm, gpa, len), len);
}

void arch_guest_write(struct vm *vm, uint64_t gpa, const void *src, size_t len)
{
    fake.guest_write_n++;
    memcpy(guest_ptr(vm, gpa, len), src, len);
}

void arch_guest_clear(struct vm *vm, uint64_t gpa, uint64_t size)
{
    memset(guest_ptr(vm, gpa, size), 0, size);
}

/* ---- guest timer ---------------------------------------------------------*/

void guest_timer_set(struct vcpu *vcpu, uint64_t deadline)
{
    fake.timer_n++;
    fake.timer_vcpu = vcpu;
    fake.timer_deadline = deadline;
}

/* ---- console -------------------------------------------------------------*/

static void out_char(struct vm *vm, char c)
{
    if (fake.out_n >= FAKE_OUT_MAX)
        fail_msg("fake console output overflows");
    if (fake.out_n && fake.out_vm != vm)
        fail_msg("console output from two VMs in one test");
    fake.out_vm = vm;
    fake.out[fake.out_n++] = c;
    fake.out[fake.out_n] = '\0';
}

void console_vm_putc(struct vm *vm, char c)
{
    fake.putc_n++;
    out_char(vm, c);
}

void console_vm_write(struct vm *vm, const char *buf, size_t len)
{
    fake.write_n++;
    for (size_t i = 0; i < len; i++)
        out_char(vm, buf[i]);
}

int console_vm_getc(struct vm *vm)
{
    (void)vm;
    fake.getc_n++;
    if (!fake.in || !*fake.in)
        return -1;
    return (unsigned char)*fake.in++;
}

/* ---- VM life cycle -------------------------------------------------------*/

void vm_shutdown(struct vm *vm, struct vcpu *self, const char *why)
{
    fake.shutdown_n++;
    fake.shutdown.vm = vm;
    fake.shutdown.self = self;
    fake.shutdown.why = why;
}

void vm_restart(struct vm *vm, struct vcpu *self, const char *why)
{
    fake.restart_n++;
    fake.restart.vm = vm;
    fake.restart.self = self;
    fake.restart.why = why;
}

void arch_virq_trigger(struct vm *vm, unsigned id)
{
    if (fake.trigger_n < FAKE_LOG_MAX)
        fake.trigger[fake.trigger_n] = (struct fake_irq){vm, id};
    fake.trigger_n++;
}

void arch_virq_add_virtual(struct vm *vm, unsigned id)
{
    if (fake.add_virtual_n < FAKE_LOG_MAX)
        fake.add_virtual[fake.add_virtual_n] = (struct fake_irq){vm, id};
    fake.add_virtual_n++;
}

void arch_irqc_route(struct vm *vm, unsigned id)
{
    if (fake.route_n < FAKE_LOG_MAX)
        fake.route[fake.route_n] = (struct fake_irq){vm, id};
    fake.route_n++;
}

void arch_irq_enable_hyp(unsigned id)
{
    fake.enable_hyp_n++;
    fake.enable_hyp_id = id;
}

void *arch_hyp_map_phys(uint64_t pa, uint64_t size)
{
    (void)size;
    fake.hyp_map_n++;
    return (void *)(uintptr_t)pa;
}

void arch_hyp_unmap_phys(uint64_t pa, uint64_t size)
{
    (void)pa;
    (void)size;
    fake.hyp_unmap_n++;
}

int arch_vm_map(struct vm *vm, uint64_t gpa, uint64_t hpa, uint64_t size,
                int writable, int executable)
{
    if (fake.map_n < FAKE_LOG_MAX)
        fake.map[fake.map_n] =
            (struct fake_map){vm, gpa, hpa, size, writable, executable};
    fake.map_n++;
    return fake.map_fails;
}

/* shmem object i starts at 0x100000000 + i * 0x1000000; object 2 is
 * coloured: colours 1 and 3 of 4. */
const struct colour_mem *shmem_pages(size_t id)
{
    static struct colour_mem m;

    m = (struct colour_mem){.base = 0x100000000ULL + id * 0x1000000ULL,
                            .pages = 16,
                            .mask = id == 2 ? 0xa : 0,
                            .colours = 4};
    return &m;
}

int printk(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(fake.printk_last, sizeof(fake.printk_last), fmt, ap);
    va_end(ap);
    fake.printk_n++;
    return n;
}
