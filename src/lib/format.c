/* SPDX-License-Identifier: Apache-2.0 */
#include <lib/format.h>
#include <stdbool.h>
#include <stdint.h>

struct out {
    char *buf;
    size_t size;
    size_t len; /* characters produced, even past the end of buf */
};

struct spec {
    bool left;
    bool zero;
    unsigned width;
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n,
                       const struct spec *sp)
{
    size_t pad = sp->width > n ? sp->width - n : 0;

    if (!sp->left) {
        while (pad--)
            put(o, sp->zero ? '0' : ' ');
    }
    while (n--)
        put(o, *s++);
    if (sp->left) {
        while (pad--)
            put(o, ' ');
    }
}

static void put_number(struct out *o, uint64_t v, unsigned base, bool neg,
                       bool upper, const struct spec *sp)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    size_t n = 0;

    do {
        tmp[sizeof(tmp) - 1 - n++] = digits[v % base];
        v /= base;
    } while (v);
    if (neg) {
        if (sp->zero && sp->width > n + 1) {
            /* Sign goes before the zero padding. */
            struct spec rest = *sp;
            put(o, '-');
            rest.width--;
            put_padded(o, &tmp[sizeof(tmp) - n], n, &rest);
            return;
        }
        tmp[sizeof(tmp) - 1 - n++] = '-';
    }
    put_padded(o, &tmp[sizeof(tmp) - n], n, sp);
}

static const char *parse_spec(const char *fmt, struct spec *sp)
{
    sp->left = false;
    sp->zero = false;
    sp->width = 0;
    while (*fmt == '-' || *fmt == '0') {
        if (*fmt == '-')
            sp->left = true;
        else
            sp->zero = true;
        fmt++;
    }
    while (*fmt >= '0' && *fmt <= '9')
        sp->width = sp->width * 10 + (unsigned)(*fmt++ - '0');
    return fmt;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = {buf, size, 0};

    for (; *fmt; fmt++) {
        struct spec sp;
        int longs = 0;

        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        fmt = parse_spec(fmt + 1, &sp);
        while (*fmt == 'l') {
            longs++;
            fmt++;
        }
        if (*fmt == 'z') {
            longs = 1;
            fmt++;
        }
        switch (*fmt) {
        case 'c': {
            char c = (char)va_arg(ap, int);
            put_padded(&o, &c, 1, &sp);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            size_t n = 0;
            if (!s)
                s = "(null)";
            while (s[n])
                n++;
            put_padded(&o, s, n, &sp);
            break;
        }
        case 'd':
        case 'i': {
            int64_t v = longs ? va_arg(ap, long) : va_arg(ap, int);
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            put_number(&o, mag, 10, v < 0, false, &sp);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            uint64_t v =
                longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            put_number(&o, v, *fmt == 'u' ? 10 : 16, false, *fmt == 'X', &sp);
            break;
        }
        case 'p':
            put(&o, '0');
            put(&o, 'x');
            put_number(&o, (uintptr_t)va_arg(ap, void *), 16, false, false,
                       &sp);
            break;
        case '%':
            put(&o, '%');
            break;
        case '\0':
            fmt--;
            break;
        default:
            put(&o, '%');
            put(&o, *fmt);
            break;
        }
    }
    if (size)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
