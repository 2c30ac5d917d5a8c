/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fakes of vm_uart.c's functions, one receive FIFO for whichever VM; see
 * fakes.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/vm_uart.h>

int vm_uart_init(struct vm *vm)
{
    (void)vm;
    fail_msg("vm_uart_init is not faked");
    return -1;
}

void vm_uart_reset(struct vm *vm)
{
    fake.uart_reset_n++;
    fake.uart_reset_vm = vm;
}

bool vm_uart_takes_input(const struct vm *vm)
{
    (void)vm;
    return fake.uart_takes_input;
}

void vm_uart_rx(struct vm *vm, char c)
{
    if (fake.uart_room == 0)
        fail_msg("vm_uart_rx with no room");
    if (fake.uart_rx_n >= FAKE_OUT_MAX)
        fail_msg("fake UART input overflows");
    fake.uart_room--;
    fake.uart_rx_vm = vm;
    fake.uart_rx[fake.uart_rx_n++] = c;
    fake.uart_rx[fake.uart_rx_n] = '\0';
}

unsigned vm_uart_rx_room(struct vm *vm)
{
    (void)vm;
    return fake.uart_room;
}

int vm_uart_getc(struct vm *vm)
{
    (void)vm;
    if (!fake.uart_in || !*fake.uart_in)
        return -1;
    return (unsigned char)*fake.uart_in++;
}
