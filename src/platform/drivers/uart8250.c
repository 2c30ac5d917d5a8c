/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The firmware has already programmed the line settings, so this driver
 * only moves bytes. Register numbers from the NS16550A data sheet.
 */
#include "uart8250.h"

#define UART_RBR 0       /* receive buffer (read) */
#define UART_THR 0       /* transmit holding (write) */
#define UART_IER 1       /* interrupt enable */
#define UART_LSR 5       /* line status */
#define IER_RX_DATA 0x01 /* received data available */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

static volatile uint8_t *reg(const struct uart8250 *uart, unsigned n)
{
    return (volatile uint8_t *)(uart->base + ((uintptr_t)n << uart->reg_shift));
}

void uart8250_putc(const struct uart8250 *uart, char c)
{
    while (!(*reg(uart, UART_LSR) & LSR_THR_EMPTY))
        ;
    *reg(uart, UART_THR) = (uint8_t)c;
}

int uart8250_getc(const struct uart8250 *uart)
{
    if (!(*reg(uart, UART_LSR) & LSR_DATA_READY))
        return -1;
    return *reg(uart, UART_RBR);
}

void uart8250_set_rx_irq(const struct uart8250 *uart, bool on)
{
    *reg(uart, UART_IER) = on ? IER_RX_DATA : 0;
}
