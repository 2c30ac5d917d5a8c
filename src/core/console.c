/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The shared console. Output: the hypervisor's lines and each VM's lines
 * go out whole, tagged "[vmN] "; only the VM with the input focus writes
 * through character by character, so that its prompt and the echo of what
 * is typed show at once. A line another source prints meanwhile first ends
 * that unfinished line; the rest of it, when it comes, is tagged "[vmN]+ "
 * (as is the rest of a line longer than VM_LINE_MAX), so that a reader can
 * join the pieces and never takes one line for two.
 *
 * No VM waits for another's printing. What a VM writes goes into its own
 * buffer (vm->out); then it tries to take the UART, and when it gets it,
 * prints a bounded share: DRAIN_OWN bytes of its own, a line's worth of
 * each other VM's. When another holds the UART it returns at once: the
 * holder, as it lets go, sends a console event to the hart of every VM
 * with output left, which prints it in its own time. Only a VM whose own
 * buffer is full waits, and then for the UART's holder's share at most.
 *
 * Input (when the hypervisor owns the UART): typed characters go to the
 * focus VM's emulated UART. CONSOLE_ESCAPE then a digit moves the focus to
 * that VM (what the old one had not read yet is dropped); CONSOLE_ESCAPE
 * twice sends one CONSOLE_ESCAPE.
 */
#include <core/console.h>
#include <core/cpu.h>
#include <core/vm.h>
#include <core/vm_uart.h>
#include <lib/format.h>
#include <lib/spinlock.h>
#include <stdarg.h>

#define PRINTK_MAX 256
#define NO_LINE (-1)

/* A UART holder's share of work: its own output, and each other VM's. */
#define DRAIN_OWN 512
#define DRAIN_OTHER VM_LINE_MAX

static const struct console_driver *driver;
/* Held by whoever writes to the UART; a VM's write only tries to take it. */
static spinlock_t console_lock = SPINLOCK_INIT;
static unsigned focus_vm;
/* The VM whose unfinished line ends the UART's output, or NO_LINE. */
static int open_line = NO_LINE;
/*
 * Input: the UART is always drained at once, so console commands work
 * whatever the focus VM does; what its receive FIFO cannot take yet waits
 * here (a pasted line), and beyond that is dropped and reported.
 */
#define INPUT_PENDING_MAX 4096
static spinlock_t input_lock = SPINLOCK_INIT;
static bool escape_seen;
static char pending[INPUT_PENDING_MAX];
static unsigned pending_head;
static unsigned pending_len;
static unsigned dropped;

void console_init(const struct console_driver *drv)
{
    driver = drv;
}

bool console_ready(void)
{
    return driver != NULL;
}

static void put_raw(char c)
{
    if (c == '\n')
        driver->putc('\r');
    driver->putc(c);
}

/*
 * What a VM writes to the shared console is text: printable ASCII and tabs
 * go out as they are, newlines end its line, carriage returns are dropped
 * (the console ends each line itself); anything else (escape sequences,
 * bells, backspaces it has no character of its own to take back, bytes
 * above 0x7e) is shown as "\xNN", so that no VM can move the cursor, erase
 * a line, or forge another's tag or the hypervisor's. A VM that owns the
 * UART writes to it directly.
 */
#define ASCII_PRINTABLE_FIRST 0x20
#define ASCII_PRINTABLE_LAST 0x7e
#define BACKSPACE '\b'

static bool shown_as_is(char c)
{
    unsigned char u = (unsigned char)c;

    return c == '\t' ||
           (u >= ASCII_PRINTABLE_FIRST && u <= ASCII_PRINTABLE_LAST);
}

/* A VM's character on the console, not a newline; console_lock held. How
 * many characters a backspace of the VM may take back: 1 for itself, none
 * for an escape shown in its place. */
static unsigned put_vm_char(char c)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char u = (unsigned char)c;

    if (shown_as_is(c)) {
        driver->putc(c);
        return 1;
    }
    driver->putc('\\');
    driver->putc('x');
    driver->putc(hex[u >> 4]);
    driver->putc(hex[u & 0xf]);
    return 0;
}

/* console_lock held, as for everything below that reads or sets line_cut. */
static void end_open_line(void)
{
    if (open_line != NO_LINE) {
        put_raw('\n');
        vms[open_line].line_cut = true;
    }
    open_line = NO_LINE;
}

/* Start a line of the VM: "[vmN] ", or "[vmN]+ " where a line was cut. */
static void start_vm_line(struct vm *vm)
{
    char tag[16];
    int n = snprintf(tag, sizeof(tag), vm->line_cut ? "[vm%u]+ " : "[vm%u] ",
                     vm->id);

    for (int i = 0; i < n; i++)
        put_raw(tag[i]);
    vm->line_cut = false;
}

static void release_uart(void);

static void write_locked(const char *s, size_t n)
{
    end_open_line();
    for (size_t i = 0; i < n; i++)
        put_raw(s[i]);
}

int printk(const char *fmt, ...)
{
    char buf[PRINTK_MAX];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (!driver)
        return n;
    spin_lock(&console_lock);
    write_locked(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    release_uart();
    return n;
}

void console_force_unlock(void)
{
    spin_unlock(&console_lock);
    spin_unlock(&input_lock);
}

/* Print the VM's collected line, ended (`cut`: only full, it goes on);
 * console_lock held. */
static void flush_vm_line(struct vm *vm, bool cut)
{
    if (driver) {
        end_open_line();
        start_vm_line(vm);
        for (unsigned i = 0; i < vm->line_len; i++)
            put_vm_char(vm->line[i]);
        put_raw('\n');
        vm->line_cut = cut;
    }
    vm->line_len = 0;
}

/* The focus VM's character, written through; console_lock held. */
static void put_focus_locked(struct vm *vm, char c)
{
    if (open_line != (int)vm->id) {
        end_open_line();
        start_vm_line(vm);
        open_line = (int)vm->id;
        vm->line_column = 0;
    }
    if (c == '\n') {
        put_raw('\n');
        open_line = NO_LINE;
    } else if (c == BACKSPACE && vm->line_column > 0) {
        /* Its own character, as a shell erases what was typed. */
        driver->putc(BACKSPACE);
        vm->line_column--;
    } else if (c != '\r') {
        vm->line_column += put_vm_char(c);
    }
}

/* Collect a character of a VM without the focus; console_lock held. */
static void buffer_char(struct vm *vm, char c)
{
    if (c == '\n') {
        flush_vm_line(vm, false);
    } else if (c == BACKSPACE && vm->line_len > 0 &&
               vm->line[vm->line_len - 1] != BACKSPACE) {
        vm->line_len--; /* it takes back its own character */
    } else if (c != '\r') {
        vm->line[vm->line_len++] = c;
        if (vm->line_len == VM_LINE_MAX)
            flush_vm_line(vm, true);
    }
}

/* ---- Each VM's output buffer ------------------------------------------ */

static unsigned out_used(const struct vm *vm)
{
    return __atomic_load_n(&vm->out_head, __ATOMIC_ACQUIRE) -
           __atomic_load_n(&vm->out_tail, __ATOMIC_ACQUIRE);
}

/* Append what fits of buf; how much did. */
static size_t out_put(struct vm *vm, const char *buf, size_t len)
{
    size_t n;

    spin_lock(&vm->out_lock);
    n = VM_CONSOLE_OUT - out_used(vm);
    if (n > len)
        n = len;
    for (size_t i = 0; i < n; i++)
        vm->out[(vm->out_head + i) % VM_CONSOLE_OUT] = buf[i];
    __atomic_store_n(&vm->out_head, vm->out_head + (unsigned)n,
                     __ATOMIC_RELEASE);
    spin_unlock(&vm->out_lock);
    return n;
}

/* Print up to `budget` bytes of the VM's output; console_lock held. */
static void drain_vm(struct vm *vm, unsigned budget)
{
    unsigned n = out_used(vm);

    if (n > budget)
        n = budget;
    for (unsigned i = 0; i < n; i++) {
        char c = vm->out[(vm->out_tail + i) % VM_CONSOLE_OUT];

        if (vm->id == focus_vm && driver)
            put_focus_locked(vm, c);
        else
            buffer_char(vm, c);
    }
    __atomic_store_n(&vm->out_tail, vm->out_tail + n, __ATOMIC_RELEASE);
}

/*
 * Let go of the UART; then every VM with output left (written while it
 * was held, or beyond a share) hears of it on its hart, once.
 */
static void release_uart(void)
{
    spin_unlock(&console_lock);
    /* Store-load: a writer that appended, then found the UART held, must
     * see it let go, or be seen here (try_drain has the other fence). */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    for (unsigned v = 0; v < vm_count; v++) {
        struct vm *vm = &vms[v];

        if (!out_used(vm) || !vm->vcpu_num ||
            __atomic_exchange_n(&vm->out_kicked, 1U, __ATOMIC_ACQ_REL))
            continue;
        cpu_post_event(vm->vcpus[0].hart, CPU_EV_CONSOLE);
    }
}

/* console_lock held: `vm`'s share, then a line's worth of each other. */
static void drain_shares(struct vm *vm)
{
    drain_vm(vm, DRAIN_OWN);
    for (unsigned i = 1; i < vm_count; i++)
        drain_vm(&vms[(vm->id + i) % vm_count], DRAIN_OTHER);
}

/* Print a share of the VM's output if the UART is free. */
static void try_drain(struct vm *vm)
{
    /* What it appended (or its cleared event) is seen before it looks at
     * the UART: see release_uart. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (spin_trylock(&console_lock)) {
        drain_shares(vm);
        release_uart();
    }
}

size_t console_vm_write(struct vm *vm, const char *buf, size_t len)
{
    size_t n = out_put(vm, buf, len);

    try_drain(vm);
    return n;
}

void console_vm_putc(struct vm *vm, char c)
{
    /* A full buffer: wait for the UART, then for its own output only. */
    while (!out_put(vm, &c, 1)) {
        spin_lock(&console_lock);
        drain_shares(vm);
        release_uart();
    }
    try_drain(vm);
}

/* All of the VM's output, whatever the share: before it is said to be
 * down, and before the machine powers off. */
void console_vm_flush(struct vm *vm)
{
    spin_lock(&console_lock);
    drain_vm(vm, VM_CONSOLE_OUT);
    release_uart();
}

void console_vm_event(struct vm *vm)
{
    __atomic_store_n(&vm->out_kicked, 0U, __ATOMIC_RELEASE);
    try_drain(vm);
}

int console_vm_getc(struct vm *vm)
{
    return vm_uart_getc(vm);
}

void console_set_focus(unsigned vm_id)
{
    struct vm *vm;

    if (vm_id >= vm_count) {
        log_warn("console: there is no VM %u; input stays with VM %u", vm_id,
                 focus_vm);
        return;
    }
    vm = &vms[vm_id];
    log_info("console: input goes to VM %u", vm_id);
    /* What the VM collected while it had no focus is its open line now. */
    spin_lock(&console_lock);
    focus_vm = vm_id;
    for (unsigned i = 0; i < vm->line_len; i++)
        put_focus_locked(vm, vm->line[i]);
    vm->line_len = 0;
    release_uart();
}

/* Typed characters the focus VM has no room for yet; input_lock held. */
static void queue_input(char c)
{
    if (pending_len == INPUT_PENDING_MAX) {
        dropped++;
        return;
    }
    pending[(pending_head + pending_len++) % INPUT_PENDING_MAX] = c;
}

/* Hand queued input to the focus VM while it has room; input_lock held. */
static void deliver_input(void)
{
    struct vm *vm = focus_vm < vm_count ? &vms[focus_vm] : NULL;

    if (!vm || !vm_uart_takes_input(vm)) {
        dropped += pending_len; /* nobody to read it */
        pending_len = 0;
        return;
    }
    while (pending_len && vm_uart_rx_room(vm)) {
        vm_uart_rx(vm, pending[pending_head]);
        pending_head = (pending_head + 1) % INPUT_PENDING_MAX;
        pending_len--;
    }
}

/* Forget what was typed for the VM that had the focus; input_lock held. */
static void drop_input(void)
{
    dropped += pending_len;
    pending_len = 0;
    if (dropped)
        log_warn("console: %u typed characters were not read by VM %u", dropped,
                 focus_vm);
    dropped = 0;
}

/* One typed character: a console command or input for the focus VM. */
static void input_char(char c)
{
    if (escape_seen) {
        escape_seen = false;
        if (c >= '0' && c <= '9') {
            drop_input();
            console_set_focus((unsigned)(c - '0'));
            return;
        }
        if (c != CONSOLE_ESCAPE)
            return; /* not a console command: dropped */
    } else if (c == CONSOLE_ESCAPE) {
        escape_seen = true;
        return;
    }
    queue_input(c);
}

void console_rx_interrupt(void)
{
    int c;

    spin_lock(&input_lock);
    while ((c = driver->getc()) >= 0)
        input_char((char)c);
    deliver_input();
    spin_unlock(&input_lock);
}

void console_input_room(struct vm *vm)
{
    if (vm->id != focus_vm || !__atomic_load_n(&pending_len, __ATOMIC_ACQUIRE))
        return;
    spin_lock(&input_lock);
    deliver_input();
    spin_unlock(&input_lock);
}
