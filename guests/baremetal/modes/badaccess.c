/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "badaccess": accesses to the VM's emulated PLIC that the hypervisor
 * cannot perform, and a flood of accesses outside the VM. Each must come
 * back to the guest as an access fault with stval = the address, reported
 * by the hypervisor (at most a burst per second), and never stop anything
 * but the faulting instruction:
 *
 *   walk        the guest's own page table has a next-level table inside
 *               the PLIC, so the walk, not the access, hits the device
 *   fp          flw from a PLIC register (FP accesses are not emulated)
 *   stale-code  code whose page the guest has just unmapped (without
 *               sfence.vma: the hart still runs it from its TLB) loads
 *               from the PLIC, so the hypervisor cannot read the
 *               instruction it has to emulate
 *
 * Lines: "badaccess: <probe> scause=<n> ok" or "badaccess: FAIL ...",
 * "badaccess: ok", then FLOOD loads outside the VM's memory, a pause of
 * over a second and one more: "badaccess: flood <n> faults taken". Then
 * SRST shutdown.
 *
 * Scenario: tests/system/configs/bad-access.c,
 * tests/system/test_bad_access.py.
 */
#include <stddef.h>
#include <stdint.h>

#include <lib/util.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "plic.h"
#include "probe.h"
#include "riscv.h"
#include "sv39.h"
#include "trap.h"

#define SSTATUS_FS_INITIAL (1UL << 13)
/* flw f0, 0(a0) (unprivileged spec, F extension; .insn needs no F). */
#define INSN_FLW_F0_0_A0 0x00052007
#define WALK_ROOT_ENTRY 5  /* VAs 5-6 GiB: table at PLIC_BASE */
#define ALIAS_ROOT_ENTRY 6 /* VAs 6-7 GiB: alias of RAM at 2 GiB */
#define RAM_GIGAPAGE 0x80000000UL
/* In the walk's range; its level-1 entry (index 3) is at PLIC_BASE + 0x18,
 * a page offset unlike the address's own 0x10. */
#define WALK_VA                                                                \
    (((unsigned long)WALK_ROOT_ENTRY << SV39_GIGAPAGE_SHIFT) + (3UL << 21) +   \
     0x10)
#define FP_ADDR PLIC_PRIORITY(1)
#define STALE_ADDR PLIC_PRIORITY(2)
#define OUTSIDE_ADDR 0x40000000UL /* neither RAM nor a device of the VM */
#define FLOOD 200
#define PAUSE (TIMEBASE_HZ + TIMEBASE_HZ / 5) /* 1.2 s: past the window */

static volatile bool restore_alias; /* the stale-code probe's handler */
static volatile unsigned int flood_traps;

static bool badaccess_trap(unsigned long scause, struct trap_frame *frame)
{
    (void)frame;
    if ((scause & SCAUSE_INTERRUPT) || !probing)
        return false;
    unsigned long epc = csr_read(sepc);

    probe_record(scause);
    flood_traps++;
    if (restore_alias) {
        /* Map the code again so the hart can go back to it. */
        sv39_root[ALIAS_ROOT_ENTRY] = sv39_gigapage(RAM_GIGAPAGE);
        asm volatile("sfence.vma" : : : "memory");
    }
    csr_write(sepc, epc + insn_length(epc));
    return true;
}

static void probe_walk(void)
{
    sv39_root[WALK_ROOT_ENTRY] = sv39_table(PLIC_BASE);
    asm volatile("sfence.vma" : : : "memory");
    (void)*(volatile uint32_t *)WALK_VA;
}

static void probe_fp(void)
{
    csr_set(sstatus, SSTATUS_FS_INITIAL);
    asm volatile("mv a0, %0\n.4byte %1"
                 :
                 : "r"(FP_ADDR), "i"(INSN_FLW_F0_0_A0)
                 : "a0", "memory");
}

/*
 * Runs from the alias: it may use only its arguments (a pc-relative
 * address would point into the alias too) and calls nothing.
 */
static void __attribute__((noinline))
unmap_self_then_load(volatile uint64_t *alias_entry, unsigned long addr)
{
    *alias_entry = 0; /* no sfence.vma: this code stays in the TLB */
    (void)*(volatile uint32_t *)addr;
}

static void probe_stale_code(void)
{
    unsigned long fn = (unsigned long)(uintptr_t)unmap_self_then_load;
    void (*alias)(volatile uint64_t *, unsigned long) =
        (void (*)(volatile uint64_t *, unsigned long))(
            fn - RAM_GIGAPAGE +
            ((unsigned long)ALIAS_ROOT_ENTRY << SV39_GIGAPAGE_SHIFT));

    sv39_root[ALIAS_ROOT_ENTRY] = sv39_gigapage(RAM_GIGAPAGE);
    asm volatile("sfence.vma" : : : "memory");
    restore_alias = true;
    alias(&sv39_root[ALIAS_ROOT_ENTRY], STALE_ADDR);
    restore_alias = false;
}

static unsigned long walk_va(void)
{
    return WALK_VA;
}

static unsigned long fp_addr(void)
{
    return FP_ADDR;
}

static unsigned long stale_addr(void)
{
    return STALE_ADDR;
}

static const struct probe probes[] = {
    {"walk", probe_walk, EXC_LOAD_ACCESS, walk_va, true, 0, NULL},
    {"fp", probe_fp, EXC_LOAD_ACCESS, fp_addr, true, 0, NULL},
    /* A hart may refetch the code through its page table at any time
     * (priv. spec 4.2.1: no sfence.vma, no guarantee either way): QEMU
     * 10 does at once, QEMU 7.2 runs on from its TLB. */
    {"stale-code", probe_stale_code, EXC_LOAD_ACCESS, stale_addr, true,
     EXC_INST_PAGE_FAULT,
     "the hart refetched the unmapped code (instruction page fault)"},
};

static void load_outside(void)
{
    (void)*(volatile uint32_t *)OUTSIDE_ADDR;
}

static void flood(void)
{
    flood_traps = 0;
    probing = true;
    for (unsigned int i = 0; i < FLOOD; i++)
        load_outside();
    spin_delay(PAUSE);
    load_outside();
    probing = false;
    console_printf("badaccess: flood %u faults taken\n", flood_traps);
}

void mode_main(void)
{
    trap_set_hook(badaccess_trap);
    probes_run("badaccess", probes, ARRAY_SIZE(probes));
    flood();
    system_shutdown();
}
