/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "aiaipi": IPIs between two harts by stores into each other's IMSIC
 * interrupt file (AIA 3.5: seteipnum_le at offset 0 of hart i's page, the
 * file base from the tree's riscv,imsics node), as Linux sends them. In a
 * VM in MSI mode these are the vCPUs' guest interrupt files: no store and
 * no interrupt goes through the hypervisor. Then one store beyond the
 * files, which must come back as an access fault and nothing else.
 *
 * Lines: "aiaipi: files at 0x<base>", "aiaipi: <n> round trips by stores
 * into the interrupt files", "aiaipi: a store beyond the files faulted
 * (scause <n>)" or "aiaipi: FAIL ...". Then SRST shutdown.
 *
 * Hart h's file is taken to be hart index h of the node's window (hart
 * index = hart id, rt/irqc.h): true in a VM, and natively on QEMU's
 * virt,aia=aplic-imsic.
 *
 * Scenario: tests/system/configs/aia-ipi.c, tests/system/test_aia.py.
 */
#include <stdint.h>

#include <lib/fdt.h>

#include "config.h"
#include "console.h"
#include "irqc.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

#define ROUNDS 10
#define IPI_ID 1 /* the identity both harts take as their IPI */

static long peer = -1;
static volatile unsigned int at_peer, at_boot;
static volatile bool peer_ready;
static volatile bool probing;
static volatile unsigned long probe_cause;

/* This hart's file: delivery on, identity IPI_ID enabled. */
static void file_on(void)
{
    irqc_file_enable(IPI_ID);
    csr_set(sie, SIE_SEIE);
}

static bool aiaipi_trap(unsigned long scause, struct trap_frame *frame)
{
    unsigned id;

    (void)frame;
    if (probing && scause == EXC_STORE_ACCESS) {
        probe_cause = scause;
        csr_write(sepc, csr_read(sepc) + 4); /* the probe's sw: 4 bytes */
        return true;
    }
    if (scause != (SCAUSE_INTERRUPT | IRQ_S_EXT))
        return false;
    while ((id = irqc_claim(this_hart())) != 0) {
        if (id != IPI_ID)
            continue;
        if ((long)this_hart() == peer) {
            at_peer++;
            irqc_file_send(boot_hart, IPI_ID); /* the answer */
        } else {
            at_boot++;
        }
    }
    return true;
}

static void peer_main(unsigned long hartid, unsigned long opaque)
{
    (void)hartid;
    (void)opaque;
    file_on();
    peer_ready = true;
    irq_wait_until(&at_peer, ~0u); /* answers until the VM ends */
}

void mode_main(void)
{
    mode_hart_fn fn = peer_main;

    irqc_probe(boot_dtb);
    if (!irqc_has_files()) {
        console_printf("aiaipi: FAIL no riscv,imsics node\n");
        system_shutdown();
    }
    console_printf("aiaipi: files at 0x%lx\n", irqc_files_base());
    trap_set_hook(aiaipi_trap);
    file_on();
    csr_set(sstatus, SSTATUS_SIE);
    nharts = smp_count_harts();
    peer = smp_start_mode_hart(fn);
    while (peer >= 0 && !peer_ready)
        ;
    if (peer < 0) {
        console_printf("aiaipi: FAIL no second hart\n");
        system_shutdown();
    }
    for (unsigned int i = 1; i <= ROUNDS; i++) {
        irqc_file_send((unsigned long)peer, IPI_ID);
        irq_wait_until(&at_boot, i);
    }
    console_printf("aiaipi: %u round trips by stores into the interrupt "
                   "files\n",
                   at_peer);
    /* Past the last hart's files: not the VM's. */
    probing = true;
    __asm__ volatile(".option push\n.option norvc\nsw %0, 0(%1)\n.option pop"
                     :
                     : "r"(IPI_ID), "r"(irqc_file_of(nharts))
                     : "memory");
    probing = false;
    if (probe_cause)
        console_printf("aiaipi: a store beyond the files faulted (scause "
                       "%lu)\n",
                       probe_cause);
    else
        console_printf("aiaipi: FAIL a store beyond the files went through\n");
    system_shutdown();
}
