/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "uart": line echo driven by the UART receive interrupt through the
 * interrupt controller the device tree names (PLIC or APLIC, rt/irqc.c). The
 * interrupt handler only moves received bytes into a ring; the main loop
 * assembles lines and prints each one as uart: got "<line>" (N interrupts)
 * where N counts UART interrupts (claims of UART_IRQ) since boot. The line
 * "quit" prints "uart: bye" and shuts the system down. Every line goes out
 * through the UART's own transmit register, not SBI, and a burst of
 * BURST_LINES lines right after "uart: ready" shows whether lines of
 * guests printing at the same time on a shared (emulated) UART stay whole.
 *
 * Scenarios: configs/baremetal-uart.c (tests/system/test_interrupts.py,
 * test_dtb.py) and tests/system/configs/shared-uart.c (two VMs,
 * tests/system/test_shared_uart.py).
 */
#include <stdint.h>

#include "console.h"
#include "irqc.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "trap.h"

/* NS16550A at 0x10000000, byte registers; DLAB = 0 is assumed (the firmware
 * that set the baud rate left it cleared). */
#define UART_BASE 0x10000000UL
#define UART_RBR 0        /* receiver buffer (read) */
#define UART_IER 1        /* interrupt enable */
#define UART_LSR 5        /* line status */
#define UART_IER_RDA 0x01 /* received data available */
#define UART_LSR_DR 0x01  /* data ready */
#define UART_IRQ 10

#define BURST_LINES 8

#define RING_SIZE 256 /* power of two */
#define LINE_LEN 64   /* longer lines are cut */

static unsigned long irq_hart;

/* Written by the interrupt handler only. */
static volatile char ring[RING_SIZE];
static volatile unsigned int ring_head;
static volatile unsigned int uart_irqs;    /* claims of UART_IRQ */
static volatile unsigned int empty_claims; /* claims that returned 0 */
static volatile unsigned int other_claims; /* claims of other sources */
static volatile unsigned int dropped;      /* bytes lost to a full ring */

/* Written by the main loop only. */
static volatile unsigned int ring_tail;

static uint8_t uart_read(unsigned int reg)
{
    return *(volatile uint8_t *)(UART_BASE + reg);
}

static void uart_write(unsigned int reg, uint8_t v)
{
    *(volatile uint8_t *)(UART_BASE + reg) = v;
}

/* Reading RBR until LSR.DR clears empties the FIFO, which deasserts the
 * received-data interrupt. */
static void uart_drain(void)
{
    while (uart_read(UART_LSR) & UART_LSR_DR) {
        char c = (char)uart_read(UART_RBR);
        if (ring_head - ring_tail < RING_SIZE)
            ring[ring_head++ % RING_SIZE] = c;
        else
            dropped++;
    }
}

static bool uart_trap(unsigned long scause, struct trap_frame *frame)
{
    (void)frame;
    if (scause != (SCAUSE_INTERRUPT | IRQ_S_EXT))
        return false;

    unsigned irq = irqc_claim(irq_hart);
    if (irq == 0) {
        empty_claims++; /* nothing pending (any more): not an error */
        return true;
    }
    if (irq == UART_IRQ) {
        uart_irqs++;
        uart_drain();
    } else {
        other_claims++;
    }
    irqc_complete(irq_hart, irq);
    return true;
}

static void uart_irq_setup(unsigned long hart)
{
    irq_hart = hart;
    irqc_enable(hart, UART_IRQ, true); /* level: data waiting */

    uart_write(UART_IER, UART_IER_RDA);
    csr_set(sie, SIE_SEIE);
    csr_set(sstatus, SSTATUS_SIE);
}

static bool streq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* Shuts the system down. */
static void __attribute__((noreturn)) quit(void)
{
    console_printf("uart: bye\n");
    csr_clear(sstatus, SSTATUS_SIE);
    uart_write(UART_IER, 0);
    system_shutdown();
}

void mode_main(void)
{
    char line[LINE_LEN + 1];
    unsigned int len = 0;

    console_use_uart(UART_BASE);
    irqc_probe(boot_dtb);
    trap_set_hook(uart_trap);
    uart_irq_setup(this_hart());
    console_printf("uart: ready (printing through the 16550 at 0x%lx, "
                   "interrupts through the %s)\n",
                   UART_BASE, irqc_name());
    for (unsigned int i = 1; i <= BURST_LINES; i++)
        console_printf("uart: burst %u of %u "
                       "abcdefghijklmnopqrstuvwxyz0123456789\n",
                       i, BURST_LINES);

    for (;;) {
        /* Masked while the ring is checked, so an interrupt arriving before
         * wfi still wakes it (see irq_wait_until). */
        csr_clear(sstatus, SSTATUS_SIE);
        while (ring_tail != ring_head) {
            char c = ring[ring_tail % RING_SIZE];
            ring_tail++;
            if (c != '\r' && c != '\n') {
                if (len < LINE_LEN)
                    line[len++] = c;
                continue;
            }
            if (len == 0)
                continue; /* empty line, or the '\n' of "\r\n" */
            line[len] = '\0';
            len = 0;
            console_printf("uart: got \"%s\" (%u interrupts)\n", line,
                           uart_irqs);
            if (streq(line, "quit"))
                quit();
        }
        wfi();
        csr_set(sstatus, SSTATUS_SIE);
    }
}
