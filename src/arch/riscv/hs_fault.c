/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A trap taken in HS-mode is a hypervisor bug: report everything and park
 * the hart. It never returns and never hangs silently.
 */
#include <arch/csr.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/cpu.h>
#include <stdint.h>

void hs_fault_handler(const uint64_t *regs);

static const char *const reg_names[32] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

/*
 * The hart: tp points at its struct cpu from boot.S's first instructions on,
 * so its index in cpus[] is the hart id even before that struct is set up.
 */
static void print_hart(uint64_t tp)
{
    uint64_t first = (uint64_t)(uintptr_t)&cpus[0];

    if (tp >= first && tp < first + sizeof(cpus) &&
        (tp - first) % sizeof(struct cpu) == 0)
        printk("[baobab] FATAL: hypervisor trap on hart %lu\n",
               (unsigned long)((tp - first) / sizeof(struct cpu)));
    else
        printk("[baobab] FATAL: hypervisor trap on an unknown hart (tp "
               "0x%lx)\n",
               (unsigned long)tp);
}

void hs_fault_handler(const uint64_t *regs)
{
    /* A fault before the console is chosen still gets reported. */
    if (!console_ready())
        console_init(arch_firmware_console());
    console_force_unlock();
    print_hart(regs[4]);
    printk("[baobab]   scause 0x%lx sepc 0x%lx stval 0x%lx\n",
           csr_read(CSR_SCAUSE), csr_read(CSR_SEPC), csr_read(CSR_STVAL));
    printk("[baobab]   sstatus 0x%lx hstatus 0x%lx htval 0x%lx htinst 0x%lx\n",
           csr_read(CSR_SSTATUS), csr_read(CSR_HSTATUS), csr_read(CSR_HTVAL),
           csr_read(CSR_HTINST));
    for (unsigned i = 1; i < 32; i += 4) {
        printk("[baobab]   %-4s %016lx %-4s %016lx %-4s %016lx", reg_names[i],
               regs[i], reg_names[i + 1], regs[i + 1], reg_names[i + 2],
               regs[i + 2]);
        if (i + 3 < 32)
            printk(" %-4s %016lx", reg_names[i + 3], regs[i + 3]);
        printk("\n");
    }
    printk("[baobab] hart halted\n");
}
