/* SPDX-License-Identifier: Apache-2.0 */
#include <console.h>
#include <lib/format.h>
#include <lib/spinlock.h>
#include <stdarg.h>
#include <vm.h>

#define PRINTK_MAX 256

static const struct console_driver *driver;
static spinlock_t console_lock = SPINLOCK_INIT;
static unsigned focus_vm;

void console_init(const struct console_driver *drv)
{
    driver = drv;
}

static void write_locked(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            driver->putc('\r');
        driver->putc(s[i]);
    }
}

int printk(const char *fmt, ...)
{
    char buf[PRINTK_MAX];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (!driver)
        return n;
    spin_lock(&console_lock);
    write_locked(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    spin_unlock(&console_lock);
    return n;
}

void console_force_unlock(void)
{
    spin_unlock(&console_lock);
}

static void flush_vm_line(struct vm *vm)
{
    vm->line[vm->line_len] = '\0';
    printk("[vm%u] %s\n", vm->id, vm->line);
    vm->line_len = 0;
}

void console_vm_putc(struct vm *vm, char c)
{
    spin_lock(&vm->line_lock);
    if (c == '\n') {
        flush_vm_line(vm);
    } else if (c != '\r') {
        vm->line[vm->line_len++] = c;
        if (vm->line_len == VM_LINE_MAX)
            flush_vm_line(vm);
    }
    spin_unlock(&vm->line_lock);
}

void console_vm_write(struct vm *vm, const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        console_vm_putc(vm, buf[i]);
}

int console_vm_getc(struct vm *vm)
{
    if (!driver || vm->id != focus_vm)
        return -1;
    return driver->getc();
}

void console_set_focus(unsigned vm_id)
{
    focus_vm = vm_id;
}
