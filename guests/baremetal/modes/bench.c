/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "bench": the guest side of the benchmarks. Measures, on the boot hart,
 *
 *   hypercall  ecall to Bao's hypercall EID (null hypercall), in cycles
 *   sbi        ecall to BASE get_spec_version, in cycles
 *   timer      SBI set_timer deadline -> S-timer trap entry, in cycles
 *   ipi        SBI IPI to a second hart and its IPI back (round trip), in
 *              cycles
 *   ipi_imsic  the same round trip by stores into the harts' IMSIC
 *              interrupt files, as Linux sends IPIs on an AIA machine (only
 *              where the tree has a riscv,imsics node), in cycles
 *   irq        Goldfish RTC alarm -> S-external trap (PLIC or APLIC), in ns
 *
 * and prints one line each,
 *
 *   bench: <name> <average> <unit> (min <min> max <max>)
 *
 * then "bench: done", and shuts the system down. Every measurement loop runs
 * one extra, uncounted warm-up iteration first. Counts come from the cycle
 * CSR, the irq phase's from the RTC (ns); under QEMU -icount shift=0, one
 * instruction is one cycle is one nanosecond.
 *
 * Instants are taken as early as possible. The trap vector (rt/start.S) reads
 * the cycle CSR in its third instruction (trap_frame.cycle): the timer and
 * ipi phases use that, so their fixed overhead is two instructions. The
 * timer's deadline is in time CSR ticks: cycle_offset() finds where a tick
 * begins in cycles, to within the 3 instructions of its loop, and the
 * deadline is converted with it; the timer line gives the minimum (see
 * bench_timer). The irq phase reads the RTC first thing in its
 * handler, about 52 instructions after the trap (vector, trap_handler,
 * bench_trap), plus the one that re-enables interrupts after wfi: natively
 * under QEMU -icount shift=0,sleep=off the irq line reads a constant 53 ns.
 *
 * Scenario: configs/bench.c, run by `make bench` (scripts/bench.py, which
 * also runs the image natively); no system test (make test only builds
 * it, bench-build).
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "irqc.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "stats.h"
#include "trap.h"

/* Bao's hypercall extension (firmware-specific EID range); id 0x100 is
 * Baobab's null hypercall. */
#define SBI_EXT_BAO_HYPERCALL 0x08000ba0
#define HYPERCALL_NULL 0x100

#define ECALL_ITERS 1000
#define TIMER_ITERS 100
#define TIMER_DELTA 1000 /* ticks of the time CSR */
#define IPI_ITERS 100
#define IPI_FILE_ID 1 /* the identity the ipi_imsic phase's harts take */
#define IRQ_ITERS 50
#define IRQ_DELTA 100000 /* ns of RTC time */

/* Watchdog for each of the ipi and irq phases (the second hart's start and
 * stop included). */
#define PHASE_TIMEOUT TIMEBASE_HZ /* 1 s */

/*
 * Goldfish RTC (QEMU virt): 32-bit registers, time in ns. Reading TIME_LOW
 * latches TIME_HIGH; writing ALARM_LOW arms the alarm, with the high half
 * written to ALARM_HIGH before.
 */
#define RTC_BASE 0x101000UL
#define RTC_TIME_LOW 0x00
#define RTC_TIME_HIGH 0x04
#define RTC_ALARM_LOW 0x08
#define RTC_ALARM_HIGH 0x0c
#define RTC_IRQ_ENABLED 0x10
#define RTC_CLEAR_ALARM 0x14
#define RTC_CLEAR_INTERRUPT 0x1c
#define RTC_IRQ 11

/* "bench: <name> <avg> <unit> (min <min> max <max>)", plus ", error <e>"
 * inside the parentheses if error is not 0. */
static void report(const char *name, const struct stats *s, const char *unit,
                   long error)
{
    if (s->n == 0)
        return; /* the phase already said why */

    long avg = (long)(s->sum / (int64_t)s->n);
    if (error == SBI_SUCCESS)
        console_printf("bench: %s %ld %s (min %ld max %ld)\n", name, avg, unit,
                       (long)s->min, (long)s->max);
    else
        console_printf("bench: %s %ld %s (min %ld max %ld, error %ld)\n", name,
                       avg, unit, (long)s->min, (long)s->max, error);
}

/* What a supervisor timer interrupt means at the moment. */
enum timer_use { TIMER_OFF, TIMER_BENCH, TIMER_WATCHDOG };

static volatile enum timer_use timer_use;
static volatile unsigned int timer_hits;
static volatile uint64_t timer_at; /* trap entry time of the last hit */
static volatile bool watchdog_fired;

/* How the ipi phases' harts interrupt each other. */
enum ipi_path { IPI_SBI, IPI_FILES };
static volatile enum ipi_path ipi_path;

/* Second hart of the ipi phases. */
static unsigned long responder;
static volatile bool responder_quit;
static volatile unsigned int replies;
static volatile uint64_t reply_at; /* trap entry time of the last reply */

static volatile unsigned int irq_hits;
static volatile uint64_t irq_at; /* RTC time read first in the handler */
static volatile unsigned int other_irqs;

/* Load faults while probing for the RTC are skipped and counted. */
static volatile bool probing;
static volatile unsigned int probe_faults;

static uint32_t rtc_read(unsigned int reg)
{
    return *(volatile uint32_t *)(RTC_BASE + reg);
}

static void rtc_write(unsigned int reg, uint32_t v)
{
    *(volatile uint32_t *)(RTC_BASE + reg) = v;
}

static uint64_t rtc_time(void)
{
    uint32_t lo = rtc_read(RTC_TIME_LOW); /* latches TIME_HIGH */
    return (uint64_t)rtc_read(RTC_TIME_HIGH) << 32 | lo;
}

static void ipi_send(unsigned long hart)
{
    if (ipi_path == IPI_FILES)
        irqc_file_send(hart, IPI_FILE_ID);
    else
        sbi_send_ipi(1UL << hart, 0); /* hart_mask_base 0 */
}

/* An IPI came: the boot hart counts the reply, the responder answers. */
static void on_ipi(const struct trap_frame *frame)
{
    if (this_hart() == boot_hart) {
        reply_at = frame->cycle;
        replies++;
    } else if (!responder_quit) {
        ipi_send(boot_hart);
    }
}

/* The ipi_imsic phase: IPIs are the only identity enabled in the files. */
static bool on_file_ipis(const struct trap_frame *frame)
{
    unsigned id;

    while ((id = irqc_claim(this_hart())) != 0) {
        if (id == IPI_FILE_ID)
            on_ipi(frame);
        else
            other_irqs++;
    }
    return true;
}

static bool on_external(const struct trap_frame *frame)
{
    if (ipi_path == IPI_FILES)
        return on_file_ipis(frame);

    uint64_t now = rtc_time(); /* first: this is the measured instant */
    unsigned irq = irqc_claim(boot_hart);

    if (irq == 0)
        return true; /* nothing pending (any more) */
    if (irq == RTC_IRQ) {
        rtc_write(RTC_CLEAR_INTERRUPT, 1);
        irq_at = now;
        irq_hits++;
    } else {
        other_irqs++;
    }
    irqc_complete(boot_hart, irq);
    return true;
}

static bool on_timer(const struct trap_frame *frame)
{
    /* Push the deadline to "never": also clears STIP (SBI spec 6.1). */
    sbi_set_timer(UINT64_MAX);
    switch (timer_use) {
    case TIMER_BENCH:
        timer_at = frame->cycle;
        timer_hits++;
        break;
    case TIMER_WATCHDOG:
        watchdog_fired = true;
        break;
    case TIMER_OFF:
        break; /* stale: now disarmed */
    }
    return true;
}

static bool on_soft(const struct trap_frame *frame)
{
    /* SSIP is the only trace of an SBI IPI; clear it before answering so a
     * new IPI is not lost. */
    csr_clear(sip, SIP_SSIP);
    on_ipi(frame);
    return true;
}

static bool bench_trap(unsigned long scause, struct trap_frame *frame)
{
    switch (scause) {
    case SCAUSE_INTERRUPT | IRQ_S_EXT:
        return on_external(frame);
    case SCAUSE_INTERRUPT | IRQ_S_TIMER:
        return on_timer(frame);
    case SCAUSE_INTERRUPT | IRQ_S_SOFT:
        return on_soft(frame);
    case EXC_LOAD_ACCESS:
    case EXC_LOAD_PAGE_FAULT:
        if (!probing)
            return false;
        probe_faults++;
        csr_write(sepc, csr_read(sepc) + insn_length(csr_read(sepc)));
        return true;
    }
    return false;
}

/*
 * Sleeps in wfi until *counter >= target or the watchdog fires; true if the
 * counter got there. Returns with sstatus.SIE set (as irq_wait_until).
 */
static bool wait_for(const volatile unsigned int *counter, unsigned int target)
{
    for (;;) {
        csr_clear(sstatus, SSTATUS_SIE);
        if (*counter >= target || watchdog_fired)
            break;
        wfi();
        csr_set(sstatus, SSTATUS_SIE);
    }
    csr_set(sstatus, SSTATUS_SIE);
    return *counter >= target;
}

static void watchdog_start(void)
{
    watchdog_fired = false;
    timer_use = TIMER_WATCHDOG;
    sbi_set_timer(rdtime() + PHASE_TIMEOUT);
    csr_set(sie, SIE_STIE);
}

static void watchdog_stop(void)
{
    csr_clear(sie, SIE_STIE);
    sbi_set_timer(UINT64_MAX);
    timer_use = TIMER_OFF;
}

/* Cycles (rdcycle) around one ecall; *error = the SBI error returned. */
static int64_t ecall_cycles(unsigned long eid, unsigned long fid, long *error)
{
    register unsigned long a0 asm("a0") = 0;
    register unsigned long a1 asm("a1") = 0;
    register unsigned long a6 asm("a6") = fid;
    register unsigned long a7 asm("a7") = eid;
    unsigned long c0, c1;

    /* One asm block, so nothing but the ecall sits between the reads. */
    asm volatile("rdcycle %[c0]\n\t"
                 "ecall\n\t"
                 "rdcycle %[c1]"
                 : [c0] "=&r"(c0), [c1] "=&r"(c1), "+r"(a0), "+r"(a1)
                 : "r"(a6), "r"(a7)
                 : "memory");
    *error = (long)a0;
    return (int64_t)(c1 - c0);
}

static void bench_ecall(const char *name, unsigned long eid, unsigned long fid)
{
    struct stats s = {0};
    long error = 0;

    for (unsigned int i = 0; i <= ECALL_ITERS; i++) {
        int64_t c = ecall_cycles(eid, fid, &error);
        if (i > 0)
            stats_add(&s, c);
    }
    report(name, &s, "cycles", error);
}

/*
 * cycle - time * NS_PER_TICK, constant under -icount shift=0 (both count
 * virtual nanoseconds). Taken where the time CSR ticks over: the new tick
 * began after the previous rdtime and by the last, one instruction before
 * its rdcycle.
 */
static int64_t cycle_offset(void)
{
    uint64_t t0 = rdtime(), t, c;

    do {
        t = rdtime();
        c = rdcycle();
    } while (t == t0);
    return (int64_t)(c - 1) - (int64_t)(t * NS_PER_TICK);
}

static void bench_timer(void)
{
    struct stats s = {0};
    int64_t offset = cycle_offset();

    timer_use = TIMER_BENCH;
    csr_set(sie, SIE_STIE);
    for (unsigned int i = 0; i <= TIMER_ITERS; i++) {
        unsigned int target = timer_hits + 1;
        uint64_t deadline = rdtime() + TIMER_DELTA;
        struct sbiret r = sbi_set_timer(deadline);
        if (r.error != SBI_SUCCESS) {
            console_printf("bench: timer failed (set_timer %ld)\n", r.error);
            s.n = 0;
            break;
        }
        /* No watchdog here: the timer is what is measured. */
        wait_for(&timer_hits, target);
        if (i > 0)
            stats_add(&s, (int64_t)timer_at -
                              ((int64_t)(deadline * NS_PER_TICK) + offset));
    }
    csr_clear(sie, SIE_STIE);
    timer_use = TIMER_OFF;
    if (s.n == 0)
        return;
    /*
     * QEMU arms its timer at the time of the write plus (deadline - time)
     * ticks, so it fires 0-99 ns after the time CSR reaches the deadline,
     * by the phase of the write within its tick. The iterations spread over
     * the phases: the minimum is the delivery itself.
     */
    console_printf("bench: timer %ld cycles (min of %lu; avg %ld max %ld "
                   "with QEMU's timer phase)\n",
                   (long)s.min, s.n, (long)(s.sum / (int64_t)s.n), (long)s.max);
}

/* This hart takes the ipi phases' IPIs (on), or no more (off). */
static void ipi_take(bool on)
{
    unsigned long bit = ipi_path == IPI_FILES ? SIE_SEIE : SIE_SSIE;

    if (ipi_path == IPI_FILES && on)
        irqc_file_enable(IPI_FILE_ID);
    if (on)
        csr_set(sie, bit);
    else
        csr_clear(sie, bit);
}

/*
 * Runs on the second hart: tells the boot hart it is up with an IPI, answers
 * every IPI from the boot hart with one (in on_ipi) until told to quit, says
 * goodbye with a last IPI and stops via HSM.
 *
 * The boot hart waits for these IPIs in wfi instead of polling memory: under
 * QEMU -icount, harts take turns on one thread, and a hart that spins can
 * keep the other from running for up to about a second of virtual time.
 */
static void responder_main(unsigned long hartid, unsigned long opaque)
{
    (void)opaque;
    ipi_take(true);
    ipi_send(boot_hart); /* up */
    for (;;) {
        csr_clear(sstatus, SSTATUS_SIE);
        if (responder_quit)
            break;
        wfi();
        csr_set(sstatus, SSTATUS_SIE);
    }
    ipi_take(false);
    ipi_send(boot_hart); /* bye */
    struct sbiret r = sbi_hart_stop();
    console_printf("bench: hart %lu hart_stop failed (%ld)\n", hartid, r.error);
}

/* A stopped hart other than the boot hart, or -1. */
static long find_stopped_hart(void)
{
    for (unsigned long h = 0; h < nharts; h++) {
        if (h == boot_hart)
            continue;
        struct sbiret r = sbi_hart_get_status(h);
        if (r.error == SBI_SUCCESS && r.value == SBI_HSM_STATE_STOPPED)
            return (long)h;
    }
    return -1;
}

/* Starts the responder on hart h and waits for its first IPI. Needs the
 * boot hart to take IPIs (ipi_take) and the watchdog. */
static bool start_responder(unsigned long h)
{
    mode_hart_fn fn = responder_main;
    unsigned int target = replies + 1;
    struct sbiret r =
        sbi_hart_start(h, (unsigned long)mode_hart_entry, (unsigned long)fn);

    if (r.error != SBI_SUCCESS) {
        console_printf("bench: ipi failed (hart_start(%lu) %ld)\n", h, r.error);
        return false;
    }
    responder = h;
    if (!wait_for(&replies, target)) {
        console_printf("bench: ipi failed (hart %lu did not start)\n", h);
        return false;
    }
    return true;
}

/* Tells the responder to quit and waits until HSM reports it stopped, so
 * shutdown does not race it. */
static void stop_responder(void)
{
    unsigned int target = replies + 1;
    long status;

    __atomic_store_n(&responder_quit, true, __ATOMIC_SEQ_CST);
    ipi_send(responder);
    if (!wait_for(&replies, target) || !smp_wait_stopped(responder, &status))
        console_printf("bench: hart %lu did not stop\n", responder);
}

/* The round trip to a second hart and back, by the current ipi_path. */
static void bench_ipi(const char *name)
{
    struct stats s = {0};

    if (nharts < 2) {
        console_printf("bench: %s skipped (1 hart)\n", name);
        return;
    }
    long h = find_stopped_hart();
    if (h < 0) {
        console_printf("bench: %s skipped (no stopped hart)\n", name);
        return;
    }

    responder_quit = false;
    ipi_take(true);
    watchdog_start();
    if (!start_responder((unsigned long)h)) {
        watchdog_stop();
        ipi_take(false);
        return;
    }
    for (unsigned int i = 0; i <= IPI_ITERS; i++) {
        unsigned int target = replies + 1;
        uint64_t start = rdcycle();

        if (ipi_path == IPI_FILES) {
            irqc_file_send(responder, IPI_FILE_ID);
        } else {
            struct sbiret r = sbi_send_ipi(1UL << responder, 0);

            if (r.error != SBI_SUCCESS) {
                console_printf("bench: %s failed (send_ipi %ld)\n", name,
                               r.error);
                s.n = 0;
                break;
            }
        }
        if (!wait_for(&replies, target)) {
            console_printf("bench: %s failed (no reply %u)\n", name, i);
            s.n = 0;
            break;
        }
        if (i > 0)
            stats_add(&s, (int64_t)(reply_at - start));
    }
    stop_responder();
    watchdog_stop();
    ipi_take(false);
    report(name, &s, "cycles", 0);
}

/* The same through the interrupt files, where the tree has them. */
static void bench_ipi_files(void)
{
    if (!irqc_has_files()) {
        console_printf("bench: ipi_imsic skipped (no interrupt files)\n");
        return;
    }
    ipi_path = IPI_FILES;
    bench_ipi("ipi_imsic");
    ipi_path = IPI_SBI;
}

/* The RTC is there if reading its time neither faults nor gives 0 twice,
 * 1 ms apart. */
static bool rtc_present(void)
{
    probe_faults = 0;
    probing = true;
    uint64_t t1 = rtc_time();
    spin_delay(TIMEBASE_HZ / 1000);
    uint64_t t2 = rtc_time();
    probing = false;
    return probe_faults == 0 && (t1 != 0 || t2 != 0);
}

static void bench_irq(void)
{
    struct stats s = {0};

    if (!rtc_present()) {
        console_printf("bench: irq skipped (no rtc)\n");
        return;
    }

    /* The RTC's interrupt is level-triggered. */
    irqc_enable(boot_hart, RTC_IRQ, true);
    rtc_write(RTC_CLEAR_ALARM, 1);
    rtc_write(RTC_CLEAR_INTERRUPT, 1);
    rtc_write(RTC_IRQ_ENABLED, 1);
    csr_set(sie, SIE_SEIE);
    watchdog_start();

    for (unsigned int i = 0; i <= IRQ_ITERS; i++) {
        unsigned int target = irq_hits + 1;
        /* Masked, so the handler's RTC read cannot split ours. */
        csr_clear(sstatus, SSTATUS_SIE);
        uint64_t alarm = rtc_time() + IRQ_DELTA;
        rtc_write(RTC_ALARM_HIGH, (uint32_t)(alarm >> 32));
        rtc_write(RTC_ALARM_LOW, (uint32_t)alarm); /* arms */
        if (!wait_for(&irq_hits, target)) {
            console_printf("bench: irq failed (no interrupt %u, %u other)\n", i,
                           other_irqs);
            s.n = 0;
            break;
        }
        if (i > 0)
            stats_add(&s, (int64_t)(irq_at - alarm));
    }

    watchdog_stop();
    csr_clear(sie, SIE_SEIE);
    rtc_write(RTC_IRQ_ENABLED, 0);
    rtc_write(RTC_CLEAR_ALARM, 1);
    rtc_write(RTC_CLEAR_INTERRUPT, 1);
    irqc_disable(boot_hart, RTC_IRQ);
    report("irq", &s, "ns", 0);
}

void mode_main(void)
{
    trap_set_hook(bench_trap);
    nharts = smp_count_harts();
    irqc_probe(boot_dtb);

    bench_ecall("hypercall", SBI_EXT_BAO_HYPERCALL, HYPERCALL_NULL);
    bench_ecall("sbi", SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION);
    bench_timer();
    bench_ipi("ipi");
    bench_ipi_files();
    bench_irq();
    console_printf("bench: done\n");

    system_shutdown();
}
