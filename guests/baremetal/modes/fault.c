/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "fault": a load, a store and an instruction fetch at PROBE_ADDR, a
 * guest-physical address that is neither RAM nor a device of the VM. Each
 * must raise the matching access fault (scause 5, 7, 1); the handler reports
 * it and resumes after the access. Then the guest stays alive, printing
 * "fault: alive N" every 200 ms, to show the faults did not kill it.
 *
 * Scenario: configs/fault-containment.c (VM 0, beside a ticker),
 * tests/system/test_faults.py.
 */
#include <stdint.h>

#include <lib/util.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "periodic.h"
#include "riscv.h"
#include "trap.h"

/*
 * Neither RAM nor a device of the VM. Natively on QEMU virt, 0x40000000 is
 * the PCIe MMIO window, which reads as all ones instead of faulting; build
 * with FAULT_ADDR=<addr> (e.g. 0x10200000, unassigned there) to check this
 * mode natively.
 */
#ifdef FAULT_PROBE_ADDR
#define PROBE_ADDR ((unsigned long)(FAULT_PROBE_ADDR))
#else
#define PROBE_ADDR 0x40000000UL
#endif

#define ALIVE_INTERVAL (TIMEBASE_HZ / 5) /* 200 ms */

static volatile bool probing;
static volatile unsigned int faults; /* traps taken by the current probe */
static volatile unsigned long fault_cause;
static volatile unsigned long fault_tval;

static bool fault_trap(unsigned long scause, struct trap_frame *frame)
{
    if (scause & SCAUSE_INTERRUPT)
        return scause == (SCAUSE_INTERRUPT | IRQ_S_TIMER) &&
               periodic_interrupt();
    if (!probing)
        return false;

    unsigned long epc = csr_read(sepc);
    unsigned long tval = csr_read(stval);

    fault_cause = scause;
    fault_tval = tval;
    faults++;
    console_printf("fault: caught scause=0x%lx stval=0x%lx\n", scause, tval);
    if (epc == PROBE_ADDR)
        /* The fetch itself faulted: return to the caller, as the call
         * would have. */
        csr_write(sepc, frame->ra);
    else
        csr_write(sepc, epc + insn_length(epc)); /* skip the access */
    return true;
}

static void probe_load(void)
{
    (void)*(volatile uint32_t *)PROBE_ADDR;
}

static void probe_store(void)
{
    *(volatile uint32_t *)PROBE_ADDR = 0;
}

static void probe_fetch(void)
{
    void (*volatile target)(void) = (void (*)(void))PROBE_ADDR;
    target(); /* jalr: ra = the return address, pc = PROBE_ADDR */
    /* Code after the call keeps it a real call (jalr), not a tail jump. */
    asm volatile("" : : : "memory");
}

struct probe {
    const char *name;
    void (*run)(void);
    unsigned long expect; /* scause */
};

static const struct probe probes[] = {
    {"load", probe_load, EXC_LOAD_ACCESS},
    {"store", probe_store, EXC_STORE_ACCESS},
    {"fetch", probe_fetch, EXC_INST_ACCESS},
};

/* Runs one probe; true if exactly the expected fault was taken. stval may
 * hold the address or 0 (the privileged spec allows either). */
static bool run_probe(const struct probe *p)
{
    faults = 0;
    probing = true;
    p->run();
    probing = false;

    if (faults == 0) {
        console_printf("fault: FAIL %s: no trap\n", p->name);
        return false;
    }
    if (faults != 1 || fault_cause != p->expect ||
        (fault_tval != PROBE_ADDR && fault_tval != 0)) {
        console_printf("fault: FAIL %s: %u traps, last scause=0x%lx "
                       "stval=0x%lx, expected scause=0x%lx\n",
                       p->name, faults, fault_cause, fault_tval, p->expect);
        return false;
    }
    return true;
}

void mode_main(void)
{
    unsigned int passed = 0;

    trap_set_hook(fault_trap);
    console_printf("fault: poking 0x%lx\n", PROBE_ADDR);
    for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++)
        passed += run_probe(&probes[i]);
    if (passed == ARRAY_SIZE(probes))
        console_printf("fault: ok\n");

    periodic_start(ALIVE_INTERVAL);
    for (unsigned int n = 1;; n++) {
        periodic_wait(n);
        console_printf("fault: alive %u\n", n);
    }
}
