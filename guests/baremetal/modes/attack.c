/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "attack": a hostile guest. It makes one escape attempt after
 * another and says what came of each:
 *
 *   attack: <attempt>: contained (<how>)
 *   attack: <attempt>: ESCAPED (<what happened>)
 *
 * then "attack: done, <n> attempts, <e> escaped", and reboots (SRST cold
 * reboot) to make them all again: a reboot loop beside the victim, which
 * must keep ticking, its canary intact.
 *
 * The attempts:
 *   - loads, stores and instruction fetches at addresses that are not the
 *     VM's: the firmware's and the hypervisor's RAM, the other VM's, the
 *     boot ROM, the CLINT and the PLIC of the machine, beyond RAM, beyond
 *     the guest-physical space; each must come back as an access fault;
 *   - SBI calls with arguments that name what is not the VM's: harts it
 *     has not, masks and bases past its vCPUs, console buffers outside its
 *     memory, unknown extensions, functions and reset types, hypercalls
 *     with bad indexes; each must return its SBI error and do nothing;
 *   - the hypervisor's and the machine's CSRs and instructions (hgatp,
 *     hstatus, mstatus, hfence, hlv): each must be an illegal instruction;
 *   - its own virtual PLIC (at VPLIC, tests/system/configs/attack.c)
 *     asked for what is not its own: the contexts of harts it has not
 *     must read back as nothing; a source it was not given (the UART's),
 *     with a priority and enabled, must never be pending or claimed;
 *   - a storm of IPIs to itself and of timer requests;
 *   - a line that tries to steer the shared console: erase the line,
 *     return to its start and print a forged hypervisor line, ring the
 *     bell (the test checks the console shows it escaped).
 *
 * Scenario: tests/system/configs/attack.c, tests/system/test_attack.py.
 */
#include <stddef.h>
#include <stdint.h>

#include <lib/util.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"

/* Priv. spec: the causes the probes expect. */
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_ACCESS 7

/* Bao's hypercall extension; its IPC notify (id 1) and the codes it
 * returns, negated, in a1 (docs/ipc.md). */
#define SBI_EXT_BAO 0x08000ba0
#define HC_IPC_NOTIFY 1
#define HC_E_INVALID_ID 2
#define HC_E_INVALID_ARGS 3
#define SBI_EXT_RFENCE 0x52464E43
#define SBI_HSM_HART_START 0
#define SBI_HSM_HART_SUSPEND 3
#define SBI_IPI_SEND 0
#define SBI_RFENCE_FENCE_I 0
#define STORM 2000

/* Set while one attempt runs: its exception is recorded and stepped
 * over (or, for a fetch, returned from). */
static volatile bool armed;
static volatile unsigned long caught; /* scause, or 0 */
static unsigned int attempts, escaped;

static bool attack_trap(unsigned long scause, struct trap_frame *frame)
{
    if (!armed || (scause & SCAUSE_INTERRUPT))
        return false;
    caught = scause;
    armed = false;
    if (scause == CAUSE_FETCH_ACCESS)
        csr_write(sepc, frame->ra); /* back to the caller of the jump */
    else
        csr_write(sepc, csr_read(sepc) + insn_length(csr_read(sepc)));
    return true;
}

static void verdict(const char *what, bool contained, const char *how)
{
    attempts++;
    escaped += !contained;
    console_printf("attack: %s: %s (%s)\n", what,
                   contained ? "contained" : "ESCAPED", how);
}

/* ---- Memory ------------------------------------------------------------*/

static void expect_fault(const char *what, unsigned long addr,
                         unsigned long cause)
{
    volatile unsigned long *p = (volatile unsigned long *)addr;

    caught = 0;
    armed = true;
    switch (cause) {
    case CAUSE_LOAD_ACCESS:
        (void)*p;
        break;
    case CAUSE_STORE_ACCESS:
        *p = 0x4141414141414141UL;
        break;
    default:
        ((void (*)(void))addr)();
        break;
    }
    armed = false;
    attempts++;
    escaped += caught != cause;
    console_printf("attack: %s 0x%lx: %s (%s)\n", what, addr,
                   caught == cause ? "contained" : "ESCAPED",
                   caught == cause ? "access fault" : "no fault");
}

/* Addresses that are not this VM's (its RAM is 64 MiB at 0x80000000,
 * tests/system/configs/attack.c). */
static const unsigned long foreign[] = {
    0x0,                /* below everything */
    0x1000,             /* the machine's boot ROM */
    0x2000000,          /* the CLINT */
    0xc000000,          /* the machine's PLIC */
    0x84000000,         /* right after its RAM */
    0x84600000,         /* the other VM's RAM, in the machine's */
    0x100000000,        /* beyond the machine's RAM */
    1UL << 40,          /* the last gigabytes of the guest space */
    (1UL << 41) - 8,    /* its last word */
    1UL << 41,          /* beyond it */
    0xffffffff80200000, /* the hypervisor's, sign-extended */
};

static void attack_memory(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(foreign); i++) {
        expect_fault("load", foreign[i], CAUSE_LOAD_ACCESS);
        expect_fault("store", foreign[i], CAUSE_STORE_ACCESS);
    }
    /* Code from a few of them. */
    expect_fault("fetch", 0x1000, CAUSE_FETCH_ACCESS);
    expect_fault("fetch", 0x84600000, CAUSE_FETCH_ACCESS);
    expect_fault("fetch", 1UL << 40, CAUSE_FETCH_ACCESS);
}

/* ---- SBI and hypercalls ----------------------------------------------- */

static void expect_error(const char *what, struct sbiret r, long want)
{
    attempts++;
    escaped += r.error != want;
    console_printf("attack: %s: %s (error %ld)\n", what,
                   r.error == want ? "contained" : "ESCAPED", r.error);
}

/* A hypercall answers as Bao does: a0 = 0, its result (-code) in a1. */
static void expect_hc_error(const char *what, struct sbiret r, long code)
{
    bool ok = r.error == 0 && r.value == -code;

    attempts++;
    escaped += !ok;
    console_printf("attack: %s: %s (a0 %ld, a1 %ld)\n", what,
                   ok ? "contained" : "ESCAPED", r.error, r.value);
}

static void attack_sbi(void)
{
    static char msg[] = "x";
    unsigned long self = (unsigned long)(uintptr_t)msg;

    expect_error("hart_start of a hart it has not",
                 sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, 7, 0x80200000, 0),
                 SBI_ERR_INVALID_PARAM);
    expect_error("hart_start of a huge hart id",
                 sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, ~0UL, 0, 0),
                 SBI_ERR_INVALID_PARAM);
    expect_error(
        "hart_start of itself",
        sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, boot_hart, 0x80200000, 0),
        SBI_ERR_ALREADY_AVAILABLE);
    expect_error("hart_suspend of an unknown type",
                 sbi_hart_suspend(0x7fffffff, 0, 0), SBI_ERR_INVALID_PARAM);
    expect_error("send_ipi to harts it has not", sbi_send_ipi(0xf0, 0),
                 SBI_ERR_INVALID_PARAM);
    expect_error("send_ipi with a base past its harts", sbi_send_ipi(1, 63),
                 SBI_ERR_INVALID_PARAM);
    expect_error("remote fence.i of harts it has not",
                 sbi_ecall(SBI_EXT_RFENCE, SBI_RFENCE_FENCE_I, 0xf0, 0, 0),
                 SBI_ERR_INVALID_PARAM);
    expect_error("console write from the other VM's memory",
                 sbi_debug_console_write(16, 0x84600000, 0),
                 SBI_ERR_INVALID_PARAM);
    expect_error("console write from the hypervisor's",
                 sbi_debug_console_write(16, 0x80200000, 1),
                 SBI_ERR_INVALID_PARAM);
    expect_error("console write longer than its memory",
                 sbi_debug_console_write(~0UL >> 1, self, 0),
                 SBI_ERR_INVALID_PARAM);
    expect_error("system reset of an unknown type", sbi_system_reset(0x1234, 0),
                 SBI_ERR_INVALID_PARAM);
    expect_error("an extension that does not exist",
                 sbi_ecall(0x0a0b0c0d, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED);
    expect_error("a function that does not exist",
                 sbi_ecall(SBI_EXT_HSM, 0x7777, 0, 0, 0),
                 SBI_ERR_NOT_SUPPORTED);
    expect_hc_error("IPC notify of a window it has not",
                    sbi_ecall(SBI_EXT_BAO, HC_IPC_NOTIFY, 5, 0, 0),
                    HC_E_INVALID_ARGS);
    expect_hc_error("a hypercall that does not exist",
                    sbi_ecall(SBI_EXT_BAO, 0x99, 0, 0, 0), HC_E_INVALID_ID);
}

/* ---- CSRs and privileged instructions ---------------------------------- */

#define TRY_INSN(what, asm_text)                                               \
    do {                                                                       \
        caught = 0;                                                            \
        armed = true;                                                          \
        __asm__ volatile(asm_text ::: "memory", "t0");                         \
        armed = false;                                                         \
        verdict(what, caught == CAUSE_ILLEGAL,                                 \
                caught == CAUSE_ILLEGAL ? "illegal instruction" : "it ran");   \
    } while (0)

static void attack_csrs(void)
{
    TRY_INSN("write hgatp (0x680)", "csrw 0x680, zero");
    TRY_INSN("read hgatp", "csrr t0, 0x680");
    TRY_INSN("write hstatus (0x600)", "csrw 0x600, zero");
    TRY_INSN("write hedeleg (0x602)", "csrw 0x602, zero");
    TRY_INSN("write hvip (0x645)", "csrw 0x645, zero");
    TRY_INSN("read mstatus (0x300)", "csrr t0, 0x300");
    TRY_INSN("write mtvec (0x305)", "csrw 0x305, zero");
    TRY_INSN("write pmpcfg0 (0x3a0)", "csrw 0x3a0, zero");
    TRY_INSN("hfence.gvma", ".insn r 0x73, 0, 0x31, zero, zero, zero");
    TRY_INSN("hlv.d from address 0", ".insn r 0x73, 4, 0x36, t0, zero, zero");
    TRY_INSN("mret", "mret");
}

/* ---- Its virtual PLIC ----------------------------------------------------*/

/* Its vPLIC's guest address (tests/system/configs/attack.c) and the
 * registers of the PLIC spec (chapters 4-9) it aims at. */
#define VPLIC 0x40000000UL
#define PLIC_PRIORITY(id) (VPLIC + 4 * (id))
#define PLIC_PENDING (VPLIC + 0x1000)
#define PLIC_ENABLE(ctx) (VPLIC + 0x2000 + 0x80 * (ctx))
#define PLIC_CLAIM(ctx) (VPLIC + 0x200000 + 0x1000 * (ctx) + 4)
#define NOT_GIVEN 10 /* the UART's interrupt: no VM has it here */

static volatile uint32_t *plic_reg(unsigned long addr)
{
    return (volatile uint32_t *)addr;
}

/* Write `value` at `addr`; contained if the bits of `mask` read back 0. */
static void plic_probe(const char *what, unsigned long addr, uint32_t value,
                       uint32_t mask)
{
    uint32_t got;

    if (value)
        *plic_reg(addr) = value;
    got = *plic_reg(addr) & mask;
    verdict(what, got == 0, got ? "it took" : "reads back nothing");
}

static void attack_plic(void)
{
    plic_probe("enable every source for a hart it has not (context 7)",
               PLIC_ENABLE(7), 0xffffffff, 0xffffffff);
    plic_probe("claim for a hart it has not (context 5)", PLIC_CLAIM(5), 0,
               0xffffffff);
    /* A source it was not given is a register like any (as on a PLIC
     * whose device never interrupts): never pending, never claimed. */
    *plic_reg(PLIC_PRIORITY(NOT_GIVEN)) = 7;
    *plic_reg(PLIC_ENABLE(1)) = 1U << NOT_GIVEN;
    plic_probe("pending of a source it was not given, enabled", PLIC_PENDING, 0,
               1U << NOT_GIVEN);
    plic_probe("claim of a source it was not given, enabled", PLIC_CLAIM(1), 0,
               0xffffffff);
}

/* ---- Storms -------------------------------------------------------------*/

static void attack_storms(void)
{
    unsigned int refused = 0;

    /* IPIs to itself, with its software interrupt off: they only pend. */
    for (unsigned int i = 0; i < STORM; i++)
        refused += sbi_send_ipi(1UL << boot_hart, 0).error != 0;
    csr_clear(sip, SIP_SSIP);
    verdict("a storm of IPIs to itself", refused == 0,
            refused ? "some refused" : "all taken, nobody else disturbed");
    for (unsigned int i = 0; i < STORM; i++)
        refused += sbi_set_timer(rdtime() + i).error != 0;
    sbi_set_timer(UINT64_MAX);
    verdict("a storm of timer requests", refused == 0,
            refused ? "some refused" : "all taken, nobody else disturbed");
}

/* Judged by the console's reader: the escapes must show as text. */
static void attack_console(void)
{
    console_printf("attack: console forgery: \x1b[2K\r[baobab] VM 1 shut "
                   "down (forged)\x07\n");
}

void mode_main(void)
{
    trap_set_hook(attack_trap);
    attack_memory();
    attack_sbi();
    attack_csrs();
    attack_plic();
    attack_storms();
    attack_console();
    console_printf("attack: done, %u attempts, %u escaped\n", attempts,
                   escaped);
    sbi_system_reset(SBI_SRST_TYPE_COLD_REBOOT, SBI_SRST_REASON_NONE);
    hart_park();
}
