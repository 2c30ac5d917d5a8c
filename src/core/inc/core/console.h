/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hypervisor console. The hypervisor owns one UART; its own messages are
 * tagged "[baobab]", and what guests write through SBI is collected per line
 * and tagged "[vmN]" so that VMs printing at once stay readable. Input goes
 * to the VM that has the focus (CONSOLE_ESCAPE, then its number).
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

struct vm;

struct console_driver {
    void (*putc)(char c);
    int (*getc)(void);           /* -1 when no character is waiting */
    void (*set_rx_irq)(bool on); /* interrupt when a character arrives */
};

/* Ctrl-\ then a VM number moves console input to that VM. */
#define CONSOLE_ESCAPE 0x1c

void console_init(const struct console_driver *drv);
/* Whether console_init has chosen a driver (printk prints nothing before). */
bool console_ready(void);
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Break the console locks: for fault reports from a hart that may hold
 * them. */
void console_force_unlock(void);

/*
 * A VM's output: console_vm_write takes what fits in the VM's buffer and
 * returns how much (0 when it is full: the caller says "busy"), never
 * waiting for the UART; console_vm_putc, which cannot say busy, waits
 * while the VM's own buffer is full. console_vm_event is the
 * CPU_EV_CONSOLE event: print what the VM's buffer holds.
 */
size_t console_vm_write(struct vm *vm, const char *buf, size_t len);
void console_vm_putc(struct vm *vm, char c);
void console_vm_event(struct vm *vm);
/* Print all the VM's buffered output now (it is going down). */
void console_vm_flush(struct vm *vm);
/* SBI console input: what was typed for the VM, -1 when nothing. */
int console_vm_getc(struct vm *vm);
void console_set_focus(unsigned vm_id);
/*
 * The console UART's receive interrupt: read everything typed, act on
 * console commands, and pass the rest to the focus VM as its receive FIFO
 * takes it; console_input_room() is the VM's call that it took some.
 */
void console_rx_interrupt(void);
void console_input_room(struct vm *vm);

#define log_info(fmt, ...) printk("[baobab] " fmt "\n", ##__VA_ARGS__)
#define log_warn(fmt, ...) printk("[baobab] warning: " fmt "\n", ##__VA_ARGS__)
#define log_error(fmt, ...) printk("[baobab] error: " fmt "\n", ##__VA_ARGS__)

#endif
