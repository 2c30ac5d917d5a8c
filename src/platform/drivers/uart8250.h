/* SPDX-License-Identifier: Apache-2.0 */
/* NS16550-compatible UART: the hypervisor console. Output is polled; input
 * raises the receive interrupt once enabled. */
#ifndef UART8250_H
#define UART8250_H

#include <stdbool.h>
#include <stdint.h>

struct uart8250 {
    uintptr_t base;
    unsigned reg_shift; /* registers are 1 << reg_shift bytes apart */
    unsigned reg_width; /* 4: 32-bit accesses (DesignWare APB); else 8-bit */
};

void uart8250_putc(const struct uart8250 *uart, char c);
int uart8250_getc(const struct uart8250 *uart); /* -1 if none waiting */
void uart8250_set_rx_irq(const struct uart8250 *uart, bool on);

#endif
