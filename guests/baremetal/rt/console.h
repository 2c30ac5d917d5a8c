/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Line-oriented console on top of SBI DBCN or the legacy putchar call, or
 * of a 16550 UART's registers.
 */
#ifndef BAREMETAL_CONSOLE_H
#define BAREMETAL_CONSOLE_H

#include <stdbool.h>

/* Probe DBCN once; safe to call again (idempotent). */
void console_init(void);
bool console_uses_dbcn(void);
/* From now on print through the NS16550A at `base` (polled), not SBI. */
void console_use_uart(unsigned long base);

/*
 * printf subset: %d %i %u %x %s %c %% with optional 'l' length modifier.
 * Each call is emitted atomically with respect to other harts, so pass whole
 * lines (ending in '\n'). Output longer than the line buffer is truncated.
 */
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
