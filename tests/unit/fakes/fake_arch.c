/* SPDX-License-Identifier: Apache-2.0 */
/* Fakes of the arch hooks (src/core/inc/arch_hooks.h); see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <core/vm.h>

/* ---- Boot ----------------------------------------------------------------*/

int arch_boot_init(void)
{
    return fake.boot_init_fails;
}

int arch_hart_init(struct cpu *cpu)
{
    fake.hart_init_n++;
    fake.hart_init_cpu = cpu;
    return (fake.hart_init_fails >> cpu->hartid & 1) ? -1 : 0;
}

/* A started hart reports in at once (fake.arrives, e.g. hart_arrived), as
 * hyp_secondary_main does, unless the test says it never arrives. */
int arch_start_hart(unsigned hart)
{
    FAKE_LOG(fake.start_hart, fake.start_hart_n, hart);
    if (fake.start_hart_fails & (1UL << hart))
        return -1;
    if (fake.arrives && !(fake.never_arrives & (1UL << hart)))
        fake.arrives(hart);
    return 0;
}

/* ---- Harts ---------------------------------------------------------------*/

/* Two harts on two threads may send IPIs and fence at once. */
/* A nap passes its time at once. */
void arch_nap(uint64_t ticks)
{
    fake.nap_n++;
    fake.now += ticks;
}

void arch_send_ipi(unsigned hart)
{
    unsigned n = __atomic_fetch_add(&fake.ipi_n, 1, __ATOMIC_SEQ_CST);

    if (n < FAKE_LOG_MAX)
        fake.ipi[n] = hart;
    if (fake.on_ipi)
        fake.on_ipi(hart);
}

void arch_ack_ipi(void)
{
    __atomic_fetch_add(&fake.ack_ipi_n, 1, __ATOMIC_SEQ_CST);
}

void arch_fence_local(void)
{
    __atomic_fetch_add(&fake.fence_local_n, 1, __ATOMIC_SEQ_CST);
}

void arch_wait_for_interrupt(void)
{
    fake.wfi_n++;
    if (fake.wfi_n > 1000)
        fail_msg("a hart waited for an interrupt forever");
    if (fake.on_wfi)
        fake.on_wfi(fake.wfi_n);
}

void arch_poll_interrupts(void)
{
    fake.poll_n++;
}

void arch_system_off(void)
{
    fake.system_off_n++;
    fake_noreturn("arch_system_off");
}

static void firmware_putc(char c)
{
    (void)c;
}

static int firmware_getc(void)
{
    return -1;
}

static const struct console_driver firmware_console = {
    .putc = firmware_putc,
    .getc = firmware_getc,
};

const struct console_driver *arch_firmware_console(void)
{
    fake.firmware_console_n++;
    return &firmware_console;
}

uint64_t arch_timebase_now(void)
{
    uint64_t now = fake.now;

    fake.now += fake.time_step;
    return now;
}

bool arch_guest_timer_is_direct(void)
{
    return fake.guest_timer_direct;
}

const char *arch_guest_timer_name(void)
{
    return fake.guest_timer_direct ? "direct" : "emulated";
}

const char *arch_machine_unsupported(void)
{
    return fake.machine_unsupported;
}

/* ---- vCPUs ---------------------------------------------------------------*/

void arch_vcpu_reset(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                     uint64_t a1)
{
    fake.reset_n++;
    fake.reset = (struct fake_reset_call){vcpu, entry, a0, a1};
}

void arch_vcpu_resume_at(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                         uint64_t a1)
{
    fake.resume_n++;
    fake.resume = (struct fake_reset_call){vcpu, entry, a0, a1};
}

void arch_vcpu_run(struct vcpu *vcpu)
{
    fake.run_n++;
    fake.run_vcpu = vcpu;
    fake_noreturn("arch_vcpu_run");
}

void arch_vcpu_raise_soft(struct vcpu *vcpu)
{
    FAKE_LOG(fake.raise_soft, fake.raise_soft_n, vcpu);
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

void arch_vcpu_sync_irq_line(struct vcpu *vcpu)
{
    fake.sync_irq_line_n++;
    fake.sync_irq_line_vcpu = vcpu;
}

/* ---- Interrupt controller ------------------------------------------------*/

int arch_vm_irqc_init(struct vm *vm)
{
    (void)vm;
    fake.irqc_init_n++;
    return fake.irqc_init_fails;
}

/* The logs below count past FAKE_LOG_MAX without failing: some tests
 * fill a VM with sources on purpose. */
void arch_irqc_route(struct vm *vm, unsigned id)
{
    if (fake.route_n < FAKE_LOG_MAX)
        fake.route[fake.route_n] = (struct fake_irq){vm, id};
    fake.route_n++;
}

void arch_vm_reset_irqs(struct vm *vm)
{
    fake.reset_irqs_n++;
    fake.reset_irqs_vm = vm;
}

void arch_virq_add_virtual(struct vm *vm, unsigned id)
{
    if (fake.add_virtual_n < FAKE_LOG_MAX)
        fake.add_virtual[fake.add_virtual_n] = (struct fake_irq){vm, id};
    fake.add_virtual_n++;
}

void arch_virq_set_level(struct vm *vm, unsigned id, bool level)
{
    fake.set_level_n++;
    fake.level = (struct fake_level){vm, id, level};
}

void arch_virq_trigger(struct vm *vm, unsigned id)
{
    if (fake.trigger_n < FAKE_LOG_MAX)
        fake.trigger[fake.trigger_n] = (struct fake_irq){vm, id};
    fake.trigger_n++;
}

void arch_irq_enable_hyp(unsigned id, bool edge)
{
    (void)edge;
    fake.enable_hyp_n++;
    fake.enable_hyp_id = id;
}

/* ---- Guest memory --------------------------------------------------------*/

int arch_vm_init(struct vm *vm)
{
    (void)vm;
    fake.vm_init_n++;
    return fake.vm_init_fails;
}

int arch_vm_map(struct vm *vm, uint64_t gpa, uint64_t hpa, uint64_t size,
                int writable, int executable)
{
    unsigned n = fake.map_n++;

    if (n < FAKE_LOG_MAX)
        fake.map[n] =
            (struct fake_map){vm, gpa, hpa, size, writable, executable};
    return n >= fake.map_fail_from ? fake.map_fails : 0;
}

/*
 * Guest RAM is host memory: a test's vm->mem[i].pages.base is the address of
 * a host buffer (contiguous). Like the real hooks these trust the caller to
 * have checked the range, but here a range that is not the VM's RAM fails
 * the test.
 */
static void *guest_ptr(struct vm *vm, uint64_t gpa, size_t len)
{
    for (unsigned i = 0; i < vm->mem_num; i++) {
        const struct vm_mem *m = &vm->mem[i];

        if (m->pages.mask)
            continue; /* coloured: not contiguous in the host */
        if (gpa >= m->gpa && gpa - m->gpa < m->size &&
            (len ? len : 1) <= m->size - (gpa - m->gpa))
            return (void *)(uintptr_t)(m->pages.base + (gpa - m->gpa));
    }
    fail_msg("guest access to 0x%lx+0x%zx outside VM RAM", (unsigned long)gpa,
             len);
    return NULL;
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
    fake.guest_clear_n++;
    memset(guest_ptr(vm, gpa, size), 0, size);
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

/* ---- IOMMU ---------------------------------------------------------------*/
int arch_iommu_init(void)
{
    return 0;
}

int arch_iommu_attach(struct vm *vm, uint32_t device)
{
    (void)vm;
    (void)device;
    return 0;
}
