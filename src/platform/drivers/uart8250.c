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

static uintptr_t reg(const struct uart8250 *uart, unsigned n)
{
    return uart->base + ((uintptr_t)n << uart->reg_shift);
}

static uint8_t rd(const struct uart8250 *uart, unsigned n)
{
    if (uart->reg_width == 4)
        return (uint8_t) * (volatile uint32_t *)reg(uart, n);
    return *(volatile uint8_t *)reg(uart, n);
}

static void wr(const struct uart8250 *uart, unsigned n, uint8_t v)
{
    if (uart->reg_width == 4)
        *(volatile uint32_t *)reg(uart, n) = v;
    else
        *(volatile uint8_t *)reg(uart, n) = v;
}

void uart8250_putc(const struct uart8250 *uart, char c)
{
    while (!(rd(uart, UART_LSR) & LSR_THR_EMPTY))
        ;
    wr(uart, UART_THR, (uint8_t)c);
}

int uart8250_getc(const struct uart8250 *uart)
{
    if (!(rd(uart, UART_LSR) & LSR_DATA_READY))
        return -1;
    return rd(uart, UART_RBR);
}

/* Only the receive bit: an XScale UART's IER also holds its unit enable
 * (bit 6), which the firmware set and which must stay. */
void uart8250_set_rx_irq(const struct uart8250 *uart, bool on)
{
    uint8_t ier = rd(uart, UART_IER);

    wr(uart, UART_IER, on ? ier | IER_RX_DATA : ier & ~IER_RX_DATA);
}
