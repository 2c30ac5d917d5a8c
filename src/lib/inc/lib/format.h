/* SPDX-License-Identifier: Apache-2.0 */
/*
 * printf-style formatting into a buffer. Supports %c %s %d %i %u %x %X %p
 * %%, the l and ll length modifiers, '0' padding, '-' and a field width.
 */
#ifndef LIB_FORMAT_H
#define LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
