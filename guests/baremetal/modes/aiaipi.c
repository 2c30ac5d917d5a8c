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
 * Hart h's file is taken to be page h of the node's window (hart index =
 * hart id, no guest index bits): true in a VM, and natively on QEMU's
 * virt,aia=aplic-imsic without aia-guests.
 *
 * Scenario: tests/system/configs/aia-ipi.c, tests/system/test_aia.py.
 */
#include <stdint.h>

#include <lib/fdt.h>

#include "config.h"
#include "console.h"
#include "dtb.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

#define ROUNDS 10
#define IPI_ID 1 /* the identity both harts take as their IPI */
#define FILE_SIZE 0x1000
#define IMSIC_EIDELIVERY 0x70
#define IMSIC_EITHRESHOLD 0x72
#define IMSIC_EIE0 0xc0
#define IMSIC_TOPEI_ID_SHIFT 16
#define IMSIC_TOPEI_ID_MASK 0x7ff

static unsigned long files;
static long peer = -1;
static volatile unsigned int at_peer, at_boot;
static volatile bool peer_ready;
static volatile bool probing;
static volatile unsigned long probe_cause;

static void send(unsigned long hart)
{
    *(volatile uint32_t *)(files + hart * FILE_SIZE) = IPI_ID;
}

/* This hart's file: delivery on, identity IPI_ID enabled. */
static void file_on(void)
{
    csr_write(0x150, IMSIC_EITHRESHOLD);
    csr_write(0x151, 0);
    csr_write(0x150, IMSIC_EIE0);
    csr_set(0x151, 1UL << IPI_ID);
    csr_write(0x150, IMSIC_EIDELIVERY);
    csr_write(0x151, 1);
    csr_set(sie, SIE_SEIE);
}

static bool aiaipi_trap(unsigned long scause, struct trap_frame *frame)
{
    unsigned long top;

    (void)frame;
    if (probing && scause == EXC_STORE_ACCESS) {
        probe_cause = scause;
        csr_write(sepc, csr_read(sepc) + 4); /* the probe's sw: 4 bytes */
        return true;
    }
    if (scause != (SCAUSE_INTERRUPT | IRQ_S_EXT))
        return false;
    /* Claim: reading and writing stopei at once. */
    while ((top = csr_read_clear(0x15c, ~0UL)) != 0) {
        if ((top >> IMSIC_TOPEI_ID_SHIFT & IMSIC_TOPEI_ID_MASK) != IPI_ID)
            continue;
        if ((long)this_hart() == peer) {
            at_peer++;
            send(boot_hart); /* the answer */
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

static unsigned long find_files(void)
{
    const void *blob = dtb_open(boot_dtb, NULL);
    int node = blob ? fdt_next_compatible(blob, -1, "riscv,imsics") : -1;
    uint64_t base;

    return node >= 0 && fdt_reg(blob, node, 0, &base, NULL) ? base : 0;
}

void mode_main(void)
{
    mode_hart_fn fn = peer_main;

    files = find_files();
    if (!files) {
        console_printf("aiaipi: FAIL no riscv,imsics node\n");
        system_shutdown();
    }
    console_printf("aiaipi: files at 0x%lx\n", files);
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
        send((unsigned long)peer);
        irq_wait_until(&at_boot, i);
    }
    console_printf("aiaipi: %u round trips by stores into the interrupt "
                   "files\n",
                   at_peer);
    /* One page past the last hart's file: not the VM's. */
    probing = true;
    __asm__ volatile(".option push\n.option norvc\nsw %0, 0(%1)\n.option pop"
                     :
                     : "r"(IPI_ID), "r"(files + nharts * FILE_SIZE)
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
