/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "ipc": one end of an inter-VM channel (ipc_chan.h, docs/ipc.md).
 * The VM whose write channel comes first in the window (the first of the
 * two VMs in the configuration) serves; the other runs the client script.
 *
 * Server: handles what the peer writes, a line at a time:
 *   seq=<n> data-<n>-<n>-<n>   counted and checked (order, content)
 *   stats                      prints and replies
 *                              "ipc: stats lines=L seq_ok=K seq_bad=B fnv=H"
 *                              (H: FNV-1a of every byte received)
 *   send <count> <len>         replies <count> lines "msg=<i> <pattern>"
 *   anything else              prints  ipc: received "<line>"  and
 *                              replies "baremetal got: <line>"
 * Client: greets, streams IPC_CLIENT_MESSAGES checked lines, asks for them
 * to be counted, asks for messages back and checks them, floods the server
 * with notifications and checks it still answers; prints "ipc-client: ..."
 * lines and "ipc-client: done".
 *
 * Both show at start that bad notify arguments are refused. Without a
 * window the mode shows that it can neither notify nor read where a window
 * would be (IPC_PROBE_ADDR), then idles.
 *
 * Scenarios: tests/system/configs/ipc-baremetal.c (two VMs,
 * tests/system/test_ipc.py) and configs/baremetal-linux-shmem.c (VM 0,
 * beside Linux, tests/system/test_ipc_linux.py).
 */
#include <stdint.h>

#include <lib/fdt.h>

#include "console.h"
#include "dtb.h"
#include "ipc_chan.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

#define IPC_PROBE_ADDR 0xf0000000UL
#define IPC_CLIENT_MESSAGES 2000
#define IPC_CLIENT_BACK 500
#define IPC_CLIENT_BACK_LEN 64
#define IPC_FLOOD 100000
#define SCAUSE_LOAD_ACCESS 5

static struct ipc_chan chan;
static uint32_t fnv_in = FNV_INIT;

/* ---- Text --------------------------------------------------------------*/

static uint32_t str_len(const char *s)
{
    uint32_t n = 0;

    while (s[n])
        n++;
    return n;
}

static bool starts_with(const char *s, const char *prefix)
{
    while (*prefix && *s == *prefix) {
        s++;
        prefix++;
    }
    return *prefix == '\0';
}

static bool streq(const char *a, const char *b)
{
    return starts_with(a, b) && a[str_len(b)] == '\0';
}

/* Decimal (or hex) number at *s, advancing *s; false if there is none. */
static bool parse_num(const char **s, unsigned long *v, unsigned base)
{
    const char *p = *s;

    for (*v = 0;; p++) {
        unsigned d = *p >= '0' && *p <= '9'   ? (unsigned)(*p - '0')
                     : *p >= 'a' && *p <= 'f' ? (unsigned)(*p - 'a' + 10)
                                              : 99;
        if (d >= base)
            break;
        *v = *v * base + d;
    }
    if (p == *s)
        return false;
    *s = p;
    return true;
}

/* Consume `word` at *s. */
static bool take(const char **s, const char *word)
{
    if (!starts_with(*s, word))
        return false;
    *s += str_len(word);
    return true;
}

static uint32_t put_str(char *dst, uint32_t at, const char *s)
{
    while (*s)
        dst[at++] = *s++;
    return at;
}

static uint32_t put_num(char *dst, uint32_t at, unsigned long v, unsigned base)
{
    char tmp[24];
    int n = 0;

    do {
        tmp[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (n)
        dst[at++] = tmp[--n];
    return at;
}

/* "msg=<i> <len pattern bytes>": what `send` replies, and checks. */
static uint32_t pattern_line(char *dst, unsigned long i, unsigned long len)
{
    uint32_t n = put_num(dst, put_str(dst, 0, "msg="), i, 10);

    dst[n++] = ' ';
    for (unsigned long k = 0; k < len; k++)
        dst[n++] = (char)('a' + (i + k) % 26);
    dst[n] = '\0';
    return n;
}

/* ---- Server ------------------------------------------------------------*/

static unsigned long lines, seq_ok, seq_bad, last_seq;

/* "seq=<n> data-<n>-<n>-<n>": the next in order, and intact? */
static void check_seq(const char *line)
{
    const char *p = line + 4;
    unsigned long n, a = 0, b = 0, c = 0;
    bool ok = parse_num(&p, &n, 10);

    if (ok) {
        ok = n == last_seq + 1;
        last_seq = n;
    }
    ok = ok && take(&p, " data-") && parse_num(&p, &a, 10) && take(&p, "-") &&
         parse_num(&p, &b, 10) && take(&p, "-") && parse_num(&p, &c, 10) &&
         *p == '\0';
    if (ok && a == n && b == n && c == n)
        seq_ok++;
    else
        seq_bad++;
}

static void reply_stats(void)
{
    static char out[128];
    uint32_t n = put_num(out, put_str(out, 0, "ipc: stats lines="), lines, 10);

    n = put_num(out, put_str(out, n, " seq_ok="), seq_ok, 10);
    n = put_num(out, put_str(out, n, " seq_bad="), seq_bad, 10);
    n = put_num(out, put_str(out, n, " fnv="), fnv_in, 16);
    out[n] = '\0';
    console_printf("%s\n", out);
    out[n++] = '\n';
    ipc_chan_send(&chan, out, n);
}

static void send_pattern(unsigned long count, unsigned long len)
{
    static char line[IPC_LINE_MAX + 32];

    len = len > IPC_LINE_MAX ? IPC_LINE_MAX : len;
    for (unsigned long i = 1; i <= count; i++) {
        uint32_t n = pattern_line(line, i, len);

        line[n++] = '\n';
        ipc_chan_send(&chan, line, n);
    }
}

static void serve_line(const char *line)
{
    const char *p = line;
    unsigned long count, len;

    lines++;
    if (starts_with(line, "seq=")) {
        check_seq(line);
    } else if (streq(line, "stats")) {
        reply_stats();
    } else if (take(&p, "send ") && parse_num(&p, &count, 10) &&
               take(&p, " ") && parse_num(&p, &len, 10) && *p == '\0') {
        send_pattern(count, len);
    } else {
        static char answer[IPC_LINE_MAX + 32];
        uint32_t n =
            put_str(answer, put_str(answer, 0, "baremetal got: "), line);

        console_printf("ipc: received \"%s\"\n", line);
        answer[n++] = '\n';
        ipc_chan_send(&chan, answer, n); /* one piece: one read takes it */
    }
}

static void __attribute__((noreturn)) serve(void)
{
    console_printf("ipc: ready\n");
    for (;;) {
        unsigned int seen = ipc_chan_notifications();

        ipc_chan_receive(&chan, serve_line, &fnv_in);
        ipc_chan_wait(seen);
    }
}

/* ---- Client ------------------------------------------------------------*/

static uint32_t fnv_out = FNV_INIT;
static char reply[IPC_LINE_MAX + 1];
static unsigned long back_ok, back_bad;

static void client_send(const char *buf, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        fnv_out = fnv_byte(fnv_out, (uint8_t)buf[i]);
    ipc_chan_send(&chan, buf, len);
}

static void client_line(const char *line)
{
    const char *p = line;
    unsigned long i;
    uint32_t n = 0;

    if (take(&p, "msg=") && parse_num(&p, &i, 10)) {
        static char expected[IPC_LINE_MAX + 32];

        pattern_line(expected, back_ok + back_bad + 1, IPC_CLIENT_BACK_LEN);
        if (streq(line, expected))
            back_ok++;
        else
            back_bad++;
        return;
    }
    while (n < IPC_LINE_MAX && line[n]) {
        reply[n] = line[n];
        n++;
    }
    reply[n] = '\0';
}

/* Receive until `done` holds. */
static void client_wait(bool (*done)(void))
{
    while (!done()) {
        unsigned int seen = ipc_chan_notifications();

        ipc_chan_receive(&chan, client_line, &fnv_in);
        if (!done())
            ipc_chan_wait(seen);
    }
}

static bool got_reply(void)
{
    return reply[0] != '\0';
}

static bool got_back(void)
{
    return back_ok + back_bad == IPC_CLIENT_BACK;
}

/* Send `line` and wait for the one-line answer, left in reply. */
static void ask(const char *line)
{
    reply[0] = '\0';
    client_send(line, str_len(line));
    client_wait(got_reply);
}

/* Does the server's stats reply match what was sent? */
static bool stats_match(unsigned long want_lines, unsigned long want_ok)
{
    const char *p = reply;
    unsigned long l, ok, bad, fnv;

    return take(&p, "ipc: stats lines=") && parse_num(&p, &l, 10) &&
           take(&p, " seq_ok=") && parse_num(&p, &ok, 10) &&
           take(&p, " seq_bad=") && parse_num(&p, &bad, 10) &&
           take(&p, " fnv=") && parse_num(&p, &fnv, 16) && l == want_lines &&
           ok == want_ok && bad == 0 && fnv == fnv_out;
}

static void stream_seq(unsigned long count)
{
    static char line[80];

    for (unsigned long s = 1; s <= count; s++) {
        uint32_t n = put_num(line, put_str(line, 0, "seq="), s, 10);

        n = put_num(line, put_str(line, n, " data-"), s, 10);
        n = put_num(line, put_str(line, n, "-"), s, 10);
        n = put_num(line, put_str(line, n, "-"), s, 10);
        line[n++] = '\n';
        client_send(line, n);
    }
}

static void __attribute__((noreturn)) client(void)
{
    const unsigned long sent_lines = 1 + IPC_CLIENT_MESSAGES + 1;

    ask("hello from the client\n");
    console_printf("ipc-client: reply \"%s\"\n", reply);

    stream_seq(IPC_CLIENT_MESSAGES);
    ask("stats\n");
    console_printf("ipc-client: %u messages %s (fnv %x)\n", IPC_CLIENT_MESSAGES,
                   stats_match(sent_lines, IPC_CLIENT_MESSAGES)
                       ? "delivered in order and intact"
                       : "DAMAGED",
                   fnv_out);

    reply[0] = '\0';
    client_send("send 500 64\n", 12);
    client_wait(got_back);
    console_printf("ipc-client: %lu messages back, %lu bad\n", back_ok,
                   back_bad);

    for (unsigned long k = 0; k < IPC_FLOOD; k++)
        ipc_notify(chan.id, 0);
    ask("stats\n");
    console_printf("ipc-client: %s after %u notifications\n",
                   stats_match(sent_lines + 2, IPC_CLIENT_MESSAGES)
                       ? "still answering"
                       : "WRONG ANSWER",
                   IPC_FLOOD);
    console_printf("ipc-client: done\n");
    for (;;)
        __asm__ volatile("wfi");
}

/* ---- Without a window --------------------------------------------------*/

static volatile unsigned int probe_faults;

static bool probe_trap(unsigned long scause, struct trap_frame *frame)
{
    (void)frame;
    if (scause != SCAUSE_LOAD_ACCESS)
        return false;
    probe_faults++;
    csr_write(sepc, csr_read(sepc) + 4); /* the probe's lw: 4 bytes */
    return true;
}

/* Both return registers, as a guest written for Bao reads them. */
static void show_hypercall(unsigned long id, unsigned long a0, unsigned long a1)
{
    struct sbiret r = sbi_ecall(IPC_HC_EID, id, a0, a1, 0);

    console_printf("ipc: hypercall %lu(%lu, %lu) -> a0 = %ld, a1 = %ld\n", id,
                   a0, a1, r.error, r.value);
}

static void __attribute__((noreturn)) no_window(void)
{
    unsigned long v;
    int err;

    console_printf("ipc: no bao,ipcshmem window\n");
    /* Whether the tree itself was unreadable, for a failure's report. */
    dtb_open(boot_dtb, &err);
    console_printf("ipc: device tree at 0x%lx: %s\n", boot_dtb,
                   err ? fdt_strerror(err) : "valid");
    show_hypercall(IPC_HC_NOTIFY, 0, 0);
    trap_set_hook(probe_trap);
    __asm__ volatile(".option push\n.option norvc\nlw %0, 0(%1)\n.option pop"
                     : "=r"(v)
                     : "r"(IPC_PROBE_ADDR)
                     : "memory");
    console_printf("ipc: read of 0x%lx %s\n", IPC_PROBE_ADDR,
                   probe_faults ? "faulted" : "succeeded");
    for (;;)
        __asm__ volatile("wfi");
}

void mode_main(void)
{
    if (!ipc_chan_open(&chan, boot_dtb))
        no_window();
    console_printf("ipc: window 0x%lx id %u irq %u, read 0x%x+0x%x, "
                   "write 0x%x+0x%x\n",
                   chan.base, chan.id, chan.irq, chan.rd_off, chan.rd_size,
                   chan.wr_off, chan.wr_size);
    show_hypercall(IPC_HC_NOTIFY, chan.id, 1);
    show_hypercall(IPC_HC_NOTIFY, chan.id + 1, 0);
    show_hypercall(0, 0, 0);
    show_hypercall(0x99, 0, 0);
    ipc_chan_irq_setup(&chan, boot_hart);
    if (chan.wr_off < chan.rd_off)
        serve();
    client();
}
