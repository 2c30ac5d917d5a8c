/* SPDX-License-Identifier: Apache-2.0 */
#include "console.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "riscv.h"
#include "sbi.h"

#define LINE_MAX 192

/* NS16550A registers the console writes when told to (console_use_uart). */
#define UART_THR 0         /* transmit holding (write) */
#define UART_LSR 5         /* line status */
#define UART_LSR_THRE 0x20 /* transmit holding register empty */

static bool use_dbcn;
static volatile uint8_t *uart; /* NULL: print through SBI */

/*
 * Whole-line lock (amoswap spinlock). line_owner records the holder
 * (hart id + 1, 0 = free) so that a trap taken while this hart prints (an
 * exception inside the SBI call, say) can still report instead of deadlocking.
 */
static volatile unsigned int line_lock;
static volatile unsigned long line_owner;

void console_init(void)
{
    struct sbiret r = sbi_probe_extension(SBI_EXT_DBCN);
    use_dbcn = r.error == SBI_SUCCESS && r.value != 0;
}

bool console_uses_dbcn(void)
{
    return use_dbcn;
}

void console_use_uart(unsigned long base)
{
    uart = (volatile uint8_t *)base;
}

/* Polled transmit; '\n' goes out as "\r\n" for a terminal. */
static void uart_putc(char c)
{
    if (c == '\n')
        uart_putc('\r');
    while (!(uart[UART_LSR] & UART_LSR_THRE))
        ;
    uart[UART_THR] = (uint8_t)c;
}

/*
 * Returns the saved sstatus.SIE bit. Interrupts stay off while the lock is
 * held: a handler that prints on the same hart would otherwise spin forever.
 * *nested is set when this hart already holds the lock (trap re-entry).
 */
static unsigned long line_lock_acquire(bool *nested)
{
    unsigned long sie = csr_read_clear(sstatus, SSTATUS_SIE) & SSTATUS_SIE;
    unsigned long me = this_hart() + 1;
    unsigned int busy;

    *nested = line_owner == me;
    if (*nested)
        return sie;
    do {
        busy = __atomic_exchange_n(&line_lock, 1, __ATOMIC_ACQUIRE);
    } while (busy);
    line_owner = me;
    return sie;
}

static void line_lock_release(unsigned long sie, bool nested)
{
    if (!nested) {
        line_owner = 0;
        asm volatile("amoswap.w.rl zero, zero, (%0)"
                     :
                     : "r"(&line_lock)
                     : "memory");
    }
    if (sie)
        csr_set(sstatus, SSTATUS_SIE);
}

static void console_write(const char *s, size_t len)
{
    if (uart) {
        for (size_t i = 0; i < len; i++)
            uart_putc(s[i]);
        return;
    }
    while (use_dbcn && len > 0) {
        /* satp is 0, so the virtual address is the physical address. */
        struct sbiret r = sbi_debug_console_write(len, (unsigned long)s, 0);
        if (r.error != SBI_SUCCESS || r.value < 0 || (size_t)r.value > len)
            break; /* fall back to the legacy call for the rest */
        /* A short (even empty) write just means "busy": send the rest. */
        s += r.value;
        len -= (size_t)r.value;
    }
    while (len-- > 0)
        sbi_legacy_console_putchar(*s++);
}

struct line {
    char buf[LINE_MAX];
    size_t len;
};

static void line_putc(struct line *l, char c)
{
    if (l->len < sizeof(l->buf))
        l->buf[l->len++] = c;
}

static void line_puts(struct line *l, const char *s)
{
    if (!s)
        s = "(null)";
    while (*s)
        line_putc(l, *s++);
}

static void line_putu(struct line *l, unsigned long v, unsigned int base)
{
    char digits[24];
    int n = 0;

    do {
        digits[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (n > 0)
        line_putc(l, digits[--n]);
}

static void line_format(struct line *l, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            line_putc(l, *fmt);
            continue;
        }
        bool is_long = false;
        while (*++fmt == 'l')
            is_long = true;
        switch (*fmt) {
        case 'd':
        case 'i': {
            long v = is_long ? va_arg(ap, long) : va_arg(ap, int);
            unsigned long mag = (unsigned long)v;
            if (v < 0) {
                line_putc(l, '-');
                mag = -mag;
            }
            line_putu(l, mag, 10);
            break;
        }
        case 'u':
        case 'x': {
            unsigned long v =
                is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            line_putu(l, v, *fmt == 'x' ? 16 : 10);
            break;
        }
        case 's':
            line_puts(l, va_arg(ap, const char *));
            break;
        case 'c':
            line_putc(l, (char)va_arg(ap, int));
            break;
        case '%':
            line_putc(l, '%');
            break;
        case '\0':
            return; /* stray '%' at the end of the format */
        default:
            line_putc(l, '%');
            line_putc(l, *fmt);
            break;
        }
    }
}

void console_printf(const char *fmt, ...)
{
    struct line l;
    va_list ap;
    bool nested;

    l.len = 0;
    va_start(ap, fmt);
    line_format(&l, fmt, ap);
    va_end(ap);

    unsigned long sie = line_lock_acquire(&nested);
    console_write(l.buf, l.len);
    line_lock_release(sie, nested);
}
