/* SPDX-License-Identifier: Apache-2.0 */
/* The hypervisor console on QEMU virt: the NS16550A at 0x10000000. */
#include "../drivers/uart8250.h"
#include <console.h>

static const struct uart8250 console_uart = {.base = 0x10000000UL,
                                             .reg_shift = 0};

static void console_putc(char c)
{
    uart8250_putc(&console_uart, c);
}

static int console_getc(void)
{
    return uart8250_getc(&console_uart);
}

static void console_set_rx_irq(bool on)
{
    uart8250_set_rx_irq(&console_uart, on);
}

const struct console_driver platform_console = {
    .putc = console_putc,
    .getc = console_getc,
    .set_rx_irq = console_set_rx_irq,
};
