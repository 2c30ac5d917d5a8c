/* SPDX-License-Identifier: Apache-2.0 */
#include <core/arch_hooks.h>
#include <core/config_query.h>
#include <core/console.h>
#include <core/irq.h>
#include <core/platform.h>
#include <core/vm.h>
#include <core/vm_uart.h>

static bool has_uart(const struct vm *vm)
{
    return vm->uart.emulated;
}

/*
 * Drive the interrupt from the register state. vm->uart.lock is held, so
 * the level a change produced reaches the interrupt controller before any
 * later change's (lock order: uart.lock, then the VM's irq_lock).
 */
static void sync_line_locked(struct vm *vm)
{
    if (platform.console_uart.irq)
        arch_virq_set_level(vm, platform.console_uart.irq,
                            vuart_irq_line(&vm->uart.regs));
}

/*
 * The register an access names, in the real UART's layout (the guest's
 * tree describes that one): registers 1 << reg_shift bytes apart, read and
 * written a byte or reg_width bytes at a time. -1: not a register.
 */
static int64_t uart_register(uint64_t offset, unsigned width)
{
    unsigned shift = platform.console_uart.reg_shift;
    unsigned wide = platform.console_uart.reg_width;

    if (width != VUART_REG_SIZE && width != wide)
        return -1;
    if (offset & ((1UL << shift) - 1))
        return -1;
    return (int64_t)(offset >> shift);
}

static int uart_access(struct vcpu *vcpu, uint64_t offset, unsigned width,
                       bool write, uint64_t *value)
{
    struct vm *vm = vcpu->vm;
    struct vuart_result r = {0};
    int64_t reg = uart_register(offset, width);

    if (reg < 0)
        return -1;
    offset = (uint64_t)reg;
    spin_lock(&vm->uart.lock);
    if (write)
        r = vuart_write(&vm->uart.regs, offset, (uint8_t)*value);
    else
        *value = vuart_read(&vm->uart.regs, offset);
    sync_line_locked(vm);
    spin_unlock(&vm->uart.lock);
    if (r.transmitted)
        console_vm_putc(vm, (char)r.byte);
    if (!write)
        console_input_room(vm);
    return 0;
}

/* The guest completed the UART's interrupt: raise it again if asserted. */
static void irq_completed(struct vm *vm, unsigned id)
{
    (void)id;
    spin_lock(&vm->uart.lock);
    sync_line_locked(vm);
    spin_unlock(&vm->uart.lock);
}

int vm_uart_init(struct vm *vm)
{
    vuart_reset(&vm->uart.regs);
    vm->uart.emulated =
        !vm_owns_console_uart(&config, vm->id, platform.console_uart.base,
                              platform.console_uart.size);
    if (!has_uart(vm))
        return 0;
    if (platform.console_uart.irq &&
        vm_virq_add(vm, platform.console_uart.irq, irq_completed))
        return -1;
    return vm_add_emul(vm, platform.console_uart.base,
                       platform.console_uart.size, uart_access);
}

void vm_uart_reset(struct vm *vm)
{
    spin_lock(&vm->uart.lock);
    vuart_reset(&vm->uart.regs);
    sync_line_locked(vm);
    spin_unlock(&vm->uart.lock);
}

bool vm_uart_takes_input(const struct vm *vm)
{
    return has_uart(vm) && vm->state == VM_RUNNING;
}

void vm_uart_rx(struct vm *vm, char c)
{
    if (!has_uart(vm))
        return;
    spin_lock(&vm->uart.lock);
    vuart_rx_push(&vm->uart.regs, (uint8_t)c);
    sync_line_locked(vm);
    spin_unlock(&vm->uart.lock);
}

unsigned vm_uart_rx_room(struct vm *vm)
{
    unsigned room;

    if (!has_uart(vm))
        return 0;
    spin_lock(&vm->uart.lock);
    room = vuart_rx_room(&vm->uart.regs);
    spin_unlock(&vm->uart.lock);
    return room;
}

int vm_uart_getc(struct vm *vm)
{
    int c;

    if (!has_uart(vm))
        return -1;
    spin_lock(&vm->uart.lock);
    c = vuart_rx_take(&vm->uart.regs);
    sync_line_locked(vm);
    spin_unlock(&vm->uart.lock);
    if (c >= 0)
        console_input_room(vm);
    return c;
}
