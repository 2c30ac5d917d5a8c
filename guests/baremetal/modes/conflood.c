/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "conflood": a VM that prints as fast as it can, by every path a
 * guest has to the console, round after round: one SBI DBCN write of
 * CHUNK bytes (LINES lines), one line by the legacy putchar call, one line
 * through the emulated 16550's transmit register (at 0x10000000, which
 * its configuration lists). Each line says its round:
 *
 *   conflood: dbcn <round> <line> xxxx...
 *   conflood: putchar <round> ...
 *   conflood: uart <round> ...
 *
 * After each round it sleeps PAUSE (its timer, wfi), so that a QEMU
 * running its harts in turn (-icount, make bench) lets the others run:
 * still far more than any UART carries (4 KiB a millisecond).
 *
 * Scenario: configs/bench-console-flood.c (test_console_flood.py)
 * and make bench's console_flood row, beside the victim, whose tick
 * lateness shows what the flood costs another VM.
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"

#define UART_BASE 0x10000000UL
#define UART_THR 0
#define UART_LSR 5
#define UART_LSR_THRE 0x20
#define LINE_LEN 128 /* with its newline */
#define LINES 32
#define CHUNK (LINE_LEN * LINES)
#define PAUSE (TIMEBASE_HZ / 1000) /* 1 ms */

static char chunk[CHUNK];

/* "conflood: <what> <round> <line> " then x up to the newline. */
static unsigned fill_line(char *out, const char *what, unsigned long round,
                          unsigned line)
{
    char head[64];
    unsigned n = 0, i = 0;
    const char *parts[] = {"conflood: ", what, " "};

    for (unsigned p = 0; p < 3; p++)
        for (const char *s = parts[p]; *s; s++)
            head[n++] = *s;
    for (unsigned long v = round, d = 1000000000; d; d /= 10)
        if (v / d || d == 1 || n > 20)
            head[n++] = (char)('0' + (v / d) % 10);
    head[n++] = ' ';
    head[n++] = (char)('0' + line / 10);
    head[n++] = (char)('0' + line % 10);
    head[n++] = ' ';
    for (; i < n; i++)
        out[i] = head[i];
    for (; i < LINE_LEN - 1; i++)
        out[i] = 'x';
    out[i++] = '\n';
    return i;
}

static void dbcn_chunk(unsigned long round)
{
    unsigned long done = 0;

    for (unsigned l = 0; l < LINES; l++)
        fill_line(chunk + l * LINE_LEN, "dbcn", round, l);
    while (done < CHUNK) {
        struct sbiret r = sbi_debug_console_write(
            CHUNK - done, (unsigned long)(uintptr_t)(chunk + done), 0);

        if (r.error)
            return;
        done += (unsigned long)r.value;
    }
}

static void putchar_line(unsigned long round)
{
    char line[LINE_LEN];
    unsigned n = fill_line(line, "putchar", round, 0);

    for (unsigned i = 0; i < n; i++)
        sbi_legacy_console_putchar(line[i]);
}

static void uart_line(unsigned long round)
{
    volatile uint8_t *uart = (volatile uint8_t *)UART_BASE;
    char line[LINE_LEN];
    unsigned n = fill_line(line, "uart", round, 0);

    for (unsigned i = 0; i < n; i++) {
        while (!(uart[UART_LSR] & UART_LSR_THRE))
            ;
        uart[UART_THR] = (uint8_t)line[i];
    }
}

/* wfi until the timer, with interrupts masked: nothing is taken. */
static void pause(void)
{
    sbi_set_timer(rdtime() + PAUSE);
    csr_set(sie, SIE_STIE);
    wfi();
    csr_clear(sie, SIE_STIE);
    sbi_set_timer(UINT64_MAX);
}

void mode_main(void)
{
    for (unsigned long round = 1;; round++) {
        dbcn_chunk(round);
        putchar_line(round);
        uart_line(round);
        pause();
    }
}
