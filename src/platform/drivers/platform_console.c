/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hypervisor console: the platform's console UART, an NS16550 with the
 * register layout the description (or the generic platform's device tree)
 * gives.
 */
#include "uart8250.h"
#include <core/console.h>
#include <core/platform.h>

static struct uart8250 console_uart(void)
{
    return (struct uart8250){.base = platform.console_uart.base,
                             .reg_shift = platform.console_uart.reg_shift,
                             .reg_width = platform.console_uart.reg_width};
}

static void console_putc(char c)
{
    struct uart8250 uart = console_uart();

    uart8250_putc(&uart, c);
}

static int console_getc(void)
{
    struct uart8250 uart = console_uart();

    return uart8250_getc(&uart);
}

static void console_set_rx_irq(bool on)
{
    struct uart8250 uart = console_uart();

    uart8250_set_rx_irq(&uart, on);
}

const struct console_driver platform_console = {
    .putc = console_putc,
    .getc = console_getc,
    .set_rx_irq = console_set_rx_irq,
};
