/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "ipcbench": the IPC benchmarks of `make bench` over a bao,ipcshmem
 * window (docs/ipc.md, docs/performance.md). The VM whose write channel
 * comes first in the window (the first of the two VMs in the configuration)
 * drives; the other receives. The receiver also serves a Linux peer
 * (/dev/baoipc0, configs/bench-ipc-linux.c), which drives it from a shell.
 *
 * Both directions carry the channel format of docs/ipc.md: a header (head,
 * tail) and a byte ring; the writer notifies after each message, the reader
 * after taking bytes, through ipc_chan and ipc_ring like mode "ipc" (whose
 * copies move 8-byte words when the ring position and the buffer are
 * equally aligned).
 *
 * Commands and replies are 64-byte records: text padded with spaces, then
 * '\n'. The receiver starts by sending "ready"; then, from the driver:
 *
 *   ping         reply "ok", then answer every notification that brings
 *                no data with "t <time>": the time CSR read at the entry
 *                of its interrupt (trap_frame.time). The next record ends
 *                this.
 *   recv S N K   reply "go", then take S * N bytes of messages of S bytes
 *                and check them (K = "seq": the driver's pattern below; K =
 *                "zero": all zero bytes, as dd if=/dev/zero writes), then
 *                reply "ack <bytes> <bad messages> <t first> <t last>"
 *                (time CSR when the first and the last bytes were taken)
 *                and print "ipcbench: received ...".
 *   quit         print "ipcbench: bye" and shut the VM down.
 *
 * The driver measures, and prints (then "bench: done", and shuts down):
 *
 *   ipcbench: notify <avg> ns (min <a> max <b>, <n> samples)
 *       one way: rdtime immediately before the notify ecall, minus the
 *       receiver's trap entry time. Each sample starts after a short sleep
 *       (the receiver is idle in wfi), just after a tick of the time CSR,
 *       plus a delay of 0..99 instructions, so that the samples spread
 *       evenly over the 100 ns tick and their average is exact to about
 *       1 ns, although each sample is a whole number of ticks.
 *   ipcbench: notify-pinned-phase <avg> ns (min <a> max <b>, <n> samples)
 *   ipcbench: notify-naive <avg> ns (min <a> max <b>, <n> samples)
 *       the same without that spreading, to show what the tick does: each
 *       sample starting at the same phase of a tick, and samples back to
 *       back with no regard for the ticks.
 *   ipcbench: throughput <S> <N> <bytes> <ticks> bad <bad>
 *       time CSR ticks from before the first message to the receiver's ack
 *       of the last, N messages of S bytes.
 *
 * Scenarios: configs/bench-ipc.c (two VMs) and bench-ipc-linux.c (beside
 * Linux), run by `make bench` (scripts/bench.py); no system test.
 */
#include <stdbool.h>
#include <stdint.h>

#include <lib/util.h>

#include "config.h"
#include "console.h"
#include "ipc_chan.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "stats.h"
#include "trap.h"

#define RECORD 64
#define STAGE 8192   /* receiver's buffer: whole messages, at most this */
#define MSG_MAX 4096 /* driver's largest message */
#define PING_WARMUP 1
#define PINGS 1000       /* ten sweeps of the 100 phases of a tick */
#define PINGS_OTHER 100  /* with the phase pinned, and naive */
#define PHASES 100       /* instructions per tick of the time CSR */
#define SETTLE_TICKS 100 /* 10 us: far more than the receiver needs */
#define GOLDEN 0x9e3779b97f4a7c15UL /* message pattern: word j = j * GOLDEN */

static const struct {
    uint32_t size, count;
} runs[] = {{64, 8192}, {1024, 2048}, {4096, 512}};

static struct ipc_chan chan;
static volatile unsigned int timer_hits;

/* ---- Notifications -----------------------------------------------------*/

/* The settling timer here, the window's interrupt in ipc_chan. */
static bool bench_trap(unsigned long scause, struct trap_frame *frame)
{
    if (scause == (SCAUSE_INTERRUPT | IRQ_S_TIMER)) {
        sbi_set_timer(UINT64_MAX); /* also clears the pending timer */
        timer_hits++;
        return true;
    }
    return ipc_chan_trap(scause, frame);
}

static void irq_setup(void)
{
    ipc_chan_irq_setup(&chan, boot_hart);
    trap_set_hook(bench_trap);
}

/* All of buf, notifying after it; waits for room as the peer reads. */
static void send(const void *buf, uint32_t len)
{
    ipc_chan_send(&chan, buf, len);
}

/* Exactly len bytes out, waiting for them; notify: tell the peer after
 * taking bytes (the format's rule, so that a writer waiting for room
 * wakes). */
static void receive(void *buf, uint32_t len, bool notify)
{
    uint8_t *p = buf;

    while (len) {
        unsigned int seen = ipc_chan_notifications();
        uint32_t n = ipc_ring_get(&chan.rx, p, len);

        p += n;
        len -= n;
        if (n && notify)
            ipc_notify(chan.id, 0);
        if (len && !n)
            ipc_chan_wait(seen);
    }
}

/* ---- Records -----------------------------------------------------------*/

static char rec[RECORD + 1] __attribute__((aligned(8)));
static uint32_t rec_len;

static void rec_str(const char *s)
{
    while (*s && rec_len < RECORD - 1)
        rec[rec_len++] = *s++;
}

static void rec_num(uint64_t v)
{
    char tmp[24];
    int n = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n && rec_len < RECORD - 1)
        rec[rec_len++] = tmp[--n];
}

/* Pad the record being built and send it. */
static void rec_send(void)
{
    while (rec_len < RECORD - 1)
        rec[rec_len++] = ' ';
    rec[rec_len] = '\n';
    send(rec, RECORD);
    rec_len = 0;
}

static void send_record(const char *s)
{
    rec_str(s);
    rec_send();
}

/* The next record, as a string without its padding and '\n'. */
static const char *receive_record(bool notify)
{
    static char in[RECORD + 1] __attribute__((aligned(8)));
    int n = RECORD - 1;

    receive(in, RECORD, notify);
    in[RECORD - 1] = '\0';
    while (n > 0 && in[n - 1] == ' ')
        in[--n] = '\0';
    return in;
}

static bool take(const char **s, const char *word)
{
    const char *p = *s;

    while (*word && *p == *word) {
        p++;
        word++;
    }
    if (*word)
        return false;
    *s = p;
    return true;
}

static bool take_num(const char **s, uint64_t *v)
{
    const char *p = *s;

    for (*v = 0; *p >= '0' && *p <= '9'; p++)
        *v = *v * 10 + (uint64_t)(*p - '0');
    if (p == *s)
        return false;
    *s = p;
    return true;
}

/* ---- Receiver ----------------------------------------------------------*/

static uint8_t stage[STAGE] __attribute__((aligned(8)));

/* Is the message at p (size bytes, 8-aligned) message m of the pattern? */
static bool check_seq(const uint8_t *p, uint32_t size, uint64_t m)
{
    const uint64_t *w = (const uint64_t *)p;
    uint32_t last = size / 8 - 1;
    uint64_t diff = (w[0] ^ m) | (w[last] ^ ~m), expected = GOLDEN;

    for (uint32_t j = 1; j < last; j++, expected += GOLDEN)
        diff |= w[j] ^ expected;
    return diff == 0;
}

static bool check_zero(const uint8_t *p, uint32_t size)
{
    uint64_t acc = 0;
    uint32_t i = 0;

    for (; i + 8 <= size; i += 8)
        acc |= *(const uint64_t *)(p + i);
    for (; i < size; i++)
        acc |= p[i];
    return acc == 0;
}

static void receive_messages(uint32_t size, uint32_t count, bool seq)
{
    uint64_t total = (uint64_t)size * count, got = 0, first = 0, last = 0;
    uint32_t span = STAGE / size * size, fill = 0, checked = 0;
    uint32_t bad = 0, m = 0;

    send_record("go");
    while (got < total) {
        unsigned int seen = ipc_chan_notifications();
        uint64_t want = total - got;
        uint32_t n =
            ipc_ring_get(&chan.rx, stage + fill,
                         want < span - fill ? (uint32_t)want : span - fill);
        if (!n) {
            ipc_chan_wait(seen);
            continue;
        }
        last = rdtime();
        if (!got)
            first = last;
        ipc_notify(chan.id, 0);
        got += n;
        fill += n;
        for (; fill - checked >= size; checked += size, m++) {
            bool ok = seq ? check_seq(stage + checked, size, m)
                          : check_zero(stage + checked, size);
            bad += !ok;
        }
        if (fill == span)
            fill = checked = 0;
    }
    rec_str("ack ");
    rec_num(total);
    rec_str(" ");
    rec_num(bad);
    rec_str(" ");
    rec_num(first);
    rec_str(" ");
    rec_num(last);
    rec_send();
    console_printf("ipcbench: received %u x %u bytes (%s), %u bad, ticks "
                   "%lu..%lu\n",
                   count, size, seq ? "seq" : "zero", bad, (unsigned long)first,
                   (unsigned long)last);
}

/* Answer pings until a record comes; returns with that record unread. */
static void answer_pings(void)
{
    unsigned int seen = ipc_chan_notifications();

    send_record("ok");
    for (;;) {
        ipc_chan_wait(seen);
        seen = ipc_chan_notifications();
        if (ipc_ring_used(&chan.rx))
            return; /* data: the next command */
        rec_str("t ");
        rec_num(ipc_chan_notified_at());
        rec_send();
    }
}

static void __attribute__((noreturn)) receiver(void)
{
    send_record("ready");
    console_printf("ipcbench: receiver ready\n");
    for (;;) {
        const char *r = receive_record(true);
        const char *p = r;
        uint64_t size, count;

        if (take(&p, "ping") && !*p) {
            answer_pings();
        } else if (take(&p, "recv ") && take_num(&p, &size) && take(&p, " ") &&
                   take_num(&p, &count) && take(&p, " ") && size > 0 &&
                   size <= STAGE && count <= UINT32_MAX) {
            bool seq = take(&p, "seq");

            if ((seq || take(&p, "zero")) && !*p &&
                (!seq || (size % 8 == 0 && size >= 16)))
                receive_messages((uint32_t)size, (uint32_t)count, seq);
            else
                console_printf("ipcbench: bad command \"%s\"\n", r);
        } else if (take(&p, "quit") && !*p) {
            console_printf("ipcbench: bye\n");
            system_shutdown();
        } else {
            console_printf("ipcbench: bad command \"%s\"\n", r);
        }
    }
}

/* ---- Driver ------------------------------------------------------------*/

/* Wait for a record starting with `word`; skip stale ping answers. */
static const char *expect(const char *word, bool notify)
{
    for (;;) {
        const char *r = receive_record(notify);
        const char *p = r;

        if (take(&p, word))
            return p;
        if (!take(&p, "t "))
            console_printf("ipcbench: unexpected \"%s\"\n", r);
    }
}

/* Wait for the first tick of the time CSR: the next instructions then run
 * at a known phase of it (to within the two-instruction loop). */
static void sync_tick(void)
{
    uint64_t t = rdtime();

    while (rdtime() == t)
        ;
}

/* Exactly k nops (k < PHASES): a jump into a sled. */
static void delay_insns(unsigned long k)
{
    __asm__ volatile(".option push\n\t"
                     ".option norvc\n\t"
                     "la t0, 1f\n\t"
                     "slli t1, %0, 2\n\t"
                     "sub t0, t0, t1\n\t"
                     "jr t0\n\t"
                     ".rept 99\n\t"
                     "nop\n\t"
                     ".endr\n"
                     "1:\n\t"
                     ".option pop"
                     :
                     : "r"(k)
                     : "t0", "t1", "memory");
}

/* Notify the receiver; the time CSR read right before the ecall. */
static uint64_t ping(unsigned long id)
{
    register unsigned long a0 asm("a0") = id;
    register unsigned long a1 asm("a1") = 0;
    register unsigned long a6 asm("a6") = IPC_HC_NOTIFY;
    register unsigned long a7 asm("a7") = IPC_HC_EID;
    uint64_t t0;

    __asm__ volatile("rdtime %[t]\n\t"
                     "ecall"
                     : [t] "=&r"(t0), "+r"(a0), "+r"(a1)
                     : "r"(a6), "r"(a7)
                     : "memory");
    return t0;
}

/*
 * Sleep until a timer SETTLE_TICKS away, so that the receiver is back in
 * wfi when the ping comes, done with its previous answer, as it would be
 * with harts running in parallel: under QEMU's -icount the harts take
 * turns on one host thread, and the receiver runs only while this hart
 * waits or is preempted. With every hart asleep, virtual time then jumps
 * to the timer.
 */
static void settle(void)
{
    csr_set(sie, SIE_STIE);
    sbi_set_timer(rdtime() + SETTLE_TICKS);
    irq_wait_until(&timer_hits, timer_hits + 1);
    csr_clear(sie, SIE_STIE);
}

/* How a sample starts, relative to the ticks of the time CSR. */
enum phase {
    PHASE_SPREAD, /* just after a tick, plus k instructions */
    PHASE_PINNED, /* just after a tick */
    PHASE_NAIVE,  /* where waking from the timer leaves it */
};

/* One ping and its answer, in ticks. */
static void sample(struct stats *s, enum phase phase, unsigned long k)
{
    uint64_t t0, t1;

    settle();
    if (phase != PHASE_NAIVE) {
        sync_tick();
        delay_insns(phase == PHASE_SPREAD ? k : 0);
    }
    t0 = ping(chan.id);
    /* Not telling the receiver that its answer was read: a notification
     * now would be taken for the next ping. Answers are one record: the
     * ring never fills. */
    do {
        const char *p = expect("t ", false);

        if (!take_num(&p, &t1))
            t1 = 0;
    } while (t1 < t0); /* an answer to something earlier */
    stats_add(s, (int64_t)(t1 - t0));
}

static void report_notify(const char *name, const struct stats *s)
{
    console_printf("ipcbench: %s %lu ns (min %lu max %lu, %lu samples)\n", name,
                   (unsigned long)((s->sum * NS_PER_TICK + s->n / 2) / s->n),
                   (unsigned long)(s->min * NS_PER_TICK),
                   (unsigned long)(s->max * NS_PER_TICK), s->n);
}

static void bench_notify(void)
{
    struct stats spread = {0}, pinned = {0}, naive = {0}, warm = {0};

    send_record("ping");
    expect("ok", false);
    for (unsigned int i = 0; i < PING_WARMUP; i++)
        sample(&warm, PHASE_SPREAD, 0);
    for (unsigned int i = 0; i < PINGS; i++)
        sample(&spread, PHASE_SPREAD, i % PHASES);
    for (unsigned int i = 0; i < PINGS_OTHER; i++)
        sample(&pinned, PHASE_PINNED, 0);
    for (unsigned int i = 0; i < PINGS_OTHER; i++)
        sample(&naive, PHASE_NAIVE, 0);
    report_notify("notify", &spread);
    report_notify("notify-pinned-phase", &pinned);
    report_notify("notify-naive", &naive);
}

static uint8_t msg[MSG_MAX] __attribute__((aligned(8)));

static void bench_throughput(uint32_t size, uint32_t count)
{
    uint64_t *w = (uint64_t *)msg;
    uint32_t last = size / 8 - 1;
    uint64_t t0, t1, bytes, bad;
    const char *p;

    for (uint32_t j = 1; j < last; j++)
        w[j] = j * GOLDEN;
    rec_str("recv ");
    rec_num(size);
    rec_str(" ");
    rec_num(count);
    rec_str(" seq");
    rec_send();
    expect("go", true);

    t0 = rdtime();
    for (uint32_t m = 0; m < count; m++) {
        w[0] = m;
        w[last] = ~(uint64_t)m;
        send(msg, size);
    }
    p = expect("ack ", true);
    t1 = rdtime();

    if (!take_num(&p, &bytes) || !take(&p, " ") || !take_num(&p, &bad))
        bytes = bad = 0;
    console_printf("ipcbench: throughput %u %u %lu %lu bad %lu\n", size, count,
                   (unsigned long)bytes, (unsigned long)(t1 - t0),
                   (unsigned long)bad);
}

static void __attribute__((noreturn)) driver(void)
{
    expect("ready", true);
    console_printf("ipcbench: driver, receiver ready\n");
    bench_notify();
    for (unsigned int i = 0; i < ARRAY_SIZE(runs); i++)
        bench_throughput(runs[i].size, runs[i].count);
    send_record("quit");
    console_printf("bench: done\n");
    system_shutdown();
}

void mode_main(void)
{
    if (!ipc_chan_open(&chan, boot_dtb)) {
        console_printf("ipcbench: no bao,ipcshmem window with channels\n");
        hart_park();
    }
    console_printf("ipcbench: window 0x%lx id %u irq %u, read 0x%x+0x%x, "
                   "write 0x%x+0x%x\n",
                   chan.base, chan.id, chan.irq, chan.rd_off, chan.rd_size,
                   chan.wr_off, chan.wr_size);
    irq_setup();
    if (chan.wr_off < chan.rd_off)
        driver();
    receiver();
}
