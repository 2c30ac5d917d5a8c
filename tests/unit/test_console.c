/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The shared console (src/core/console.c) on a test UART driver: each
 * VM's output tagged per line, the focus VM's written through, and typed
 * input handed to the focus VM's emulated UART (fake_vm_uart.c) as it has
 * room, Ctrl-\ and a digit moving the focus.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fakes.h"

#include <core/console.h>
#include <core/cpu.h>
#include <core/vm.h>

#define ESC "\x1c" /* CONSOLE_ESCAPE */

/* ---- The UART ------------------------------------------------------------*/

static char uart_out[16384];
static size_t uart_out_n;
static const char *typed = "";

static void uart_putc(char c)
{
    assert_true(uart_out_n + 1 < sizeof(uart_out));
    uart_out[uart_out_n++] = c;
    uart_out[uart_out_n] = '\0';
}

static int uart_getc(void)
{
    return *typed ? (unsigned char)*typed++ : -1;
}

static const struct console_driver uart = {.putc = uart_putc,
                                           .getc = uart_getc};

static void clear_output(void)
{
    uart_out_n = 0;
    uart_out[0] = '\0';
}

/* Characters arrive on the UART and it interrupts. */
static void type(const char *s)
{
    typed = s;
    console_rx_interrupt();
    assert_int_equal(*typed, '\0'); /* drained at once */
}

static struct vcpu vcpus[3];

/*
 * console.c keeps the focus and the input state across tests: with nobody
 * taking input, "x" (ends an escape a test may have left), then Ctrl-\ 0
 * drop whatever is pending and give VM 0 the focus.
 */
static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    for (unsigned i = 0; i < 3; i++) {
        vms[i].id = i;
        vms[i].state = VM_RUNNING;
        vms[i].vcpu_num = 1;
        vms[i].vcpus = &vcpus[i];
        vcpus[i].hart = 4 + i;
    }
    vm_count = 3;
    console_init(&uart);
    type("x" ESC "0");
    clear_output();
    fake_reset();
    return 0;
}

static void write_str(unsigned vm, const char *s)
{
    console_vm_write(&vms[vm], s, strlen(s));
}

/* ---- Output --------------------------------------------------------------*/

static void other_vms_lines_go_out_whole_and_tagged(void **state)
{
    (void)state;
    write_str(1, "hel");
    assert_string_equal(uart_out, "");
    write_str(1, "lo\r\nwor");
    assert_string_equal(uart_out, "[vm1] hello\r\n");
    console_vm_putc(&vms[2], 'x');
    console_vm_putc(&vms[2], '\n');
    write_str(1, "ld\n");
    assert_string_equal(uart_out, "[vm1] hello\r\n"
                                  "[vm2] x\r\n"
                                  "[vm1] world\r\n");
}

static void the_focus_vm_writes_through(void **state)
{
    (void)state;
    write_str(0, "$ ");
    assert_string_equal(uart_out, "[vm0] $ ");
    console_vm_putc(&vms[0], 'l');
    assert_string_equal(uart_out, "[vm0] $ l");
    /* Another line first ends the open one; its rest is tagged "+". */
    printk("[baobab] hi\n");
    write_str(0, "s\r\n");
    write_str(0, "$ \n");
    assert_string_equal(uart_out, "[vm0] $ l\r\n"
                                  "[baobab] hi\r\n"
                                  "[vm0]+ s\r\n"
                                  "[vm0] $ \r\n");
}

/* A VM whose line another VM cut, and which loses the focus before it
 * goes on, still tags the rest as the rest. */
/*
 * No VM can steer the terminal (issue 13, finding 5): escape sequences,
 * bells and other control bytes, and bytes above 0x7e, are shown as
 * "\xNN"; tabs go out; a backspace takes back only the VM's own
 * characters, never its tag.
 */
static void control_characters_are_shown_not_obeyed(void **state)
{
    (void)state;
    write_str(1, "a\x1b[2K\x07"
                 "b\tc\x7f\xc3\n");
    assert_string_equal(uart_out, "[vm1] a\\x1b[2K\\x07b\tc\\x7f\\xc3\r\n");
    clear_output();
    /* A line buffered for another VM: backspaces edit it, then show. */
    write_str(2, "abc\b\bX\n\b\b[baobab] fake\n");
    assert_string_equal(uart_out, "[vm2] aX\r\n"
                                  "[vm2] \\x08\\x08[baobab] fake\r\n");
    clear_output();
    /* The focus VM's backspaces go out while it has characters out. */
    write_str(0, "ab\b\b\b\bc");
    assert_string_equal(uart_out, "[vm0] ab\b\b\\x08\\x08c");
    write_str(0, "\n");
}

static void the_rest_of_a_cut_line_keeps_its_mark(void **state)
{
    (void)state;
    write_str(0, "abc");
    write_str(1, "other\n");
    console_set_focus(1);
    write_str(0, "def\n");
    assert_non_null(strstr(uart_out, "[vm0] abc\r\n"
                                     "[vm1] other\r\n"));
    assert_non_null(strstr(uart_out, "[vm0]+ def\r\n"));
}

static void a_long_line_is_cut(void **state)
{
    char line[VM_LINE_MAX + 2];
    char want[VM_LINE_MAX + 16];

    (void)state;
    memset(line, 'y', VM_LINE_MAX + 1);
    line[VM_LINE_MAX + 1] = '\0';
    write_str(2, line);
    snprintf(want, sizeof(want), "[vm2] %.*s\r\n", VM_LINE_MAX, line);
    assert_string_equal(uart_out, want);
    assert_int_equal(vms[2].line_len, 1); /* the rest waits */
    write_str(2, "\n");
    assert_non_null(strstr(uart_out, "\r\n[vm2]+ y\r\n"));
}

static void nothing_goes_out_before_a_driver(void **state)
{
    (void)state;
    console_init(NULL);
    assert_false(console_ready());
    assert_int_equal(printk("%d", 1234), 4);
    /* Even the focus VM's output waits in its line. */
    write_str(0, "hi");
    assert_int_equal(vms[0].line_len, 2);
    console_init(&uart);
    assert_true(console_ready());
    assert_string_equal(uart_out, "");
}

/* ---- Input and the focus -------------------------------------------------*/

static void input_goes_to_the_focus_vm(void **state)
{
    (void)state;
    fake.uart_takes_input = true;
    fake.uart_room = 100;
    type("ab");
    assert_string_equal(fake.uart_rx, "ab");
    assert_ptr_equal(fake.uart_rx_vm, &vms[0]);
    type(ESC "1cd");
    assert_string_equal(uart_out, "[baobab] console: input goes to VM 1\r\n");
    assert_string_equal(fake.uart_rx, "abcd");
    assert_ptr_equal(fake.uart_rx_vm, &vms[1]);
}

static void the_new_focus_vms_unfinished_line_shows(void **state)
{
    (void)state;
    write_str(1, "login: ");
    assert_string_equal(uart_out, "");
    type(ESC "1");
    write_str(1, "r");
    assert_string_equal(uart_out, "[baobab] console: input goes to VM 1\r\n"
                                  "[vm1] login: r");
    /* VM 0 lost the focus: its output is collected in lines again. */
    write_str(0, "bg");
    assert_string_equal(uart_out, "[baobab] console: input goes to VM 1\r\n"
                                  "[vm1] login: r");
}

static void
escape_twice_is_one_escape_and_anything_else_is_dropped(void **state)
{
    (void)state;
    fake.uart_takes_input = true;
    fake.uart_room = 100;
    type(ESC ESC);
    assert_string_equal(fake.uart_rx, ESC);
    type(ESC "q");
    assert_string_equal(fake.uart_rx, ESC);
    type("z");
    assert_string_equal(fake.uart_rx, ESC "z");
    assert_ptr_equal(fake.uart_rx_vm, &vms[0]);
    assert_string_equal(uart_out, "");
}

static void
an_escape_may_end_one_interrupt_and_its_digit_start_the_next(void **state)
{
    (void)state;
    type(ESC);
    type("2");
    assert_string_equal(uart_out, "[baobab] console: input goes to VM 2\r\n");
}

static void there_is_no_such_vm(void **state)
{
    (void)state;
    fake.uart_takes_input = true;
    fake.uart_room = 100;
    type(ESC "9a");
    assert_string_equal(uart_out, "[baobab] warning: console: there is no VM "
                                  "9; input stays with VM 0\r\n");
    assert_string_equal(fake.uart_rx, "a");
    assert_ptr_equal(fake.uart_rx_vm, &vms[0]);
}

static void input_nobody_takes_is_dropped_and_counted(void **state)
{
    (void)state;
    fake.uart_takes_input = false; /* e.g. VM 0 restarting */
    fake.uart_room = 100;
    type("lost");
    assert_int_equal(fake.uart_rx_n, 0);
    type(ESC "1");
    assert_string_equal(uart_out, "[baobab] warning: console: 4 typed "
                                  "characters were not read by VM 0\r\n"
                                  "[baobab] console: input goes to VM 1\r\n");
    /* Gone for good: VM 1 does not get it. */
    fake.uart_takes_input = true;
    console_input_room(&vms[1]);
    assert_int_equal(fake.uart_rx_n, 0);
}

static void input_waits_for_room(void **state)
{
    (void)state;
    fake.uart_takes_input = true;
    fake.uart_room = 2;
    type("hello");
    assert_string_equal(fake.uart_rx, "he");
    fake.uart_room = 10;
    console_input_room(&vms[1]); /* not the focus VM: nothing for it */
    assert_string_equal(fake.uart_rx, "he");
    console_input_room(&vms[0]);
    assert_string_equal(fake.uart_rx, "hello");
    assert_int_equal(fake.uart_room, 7);
    assert_string_equal(uart_out, "");
}

static void a_switch_drops_what_the_old_vm_did_not_take(void **state)
{
    (void)state;
    fake.uart_takes_input = true;
    fake.uart_room = 0;
    type("abc");
    type(ESC "2");
    assert_string_equal(uart_out, "[baobab] warning: console: 3 typed "
                                  "characters were not read by VM 0\r\n"
                                  "[baobab] console: input goes to VM 2\r\n");
    fake.uart_room = 10;
    console_input_room(&vms[2]);
    assert_int_equal(fake.uart_rx_n, 0);
}

static void sbi_reads_come_from_the_vms_uart(void **state)
{
    (void)state;
    fake.uart_in = "q";
    assert_int_equal(console_vm_getc(&vms[1]), 'q');
    assert_int_equal(console_vm_getc(&vms[1]), -1);
}

/* ---- No VM waits for another's printing (issue 13, finding 4) -------- */

/* A UART on which, as its `at`th character goes out, VM 1 (on another
 * hart) writes `what`: the UART is busy then. */
static size_t meddle_at, meddle_len, meddle_took;
static const char *meddle_what;

static void meddling_putc(char c)
{
    uart_putc(c);
    if (uart_out_n == meddle_at)
        meddle_took = console_vm_write(&vms[1], meddle_what, meddle_len);
}

static const struct console_driver meddling_uart = {.putc = meddling_putc,
                                                    .getc = uart_getc};

static unsigned console_events_for(unsigned hart)
{
    unsigned n = 0;

    for (unsigned i = 0; i < fake.events_n; i++)
        n += fake.events[i].hart == hart &&
             fake.events[i].event == CPU_EV_CONSOLE;
    return n;
}

/* Before the fix VM 1 waited here for the UART (in a test: forever). */
static void a_vm_does_not_wait_for_the_uart_another_holds(void **state)
{
    (void)state;
    console_init(&meddling_uart);
    meddle_at = 3;
    meddle_what = "tick 1\n";
    meddle_len = strlen(meddle_what);
    write_str(0, "$ ls\n");
    assert_int_equal(meddle_took, meddle_len); /* taken, not waited for */
    /* VM 0's line is whole; VM 1's follows it, from VM 0's turn. */
    assert_string_equal(uart_out, "[vm0] $ ls\r\n[vm1] tick 1\r\n");
    console_init(&uart);
}

/* What a VM writes beyond its buffer is refused (DBCN says how much it
 * took); a full buffer makes it wait for its own output only. */
static void a_full_buffer_takes_no_more(void **state)
{
    static char big[VM_CONSOLE_OUT + 100];

    (void)state;
    memset(big, 'y', sizeof(big));
    console_init(&meddling_uart);
    meddle_at = 1;
    meddle_what = big;
    meddle_len = sizeof(big);
    write_str(0, "x");
    assert_int_equal(meddle_took, VM_CONSOLE_OUT);
    console_init(&uart);
}

/*
 * The UART's holder prints a bounded share (its own 512 bytes, a line's
 * worth of each other VM's) and hands the rest to the owners' harts as
 * console events, which print it in their own time.
 */
static void a_long_write_goes_out_in_shares_on_the_vms_own_hart(void **state)
{
    char text[40 * 50 + 1], want[40 * 60];
    size_t w = 0;
    unsigned rounds = 0;

    (void)state;
    for (unsigned i = 0; i < 40; i++) {
        snprintf(text + i * 50, 51, "line %02u %041u\n", i, i);
        w += (size_t)snprintf(want + w, sizeof(want) - w,
                              "[vm2] line %02u %041u\r\n", i, i);
    }
    assert_int_equal(console_vm_write(&vms[2], text, strlen(text)),
                     strlen(text));
    /* 512 bytes: ten whole lines, the eleventh collected. */
    assert_int_equal(strlen(uart_out), 10 * 57);
    assert_int_equal(console_events_for(6), 1);
    while (strlen(uart_out) < strlen(want) && rounds++ < 10) {
        fake.events_n = 0;
        console_vm_event(&vms[2]);
    }
    assert_string_equal(uart_out, want);
    assert_int_equal(rounds, 3); /* 2000 bytes: 512 now, 3 events more */
    assert_int_equal(console_events_for(6), 0);
}

/* A VM going down: all its output goes out at once, not in shares. */
static void a_flush_prints_everything(void **state)
{
    char text[40 * 50 + 1];

    (void)state;
    for (unsigned i = 0; i < 40; i++)
        snprintf(text + i * 50, 51, "line %02u %041u\n", i, i);
    console_vm_write(&vms[2], text, strlen(text));
    assert_int_equal(strlen(uart_out), 10 * 57);
    console_vm_flush(&vms[2]);
    assert_int_equal(strlen(uart_out), 40 * 57);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(other_vms_lines_go_out_whole_and_tagged),
        T(the_focus_vm_writes_through),
        T(control_characters_are_shown_not_obeyed),
        T(the_rest_of_a_cut_line_keeps_its_mark),
        T(a_long_line_is_cut),
        T(nothing_goes_out_before_a_driver),
        T(input_goes_to_the_focus_vm),
        T(the_new_focus_vms_unfinished_line_shows),
        T(escape_twice_is_one_escape_and_anything_else_is_dropped),
        T(an_escape_may_end_one_interrupt_and_its_digit_start_the_next),
        T(there_is_no_such_vm),
        T(input_nobody_takes_is_dropped_and_counted),
        T(input_waits_for_room),
        T(a_switch_drops_what_the_old_vm_did_not_take),
        T(sbi_reads_come_from_the_vms_uart),
        T(a_vm_does_not_wait_for_the_uart_another_holds),
        T(a_full_buffer_takes_no_more),
        T(a_long_write_goes_out_in_shares_on_the_vms_own_hart),
        T(a_flush_prints_everything),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
