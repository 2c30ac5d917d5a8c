/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What core code asks of the architecture. Implemented in src/arch/<arch>/;
 * host unit tests provide fakes.
 */
#ifndef ARCH_HOOKS_H
#define ARCH_HOOKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vcpu;
struct vm;

struct cpu;
struct console_driver;

/* Boot */
/* Build the hypervisor's address space and learn firmware facts. */
int arch_boot_init(void);
/* Set up the calling hart (paging, trap delegation, timer); from then on
 * arch_cpu_self() is its struct cpu. -1 (reported) if the hart cannot run
 * the machine's guests as the boot hart chose. */
int arch_hart_init(struct cpu *cpu);
/* Start a parked physical hart at the hypervisor's secondary entry; 0 or
 * the firmware's (negative) error after retrying for a while. */
int arch_start_hart(unsigned hart);

/*
 * Whether the machine has the interrupt controller the build expects: 0
 * when it does or the device tree is unusable (nothing to compare), else
 * -1 with one line in err naming what it has instead.
 */
struct machine_fit_error;
struct platform;
int arch_machine_fit_irqc(const void *dtb, const struct platform *p,
                          struct machine_fit_error *err);
/*
 * The generic platform: read the board's interrupt controller from the
 * device tree into p->arch (its kind, registers, sources, contexts or
 * interrupt files). 0, or -1 with err naming what is missing or not
 * supported.
 */
int arch_platform_probe(const void *dtb, struct platform *p,
                        struct machine_fit_error *err);
/* One line on what arch_platform_probe found (the boot prints it). */
void arch_platform_report(void);

/*
 * What the harts implement (machine.arch), from the host device tree, or
 * NULL: the platform's defaults for every hart of machine.hart_mask.
 */
void arch_machine_probe_cpus(const void *dtb);
/* Why the hypervisor cannot run on these harts, or NULL. */
const char *arch_machine_unsupported(void);
/* The IOMMU the host device tree describes (machine.iommu; size 0: none,
 * or NULL). */
void arch_machine_probe_iommu(const void *dtb);

/* IOMMU (dma.c decides which DMA master is whose) */
/* Boot hart, address space built: drive machine.iommu, refusing every
 * master until attached; its faults go to dma_fault(). 0, or -1 (logged). */
int arch_iommu_init(void);
/* Let master `device` reach `vm`'s memory, and only that, through the
 * VM's own stage-2 table. 0, or -1 (logged) if the IOMMU cannot. */
int arch_iommu_attach(struct vm *vm, uint32_t device);

/* Harts */
/* The calling hart's struct cpu (core's cpu_self()). */
struct cpu *arch_cpu_self(void);
void arch_send_ipi(unsigned hart);
void arch_wait_for_interrupt(void);
void arch_ack_ipi(void); /* clear this hart's pending IPI */
/*
 * Before the hart is set up (arch_hart_init): sleep until an IPI comes or
 * `ticks` of the timebase have passed. A hart that waits for another must
 * not spin: QEMU's single-threaded scheduler (-icount) would never run the
 * other.
 */
void arch_nap(uint64_t ticks);
/* Handle device and timer interrupts pending on this hart (idle loops). */
void arch_poll_interrupts(void);
void arch_fence_local(void); /* fence.i and this hart's guest TLB */
void arch_system_off(void) __attribute__((noreturn));
/* A console through the firmware: works on any machine, output only. */
const struct console_driver *arch_firmware_console(void);
/* The machine's time now, in timebase ticks (machine.timebase_hz). */
uint64_t arch_timebase_now(void);
/* True when guests program their timer without the hypervisor. */
bool arch_guest_timer_is_direct(void);
/* How guests' timers work here, for the boot log. */
const char *arch_guest_timer_name(void);

/* vCPUs */
void arch_vcpu_reset(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                     uint64_t a1);
/* As arch_vcpu_reset, but the vCPU's pending interrupts stay pending. */
void arch_vcpu_resume_at(struct vcpu *vcpu, uint64_t entry, uint64_t a0,
                         uint64_t a1);
void arch_vcpu_run(struct vcpu *vcpu) __attribute__((noreturn));
void arch_vcpu_raise_soft(struct vcpu *vcpu);
void arch_vcpu_clear_interrupts(struct vcpu *vcpu);
int arch_vcpu_has_pending_interrupt(struct vcpu *vcpu);
/* Set the vCPU's external interrupt line from its VM's interrupt controller. */
void arch_vcpu_sync_irq_line(struct vcpu *vcpu);

/*
 * Interrupt controller: delivery only; irq.c decides who owns what. For a
 * VM whose configuration gives it no interrupt controller they do nothing.
 */
/* Set up the VM's virtual controller and its guest window; 0 or -1. */
int arch_vm_irqc_init(struct vm *vm);
/* Physical interrupt `id` is the VM's: deliverable once the guest enables it
 * in its controller, pending there until the guest completes it. */
void arch_irqc_route(struct vm *vm, unsigned id);
/* Give back every physical interrupt the VM holds and reset its controller
 * to power-on state, with no sources (irq_vm_restore adds them again). */
void arch_vm_reset_irqs(struct vm *vm);
/*
 * Source `id` of the VM's controller comes from a device the hypervisor
 * emulates: arch_virq_set_level drives it (level-triggered); when the guest
 * completes it, the controller calls vm_virq_completed() (irq.h).
 */
void arch_virq_add_virtual(struct vm *vm, unsigned id);
void arch_virq_set_level(struct vm *vm, unsigned id, bool level);
/* An edge on virtual interrupt `id`: pending until claimed; edges that
 * come meanwhile merge into it. */
void arch_virq_trigger(struct vm *vm, unsigned id);
/* Deliver physical interrupt `id` to this hart's hypervisor; the controller
 * asks irq_claimed() what to do with it. */
void arch_irq_enable_hyp(unsigned id, bool edge);

/* Guest memory */
/* The VM's stage-2 translation (empty) and its address-space id; 0 or -1. */
int arch_vm_init(struct vm *vm);
int arch_vm_map(struct vm *vm, uint64_t gpa, uint64_t hpa, uint64_t size,
                int writable, int executable);
/*
 * Copy to or from guest-physical memory of the VM running on this hart; the
 * caller has checked the range is the VM's RAM. For small transfers.
 */
void arch_guest_write(struct vm *vm, uint64_t gpa, const void *src, size_t len);
/*
 * Zero guest-physical [gpa, gpa + size) of `vm`, all of it the VM's RAM,
 * through the VM's own stage 2 (this hart takes it on): for the clear
 * before a VM starts, which needs no hypervisor mapping of its RAM.
 */
void arch_guest_clear(struct vm *vm, uint64_t gpa, uint64_t size);
void arch_guest_read(struct vm *vm, uint64_t gpa, void *dst, size_t len);
/*
 * Give the hypervisor access to host-physical [pa, pa + size) for a while
 * (loading or clearing guest memory); returns the address to use.
 */
void *arch_hyp_map_phys(uint64_t pa, uint64_t size);
void arch_hyp_unmap_phys(uint64_t pa, uint64_t size);

#endif
