/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Per-hart state and the messages harts send each other. A hart asks another
 * to do something by setting an event bit and sending a physical IPI; the
 * target handles its events on the next trap or in its idle loop.
 */
#ifndef CPU_H
#define CPU_H

#include <core/hyp_limits.h>

/*
 * sizeof(struct cpu), for boot.S, which points tp at cpus[hart id] before
 * any C runs (cpu.c checks it), so that a fault report always knows its
 * hart.
 */
#define CPU_STRUCT_SIZE (24 + 16 * MAX_CPUS)

#ifndef __ASSEMBLY__
#include <core/arch_hooks.h>
#include <stdbool.h>
#include <stdint.h>

struct vcpu;

enum cpu_event {
    CPU_EV_VCPU_KICK = 1 << 0, /* look at the vCPU state (start request) */
    CPU_EV_VS_SOFT = 1 << 1,   /* raise the vCPU's supervisor soft interrupt */
    CPU_EV_VCPU_STOP = 1 << 2, /* stop the vCPU (its VM shuts down) */
    CPU_EV_IRQ_LINE = 1 << 3,  /* re-evaluate the vCPU's external interrupt */
    CPU_EV_CONSOLE = 1 << 4,   /* print what its VM's console output holds */
};

struct cpu {
    unsigned hartid;
    volatile bool arrived;         /* it reached the hypervisor (started) */
    struct vcpu *vcpu;             /* NULL on a hart no VM uses */
    volatile unsigned long events; /* enum cpu_event bits */
    /* Fence requests: from[i] is bumped by hart i, ack[i] echoes it. */
    volatile unsigned long fence_req[MAX_CPUS];
    volatile unsigned long fence_ack[MAX_CPUS];
};

extern struct cpu cpus[MAX_CPUS];

/* The calling hart's struct cpu (the architecture keeps it at hand). */
static inline struct cpu *cpu_self(void)
{
    return arch_cpu_self();
}
void cpu_post_event(unsigned hart, unsigned long event);
void cpu_handle_events(struct cpu *cpu);
/* Answer fence requests only: for harts that wait on another hart. */
void cpu_serve_fences(struct cpu *cpu);
/* Make `hart` fence its instruction cache and guest TLB; wait until done. */
void cpu_fence_remote(unsigned hart);
/*
 * The one wait loop of a hart: serve its interrupts and events, sleeping in
 * between, until `done` says to stop.
 */
void cpu_wait_until(struct cpu *cpu, bool (*done)(struct cpu *cpu));
/* Idle until this hart's vCPU is started; runs it. Never returns. */
void cpu_idle(struct cpu *cpu) __attribute__((noreturn));

#endif /* __ASSEMBLY__ */
#endif
