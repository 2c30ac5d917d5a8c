/* SPDX-License-Identifier: Apache-2.0 */
/* Fakes of console.c's functions; see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fakes.h"

#include <core/console.h>

void console_init(const struct console_driver *drv)
{
    fake.console_init_n++;
    fake.console_driver = drv;
}

bool console_ready(void)
{
    return fake.console_driver != NULL;
}

int printk(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(fake.printk_last, sizeof(fake.printk_last), fmt, ap);
    va_end(ap);
    fake.printk_n++;
    if (fake.while_printing)
        fake.while_printing();
    if (fake.printk_all_n < FAKE_PRINTK_ALL_MAX) {
        size_t room = FAKE_PRINTK_ALL_MAX - fake.printk_all_n;
        size_t len = strlen(fake.printk_last);

        if (len > room)
            len = room;
        memcpy(fake.printk_all + fake.printk_all_n, fake.printk_last, len);
        fake.printk_all_n += (unsigned)len;
        fake.printk_all[fake.printk_all_n] = '\0';
    }
    return n;
}

void console_force_unlock(void)
{
}

static void out_char(struct vm *vm, char c)
{
    if (fake.out_n >= FAKE_OUT_MAX)
        fail_msg("fake console output overflows");
    if (fake.out_n && fake.out_vm != vm)
        fail_msg("console output from two VMs in one test");
    fake.out_vm = vm;
    fake.out[fake.out_n++] = c;
    fake.out[fake.out_n] = '\0';
}

void console_vm_putc(struct vm *vm, char c)
{
    fake.putc_n++;
    out_char(vm, c);
}

size_t console_vm_write(struct vm *vm, const char *buf, size_t len)
{
    fake.write_n++;
    if (fake.write_limited) {
        len = len < fake.write_room ? len : fake.write_room;
        fake.write_room -= len;
    }
    for (size_t i = 0; i < len; i++)
        out_char(vm, buf[i]);
    return len;
}

void console_vm_event(struct vm *vm)
{
    (void)vm;
    fake.console_events_n++;
}

void console_vm_flush(struct vm *vm)
{
    fake.console_flushed = vm;
}

int console_vm_getc(struct vm *vm)
{
    (void)vm;
    fake.getc_n++;
    if (!fake.in || !*fake.in)
        return -1;
    return (unsigned char)*fake.in++;
}

void console_set_focus(unsigned vm_id)
{
    (void)vm_id;
    fail_msg("console_set_focus is not faked");
}

void console_rx_interrupt(void)
{
    fail_msg("console_rx_interrupt is not faked");
}

void console_input_room(struct vm *vm)
{
    fake.input_room_n++;
    fake.input_room_vm = vm;
}
