/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "exceptions": the guest's own exceptions reach the guest. Each probe
 * raises one exception, which the guest's handler must take with the right
 * scause (and stval where the privileged spec fixes it) and then resume
 * after the faulting instruction:
 *
 *   illegal       an all-zero halfword (defined illegal)      scause 2
 *   breakpoint    ebreak                                       scause 3
 *   lr-misaligned lr.w from an odd address                     scause 4
 *   amo-misaligned amoadd.w to an odd address                  scause 6
 *   load-pf, store-pf, fetch-pf  with the guest's own Sv39 table, at a
 *                 virtual address it leaves unmapped           scause 13, 15,
 * 12
 *
 * Lines: "exceptions: <probe> scause=<n> ok" or "exceptions: FAIL <probe>:
 * ...", then "exceptions: ok" if all passed, then SRST shutdown.
 *
 * Scenario: tests/system/configs/exceptions.c,
 * tests/system/test_exceptions.py (which also runs the image natively).
 */
#include <stddef.h>
#include <stdint.h>

#include <lib/util.h>

#include "mode.h"
#include "probe.h"
#include "riscv.h"
#include "sv39.h"
#include "trap.h"

static uint32_t aligned_words[2] __attribute__((aligned(8)));

static unsigned long odd_address(void)
{
    return (unsigned long)(uintptr_t)aligned_words + 1;
}

static bool exceptions_trap(unsigned long scause, struct trap_frame *frame)
{
    if ((scause & SCAUSE_INTERRUPT) || !probing)
        return false;
    unsigned long epc = csr_read(sepc);

    probe_record(scause);
    if (epc == SV39_UNMAPPED_VA)
        csr_write(sepc, frame->ra); /* the fetch faulted: return as a call */
    else
        csr_write(sepc, epc + insn_length(epc));
    return true;
}

static void probe_illegal(void)
{
    asm volatile(".2byte 0");
}

static void probe_breakpoint(void)
{
    asm volatile("ebreak");
}

static void probe_lr_misaligned(void)
{
    unsigned long v;
    asm volatile("lr.w %0, (%1)" : "=r"(v) : "r"(odd_address()) : "memory");
}

static void probe_amo_misaligned(void)
{
    asm volatile("amoadd.w zero, zero, (%0)" : : "r"(odd_address()) : "memory");
}

static void probe_load_page_fault(void)
{
    (void)*(volatile uint32_t *)SV39_UNMAPPED_VA;
}

static void probe_store_page_fault(void)
{
    *(volatile uint32_t *)SV39_UNMAPPED_VA = 0;
}

static void probe_fetch_page_fault(void)
{
    void (*volatile target)(void) = (void (*)(void))SV39_UNMAPPED_VA;
    target();                        /* jalr: ra = the return address */
    asm volatile("" : : : "memory"); /* keep it a call, not a tail jump */
}

static unsigned long unmapped_va(void)
{
    return SV39_UNMAPPED_VA;
}

static const struct probe probes[] = {
    {"illegal", probe_illegal, EXC_ILLEGAL_INSN, NULL, false, 0, NULL},
    {"breakpoint", probe_breakpoint, EXC_BREAKPOINT, NULL, false, 0, NULL},
    {"lr-misaligned", probe_lr_misaligned, EXC_LOAD_MISALIGNED, odd_address,
     false, 0, NULL},
    {"amo-misaligned", probe_amo_misaligned, EXC_STORE_MISALIGNED, odd_address,
     false, 0, NULL},
    {"load-pf", probe_load_page_fault, EXC_LOAD_PAGE_FAULT, unmapped_va, true,
     0, NULL},
    {"store-pf", probe_store_page_fault, EXC_STORE_PAGE_FAULT, unmapped_va,
     true, 0, NULL},
    {"fetch-pf", probe_fetch_page_fault, EXC_INST_PAGE_FAULT, unmapped_va, true,
     0, NULL},
};

void mode_main(void)
{
    trap_set_hook(exceptions_trap);
    probes_run("exceptions", probes, ARRAY_SIZE(probes));
    system_shutdown();
}
