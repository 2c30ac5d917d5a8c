/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hypervisor console. The hypervisor owns one UART; its own messages are
 * tagged "[baobab]", and what guests write through SBI is collected per line
 * and tagged "[vmN]" so that VMs printing at once stay readable. Input goes
 * to the VM that has the focus.
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stddef.h>

struct vm;

struct console_driver {
    void (*putc)(char c);
    int (*getc)(void); /* -1 when no character is waiting */
};

void console_init(const struct console_driver *drv);
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Break the console lock: for fault reports from a hart that may hold it. */
void console_force_unlock(void);

void console_vm_putc(struct vm *vm, char c);
void console_vm_write(struct vm *vm, const char *buf, size_t len);
int console_vm_getc(struct vm *vm);
void console_set_focus(unsigned vm_id);

#define log_info(fmt, ...) printk("[baobab] " fmt "\n", ##__VA_ARGS__)
#define log_warn(fmt, ...) printk("[baobab] warning: " fmt "\n", ##__VA_ARGS__)
#define log_error(fmt, ...) printk("[baobab] error: " fmt "\n", ##__VA_ARGS__)

#endif
