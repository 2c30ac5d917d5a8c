/* SPDX-License-Identifier: Apache-2.0 */
#ifndef VM_H
#define VM_H

#include <arch/vcpu_regs.h>
#include <core/colour.h>
#include <core/config.h>
#include <core/hyp_limits.h>
#include <core/irq.h>
#include <core/vcpu.h>
#include <core/vuart.h>
#include <lib/spinlock.h>
#include <stdbool.h>
#include <stdint.h>

/* vCPU states: the values of SBI HSM hart states (SBI spec 2.0, 9.1). */
enum vcpu_state {
    VCPU_STARTED = 0,
    VCPU_STOPPED = 1,
    VCPU_START_PENDING = 2,
    VCPU_STOP_PENDING = 3,
    VCPU_SUSPENDED = 4,
};

struct vm;

struct vcpu {
    struct arch_vcpu arch; /* first: the trap path reaches it from sscratch */
    struct vm *vm;
    unsigned id;         /* virtual hart id: 0 .. cpu_num - 1 */
    unsigned hart;       /* the physical hart it is pinned to */
    volatile int state;  /* enum vcpu_state */
    uint64_t start_addr; /* HSM hart_start arguments, for the target hart */
    uint64_t start_arg;
    /* Traps by kind (enum vcpu_trap_kind), counted on its own hart only. */
    unsigned long traps[VCPU_TRAP_KINDS];
};

/* A piece of guest RAM: guest-physical [gpa, gpa + size) on these pages. */
struct vm_mem {
    uint64_t gpa;
    uint64_t size;
    struct colour_mem pages; /* contiguous from pages.base, or coloured */
};

/*
 * A guest-physical window the hypervisor emulates (trap and emulate).
 * `access` gets the offset in the window; it returns 0, or -1 when the
 * access is not valid (the guest gets an access fault).
 */
typedef int (*vm_emul_access_t)(struct vcpu *vcpu, uint64_t offset,
                                unsigned width, bool write, uint64_t *value);

struct vm_emul {
    uint64_t base;
    uint64_t size;
    vm_emul_access_t access;
};

#define MAX_VM_EMUL 4

enum vm_state {
    VM_RUNNING,
    VM_STOPPING,   /* down while its vCPUs stop (then shut down or
                      restarting) */
    VM_RESTARTING, /* down while its image is reloaded (running again soon) */
    VM_SHUTDOWN,
};

#define VM_LINE_MAX 160
/* A VM's console output not yet on the UART: bytes, a power of two. */
#define VM_CONSOLE_OUT 4096

struct vm {
    unsigned id;
    const struct vm_config *cfg;
    unsigned vcpu_num;
    struct vcpu *vcpus;
    unsigned mem_num;
    /* An inplace image splits its region in three pieces. */
    struct vm_mem mem[MAX_VM_REGIONS + 2];
    struct arch_vm arch;
    unsigned emul_num;
    struct vm_emul emul[MAX_VM_EMUL];
    /* Sources of emulated devices in its interrupt controller (irq.c). */
    unsigned virq_num;
    struct {
        unsigned id;
        virq_completed_fn completed;
    } virqs[MAX_VM_VIRQS];
    volatile int state; /* enum vm_state */
    /* The device tree copied in at every boot, chosen once when the VM is
     * built: every copy and every clear of its RAM agree on its size. */
    struct vm_blob dtb;
    /* a1 of vCPU 0 at every boot and reboot: its device tree's guest
     * address (an HSM hart_start's opaque value is that start's only). */
    uint64_t boot_arg;
    /* Its device interrupts claimed by the hypervisor (irq.c). */
    unsigned long irqs_forwarded;
    /* DMA its devices tried outside it, blocked by the IOMMU (dma.c):
     * faults recorded, and reports printed of them. */
    unsigned long dma_faults;
    unsigned dma_reports;
    /* Boot: shares of the RAM clear not done yet (vm_boot_clear). */
    unsigned clear_left;
    spinlock_t lock; /* serialises shutdown and restart */
    /*
     * Console output (console.c). What its vCPUs write goes into `out`
     * (under out_lock, held for the copy only); whoever holds the UART
     * takes it from there. The rest is the UART holder's: the line being
     * collected (VMs without the input focus print whole lines, tagged),
     * whether its last line on the console was cut (the rest is tagged
     * "[vmN]+ "), and, with the focus, how many printable characters of
     * its open line are out, which its backspaces may take back.
     */
    spinlock_t out_lock;
    char out[VM_CONSOLE_OUT];
    unsigned out_head;   /* free-running: written by its vCPUs */
    unsigned out_tail;   /* free-running: read by the UART's holder */
    unsigned out_kicked; /* 1: a console event is on its way to its hart */
    unsigned line_len;
    char line[VM_LINE_MAX];
    bool line_cut;
    unsigned line_column;
    /* The emulated console UART (vm_uart.c), unless the VM owns the real
     * one. */
    struct {
        bool emulated;
        spinlock_t lock;
        struct vuart regs;
    } uart;
};

extern struct vm vms[MAX_VMS];
extern unsigned vm_count;

/* The piece of the VM's RAM holding all of [gpa, gpa + size) (size 0: the
 * byte at gpa), or NULL. */
const struct vm_mem *vm_mem_at(const struct vm *vm, uint64_t gpa,
                               uint64_t size);
/* Whether [gpa, gpa + size) is all RAM of the VM (within one piece). */
bool vm_gpa_is_ram(const struct vm *vm, uint64_t gpa, uint64_t size);
/* Every VM is shut down (a restarting one is not: it runs again soon). */
bool vm_all_shut_down(void);
struct vcpu *vm_vcpu(struct vm *vm, uint64_t vhartid);
/* A window the hypervisor emulates: 0, or -1 with MAX_VM_EMUL already. */
int vm_add_emul(struct vm *vm, uint64_t base, uint64_t size,
                vm_emul_access_t access);
const struct vm_emul *vm_find_emul(const struct vm *vm, uint64_t gpa);

#endif
