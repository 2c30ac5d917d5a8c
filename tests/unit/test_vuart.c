/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for the virtual 16550A (src/core/vuart.c), driven through its
 * byte registers at the offsets and with the bit values of the PC16550D
 * datasheet, written out here as literals so a wrong constant in the header
 * shows up.
 *
 * Every test starts from a freshly reset UART whose memory was filled with
 * garbage first, so the reset has to set every field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <core/vuart.h>
#include <lib/util.h>

/* Table II. */
#define RBR 0
#define THR 0
#define DLL 0
#define IER 1
#define DLM 1
#define IIR 2
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define MSR 6
#define SCR 7

#define IER_RDI 0x01
#define IER_THRI 0x02
#define IER_RLSI 0x04
#define IER_MSI 0x08

#define IIR_NONE 0x01
#define IIR_MSR 0x00
#define IIR_THRE 0x02
#define IIR_RDA 0x04
#define IIR_RLS 0x06
#define IIR_FIFO 0xc0

#define FCR_ENABLE 0x01
#define FCR_CLEAR_RX 0x02
#define FCR_CLEAR_TX 0x04
#define FCR_TRIGGER_8 0x80

#define LCR_8N1 0x03
#define LCR_DLAB 0x80

#define MCR_DTR 0x01
#define MCR_RTS 0x02
#define MCR_OUT1 0x04
#define MCR_OUT2 0x08
#define MCR_LOOP 0x10

#define LSR_DR 0x01
#define LSR_OE 0x02
#define LSR_THRE 0x20
#define LSR_TEMT 0x40

#define MSR_DCTS 0x01
#define MSR_DDSR 0x02
#define MSR_TERI 0x04
#define MSR_DDCD 0x08
#define MSR_CTS 0x10
#define MSR_DSR 0x20
#define MSR_RI 0x40
#define MSR_DCD 0x80
/* What an idle, connected terminal shows. */
#define MSR_IDLE (MSR_CTS | MSR_DSR | MSR_DCD)

static struct vuart uart;

static int setup(void **state)
{
    (void)state;
    memset(&uart, 0xa5, sizeof(uart));
    vuart_reset(&uart);
    return 0;
}

/* ---- Helpers ------------------------------------------------------------*/

static uint8_t rd(uint64_t offset)
{
    return vuart_read(&uart, offset);
}

/* A write that must not transmit anything. */
static void wr(uint64_t offset, uint8_t value)
{
    struct vuart_result res = vuart_write(&uart, offset, value);

    assert_false(res.transmitted);
}

/* A THR write that must transmit value. */
static void tx(uint8_t value)
{
    struct vuart_result res = vuart_write(&uart, THR, value);

    assert_true(res.transmitted);
    assert_int_equal(res.byte, value);
}

static void push(uint8_t byte)
{
    assert_true(vuart_rx_push(&uart, byte));
}

static bool line(void)
{
    return vuart_irq_line(&uart);
}

/* ---- Reset (Table III) --------------------------------------------------*/

static void test_reset_values(void **state)
{
    (void)state;
    assert_int_equal(rd(IER), 0);
    assert_int_equal(rd(LCR), 0);
    assert_int_equal(rd(MCR), 0);
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    assert_int_equal(rd(MSR), MSR_IDLE);
    assert_int_equal(rd(SCR), 0);
    assert_int_equal(rd(IIR), IIR_NONE); /* also: FCR 0, no FIFO bits */
    assert_int_equal(rd(RBR), 0);        /* nothing received */
    wr(LCR, LCR_DLAB);
    assert_int_equal(rd(DLL), 0);
    assert_int_equal(rd(DLM), 0);
    assert_false(line());
    assert_int_equal(vuart_rx_room(&uart), VUART_RX_FIFO_SIZE);
}

static void test_reset_clears_a_busy_uart(void **state)
{
    (void)state;
    wr(IER, 0x0f);
    wr(FCR, FCR_ENABLE);
    wr(MCR, MCR_LOOP | MCR_RTS);
    wr(SCR, 0x42);
    wr(LCR, LCR_DLAB | LCR_8N1);
    wr(DLL, 1);
    wr(LCR, LCR_8N1);
    wr(MCR, 0);
    for (unsigned i = 0; i <= VUART_RX_FIFO_SIZE; i++)
        vuart_rx_push(&uart, (uint8_t)i);
    assert_true(line());

    vuart_reset(&uart);
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_NONE);
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    assert_int_equal(rd(MSR), MSR_IDLE);
    assert_int_equal(rd(IER), 0);
    assert_int_equal(rd(MCR), 0);
    assert_int_equal(rd(SCR), 0);
    assert_int_equal(vuart_rx_room(&uart), VUART_RX_FIFO_SIZE);
}

/* ---- Divisor latch and LCR (ds 8.1, 8.3) -------------------------------*/

static void test_dlab_selects_divisor_latch(void **state)
{
    (void)state;
    wr(IER, IER_RDI | IER_RLSI);
    wr(LCR, LCR_DLAB | LCR_8N1);
    assert_int_equal(rd(LCR), LCR_DLAB | LCR_8N1);
    /* Offsets 0 and 1 are now the latch: neither transmits nor enables. */
    wr(DLL, 0x36);
    wr(DLM, 0x01);
    assert_int_equal(rd(DLL), 0x36);
    assert_int_equal(rd(DLM), 0x01);
    push('x');
    assert_int_equal(rd(DLL), 0x36); /* not the received byte */

    wr(LCR, LCR_8N1);
    assert_int_equal(rd(IER), IER_RDI | IER_RLSI);
    assert_int_equal(rd(RBR), 'x');
    tx('y');
    /* The latch kept its value behind THR/IER. */
    wr(LCR, LCR_DLAB);
    assert_int_equal(rd(DLL), 0x36);
    assert_int_equal(rd(DLM), 0x01);
}

static void test_lcr_reads_back_all_bits(void **state)
{
    (void)state;
    wr(LCR, 0x7f);
    assert_int_equal(rd(LCR), 0x7f);
    wr(LCR, 0xff);
    assert_int_equal(rd(LCR), 0xff);
    wr(LCR, 0x1b); /* 8 bits, even parity, 1 stop */
    assert_int_equal(rd(LCR), 0x1b);
}

/* ---- Transmit -----------------------------------------------------------*/

static void test_thr_write_transmits_and_thre_stays(void **state)
{
    (void)state;
    tx('h');
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    tx('i');
    tx(0x00);
    tx(0xff);
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    /* Nothing looped back into the receiver. */
    assert_int_equal(vuart_rx_room(&uart), VUART_RX_FIFO_SIZE);
}

/* ---- IER (ds 8.7) -------------------------------------------------------*/

static void test_ier_keeps_low_four_bits(void **state)
{
    (void)state;
    wr(IER, 0xff);
    assert_int_equal(rd(IER), 0x0f);
    wr(IER, 0xf5);
    assert_int_equal(rd(IER), 0x05);
    wr(IER, 0);
    assert_int_equal(rd(IER), 0);
}

/* ---- THRE interrupt (Table IV) -----------------------------------------*/

static void test_thre_irq_on_etbei_rising_edge(void **state)
{
    (void)state;
    assert_false(line());
    wr(IER, IER_THRI);
    assert_true(line());
    assert_int_equal(rd(IIR), IIR_THRE);
}

static void test_thre_irq_cleared_by_iir_read(void **state)
{
    (void)state;
    wr(IER, IER_THRI);
    assert_int_equal(rd(IIR), IIR_THRE);
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_NONE);
    /* Rewriting IER without a 0->1 edge of ETBEI does not raise it again. */
    wr(IER, IER_THRI);
    assert_false(line());
    wr(IER, IER_THRI | IER_RDI);
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_NONE);
}

static void test_thre_irq_reset_by_next_thr_write(void **state)
{
    (void)state;
    wr(IER, IER_THRI);
    assert_int_equal(rd(IIR), IIR_THRE);
    assert_false(line());
    tx('a');
    assert_true(line());
    assert_int_equal(rd(IIR), IIR_THRE);
    assert_false(line());
}

static void test_thre_irq_cleared_by_etbei_off(void **state)
{
    (void)state;
    wr(IER, IER_THRI);
    assert_true(line());
    wr(IER, 0);
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_NONE);
    /* Dropped, not merely masked (the next 0->1 edge would hide it). */
    assert_false(uart.thre_pending);
    /* A THR write with ETBEI off leaves nothing pending behind. */
    tx('b');
    assert_false(line());
    wr(IER, IER_RDI);
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_NONE);
}

static void test_iir_read_keeps_thre_when_reporting_another(void **state)
{
    (void)state;
    wr(IER, IER_THRI | IER_RDI);
    push('k');
    assert_int_equal(rd(IIR), IIR_RDA);
    assert_int_equal(rd(IIR), IIR_RDA);
    assert_int_equal(rd(RBR), 'k');
    /* THRE was hidden behind the data, not acknowledged. */
    assert_true(line());
    assert_int_equal(rd(IIR), IIR_THRE);
    assert_int_equal(rd(IIR), IIR_NONE);
}

/* ---- Receive ------------------------------------------------------------*/

static void test_rx_push_sets_dr_and_rda(void **state)
{
    (void)state;
    push('q');
    assert_int_equal(rd(LSR), LSR_DR | LSR_THRE | LSR_TEMT);
    /* Pending, but not enabled: no interrupt. */
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_NONE);
    wr(FCR, FCR_ENABLE | FCR_TRIGGER_8);
    push('r');
    /* A single byte is enough whatever the trigger level. */
    wr(IER, IER_RDI);
    assert_true(line());
    assert_int_equal(rd(IIR), IIR_FIFO | IIR_RDA);
    /* Reading IIR does not acknowledge received data. */
    assert_true(line());
    wr(IER, 0);
    assert_false(line());
}

static void test_rbr_pops_in_order_and_deasserts_when_empty(void **state)
{
    (void)state;
    wr(IER, IER_RDI);
    push('a');
    push('b');
    push('c');
    assert_int_equal(vuart_rx_room(&uart), VUART_RX_FIFO_SIZE - 3);
    assert_int_equal(rd(RBR), 'a');
    assert_true(line());
    assert_int_equal(rd(RBR), 'b');
    assert_true(line());
    assert_int_equal(rd(LSR) & LSR_DR, LSR_DR);
    assert_int_equal(rd(RBR), 'c');
    assert_false(line());
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    assert_int_equal(rd(IIR), IIR_NONE);
    assert_int_equal(rd(RBR), 0);
    assert_int_equal(vuart_rx_room(&uart), VUART_RX_FIFO_SIZE);
}

static void test_rx_fifo_wraps_around(void **state)
{
    (void)state;
    /* Fill and drain in steps so head and tail wrap several times. */
    for (unsigned round = 0; round < 5; round++) {
        for (unsigned i = 0; i < VUART_RX_FIFO_SIZE - 3; i++)
            push((uint8_t)(round * 7 + i));
        for (unsigned i = 0; i < VUART_RX_FIFO_SIZE - 3; i++)
            assert_int_equal(rd(RBR), (uint8_t)(round * 7 + i));
        assert_int_equal(rd(LSR) & LSR_DR, 0);
    }
}

static void test_fifo_full_overruns(void **state)
{
    (void)state;
    wr(IER, IER_RDI | IER_RLSI);
    for (unsigned i = 0; i < VUART_RX_FIFO_SIZE; i++)
        push((uint8_t)('A' + i % 26));
    assert_int_equal(vuart_rx_room(&uart), 0);
    /* Full, but no overrun yet. */
    assert_int_equal(rd(IIR), IIR_RDA);
    assert_false(vuart_rx_push(&uart, '!'));
    assert_true(line());
    assert_int_equal(rd(IIR), IIR_RLS);
    assert_int_equal(rd(IIR), IIR_RLS); /* IIR does not clear it */
    assert_int_equal(rd(LSR), LSR_DR | LSR_OE | LSR_THRE | LSR_TEMT);
    /* The LSR read cleared OE: received data is next. */
    assert_int_equal(rd(LSR), LSR_DR | LSR_THRE | LSR_TEMT);
    assert_int_equal(rd(IIR), IIR_RDA);
    /* The FIFO kept what it had and dropped the new byte. */
    for (unsigned i = 0; i < VUART_RX_FIFO_SIZE; i++)
        assert_int_equal(rd(RBR), 'A' + i % 26);
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    assert_false(line());
}

static void test_overrun_interrupt_needs_elsi(void **state)
{
    (void)state;
    for (unsigned i = 0; i <= VUART_RX_FIFO_SIZE; i++)
        vuart_rx_push(&uart, 0);
    assert_false(line());
    wr(IER, IER_RLSI);
    assert_true(line());
    assert_int_equal(rd(IIR), IIR_RLS);
    rd(LSR);
    assert_false(line());
}

static void test_iir_priority_order(void **state)
{
    (void)state;
    wr(IER, IER_RDI | IER_THRI | IER_RLSI | IER_MSI);
    /* THRE pending from the ETBEI edge; add the other three. */
    wr(MCR, MCR_LOOP); /* CTS, DSR and DCD drop: modem status */
    for (unsigned i = 0; i <= VUART_RX_FIFO_SIZE; i++)
        wr(THR, (uint8_t)i); /* looped back: fills and overruns */
    wr(MCR, 0);              /* leave loopback; the FIFO keeps its bytes */

    assert_int_equal(rd(IIR), IIR_RLS);
    rd(LSR);
    assert_int_equal(rd(IIR), IIR_RDA);
    while (rd(LSR) & LSR_DR)
        rd(RBR);
    assert_int_equal(rd(IIR), IIR_THRE); /* this read acknowledges it */
    assert_int_equal(rd(IIR), IIR_MSR);
    assert_int_equal(rd(MSR) & 0x0f, MSR_DCTS | MSR_DDSR | MSR_DDCD);
    assert_int_equal(rd(IIR), IIR_NONE);
    assert_false(line());
}

/* ---- FCR (ds 8.5) -------------------------------------------------------*/

static void test_fcr_clears_rx(void **state)
{
    (void)state;
    wr(FCR, FCR_ENABLE);
    wr(IER, IER_RDI);
    push('1');
    push('2');
    wr(FCR, FCR_ENABLE | FCR_CLEAR_TX); /* TX only: RX untouched */
    assert_int_equal(rd(LSR) & LSR_DR, LSR_DR);
    wr(FCR, FCR_ENABLE | FCR_CLEAR_RX);
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_FIFO | IIR_NONE);
    /* The clear bit is self-clearing: later bytes stay. */
    push('3');
    assert_int_equal(rd(RBR), '3');
}

static void test_fcr_clear_needs_enable_bit(void **state)
{
    (void)state;
    push('1');
    /* FIFOs off and staying off: bit 1 is not programmed. */
    wr(FCR, FCR_CLEAR_RX);
    assert_int_equal(rd(LSR) & LSR_DR, LSR_DR);
    /* Switching the FIFOs on empties them ... */
    wr(FCR, FCR_ENABLE);
    assert_int_equal(rd(LSR) & LSR_DR, 0);
    push('2');
    wr(FCR, FCR_ENABLE | FCR_TRIGGER_8); /* ... staying on does not ... */
    assert_int_equal(rd(RBR), '2');
    push('3');
    wr(FCR, 0); /* ... and switching them off does too. */
    assert_int_equal(rd(LSR) & LSR_DR, 0);
}

static void test_iir_fifo_bits_follow_fcr_enable(void **state)
{
    (void)state;
    assert_int_equal(rd(IIR), 0x01);
    wr(FCR, FCR_ENABLE);
    assert_int_equal(rd(IIR), 0xc1);
    wr(IER, IER_THRI);
    assert_int_equal(rd(IIR), 0xc2);
    wr(FCR, FCR_ENABLE | FCR_CLEAR_RX | FCR_CLEAR_TX | 0xc0);
    assert_int_equal(rd(IIR), 0xc1);
    wr(FCR, 0);
    assert_int_equal(rd(IIR), 0x01);
    assert_int_equal(uart.fcr, 0xc0); /* trigger bits left unprogrammed */
}

/* ---- Loopback (ds 8.8 bit 4) -------------------------------------------*/

static void test_loopback_routes_tx_into_rx(void **state)
{
    (void)state;
    wr(IER, IER_RDI);
    wr(MCR, MCR_LOOP);
    wr(THR, 0x55); /* wr() asserts nothing was transmitted */
    wr(THR, 0xaa);
    assert_true(line());
    assert_int_equal(rd(LSR), LSR_DR | LSR_THRE | LSR_TEMT);
    assert_int_equal(rd(RBR), 0x55);
    assert_int_equal(rd(RBR), 0xaa);
    assert_false(line());
    /* Out of loopback the bytes go out again. */
    wr(MCR, 0);
    tx(0x55);
    assert_int_equal(rd(LSR) & LSR_DR, 0);
}

static void test_loopback_disconnects_console_input(void **state)
{
    (void)state;
    wr(MCR, MCR_LOOP);
    assert_int_equal(vuart_rx_room(&uart), 0);
    assert_false(vuart_rx_push(&uart, 'z'));
    /* Not taken, but not an overrun either. */
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    wr(MCR, 0);
    assert_int_equal(vuart_rx_room(&uart), VUART_RX_FIFO_SIZE);
    push('z');
    assert_int_equal(rd(RBR), 'z');
}

static void test_loopback_overrun(void **state)
{
    (void)state;
    wr(MCR, MCR_LOOP);
    for (unsigned i = 0; i < VUART_RX_FIFO_SIZE; i++)
        wr(THR, (uint8_t)i);
    assert_int_equal(rd(LSR), LSR_DR | LSR_THRE | LSR_TEMT);
    wr(THR, 0xee);
    assert_int_equal(rd(LSR), LSR_DR | LSR_OE | LSR_THRE | LSR_TEMT);
    assert_int_equal(rd(RBR), 0);
}

static void test_loopback_mirrors_mcr_into_msr(void **state)
{
    (void)state;
    wr(MCR, MCR_LOOP);
    assert_int_equal(rd(MSR) & 0xf0, 0);
    wr(MCR, MCR_LOOP | MCR_RTS);
    assert_int_equal(rd(MSR) & 0xf0, MSR_CTS);
    wr(MCR, MCR_LOOP | MCR_DTR);
    assert_int_equal(rd(MSR) & 0xf0, MSR_DSR);
    wr(MCR, MCR_LOOP | MCR_OUT1);
    assert_int_equal(rd(MSR) & 0xf0, MSR_RI);
    wr(MCR, MCR_LOOP | MCR_OUT2);
    assert_int_equal(rd(MSR) & 0xf0, MSR_DCD);
    /* The probe Linux's 8250 autoconfig does: RTS and OUT2 looped. */
    wr(MCR, MCR_LOOP | MCR_OUT2 | MCR_RTS);
    assert_int_equal(rd(MSR) & 0xf0, 0x90);
    wr(MCR, MCR_LOOP | 0x0f);
    assert_int_equal(rd(MSR) & 0xf0, 0xf0);
    /* Outside loopback the outputs do not matter. */
    wr(MCR, 0x0f);
    assert_int_equal(rd(MSR) & 0xf0, MSR_IDLE);
    wr(MCR, 0);
    assert_int_equal(rd(MSR) & 0xf0, MSR_IDLE);
}

/* ---- MCR and MSR (ds 8.8, 8.9) -----------------------------------------*/

static void test_mcr_keeps_low_five_bits(void **state)
{
    (void)state;
    wr(MCR, 0xef);
    assert_int_equal(rd(MCR), 0x0f);
    wr(MCR, 0xff);
    assert_int_equal(rd(MCR), 0x1f);
    wr(MCR, 0);
    assert_int_equal(rd(MCR), 0);
}

static void test_msr_idle_terminal_never_changes(void **state)
{
    (void)state;
    /* Without loopback the outputs do not reach the inputs: no deltas. */
    wr(MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
    wr(MCR, 0);
    wr(MCR, MCR_OUT1);
    wr(MCR, 0);
    assert_int_equal(rd(MSR), MSR_IDLE);
    wr(MSR, 0xff); /* not writable */
    assert_int_equal(rd(MSR), MSR_IDLE);
}

static void test_msr_deltas_and_clear_on_read(void **state)
{
    (void)state;
    wr(MCR, MCR_LOOP | 0x0f);
    /* Into loopback all on: RI came on, nothing else changed yet. */
    assert_int_equal(rd(MSR), 0xf0);
    assert_int_equal(rd(MSR), 0xf0);
    wr(MCR, MCR_LOOP | MCR_DTR | MCR_OUT1 | MCR_OUT2); /* RTS off */
    assert_int_equal(rd(MSR), MSR_DSR | MSR_RI | MSR_DCD | MSR_DCTS);
    assert_int_equal(rd(MSR), MSR_DSR | MSR_RI | MSR_DCD);
    wr(MCR, MCR_LOOP | MCR_OUT2); /* DTR and OUT1 off: DSR off, RI ends */
    assert_int_equal(rd(MSR), MSR_DCD | MSR_DDSR | MSR_TERI);
    wr(MCR, MCR_LOOP | MCR_OUT1); /* RI on: no TERI; DCD off */
    assert_int_equal(rd(MSR), MSR_RI | MSR_DDCD);
    wr(MCR, MCR_LOOP);
    wr(MCR, MCR_LOOP | MCR_RTS);
    wr(MCR, MCR_LOOP); /* deltas accumulate until read */
    assert_int_equal(rd(MSR), MSR_DCTS | MSR_TERI);
    assert_int_equal(rd(MSR), 0);
}

static void test_msr_interrupt(void **state)
{
    (void)state;
    wr(MCR, MCR_LOOP);
    rd(MSR);
    wr(MCR, MCR_LOOP | MCR_RTS);
    assert_false(line()); /* not enabled */
    wr(IER, IER_MSI);
    assert_true(line());
    assert_int_equal(rd(IIR), IIR_MSR);
    assert_true(line()); /* IIR does not acknowledge it */
    assert_int_equal(rd(MSR), MSR_CTS | MSR_DCTS);
    assert_false(line());
    assert_int_equal(rd(IIR), IIR_NONE);
}

/* ---- LSR, SCR, window ---------------------------------------------------*/

static void test_lsr_writes_ignored(void **state)
{
    (void)state;
    wr(LSR, 0xff);
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
    wr(LSR, 0);
    assert_int_equal(rd(LSR), LSR_THRE | LSR_TEMT);
}

static void test_scr_holds_a_byte(void **state)
{
    (void)state;
    wr(SCR, 0x5a);
    assert_int_equal(rd(SCR), 0x5a);
    wr(LCR, LCR_DLAB); /* DLAB does not affect it */
    assert_int_equal(rd(SCR), 0x5a);
    wr(SCR, 0xc3);
    wr(LCR, 0);
    assert_int_equal(rd(SCR), 0xc3);
    assert_false(line());
}

static void test_offsets_beyond_the_registers(void **state)
{
    const uint64_t offsets[] = {
        8, 9, 15, 0x7f, VUART_SIZE - 1, VUART_SIZE, 0x1000, 0x100000000ULL};

    (void)state;
    wr(IER, IER_RDI);
    push('p');
    for (size_t i = 0; i < ARRAY_SIZE(offsets); i++) {
        wr(offsets[i], 0xff);
        assert_int_equal(rd(offsets[i]), 0);
    }
    /* Nothing aliased onto a real register. */
    assert_int_equal(rd(IER), IER_RDI);
    assert_int_equal(rd(LCR), 0);
    assert_int_equal(rd(SCR), 0);
    assert_int_equal(rd(RBR), 'p');
    assert_int_equal(VUART_SIZE, 0x100);
    assert_int_equal(VUART_REG_SIZE, 1);
}

static void test_line_not_gated_by_out2(void **state)
{
    (void)state;
    wr(IER, IER_RDI);
    push('o');
    assert_int_equal(rd(MCR) & MCR_OUT2, 0);
    assert_true(line());
    wr(MCR, MCR_OUT2);
    assert_true(line());
}

/* ---- Drivers ------------------------------------------------------------*/

/* A polled driver: wait for THRE, write; wait for DR, read. */
static void test_polled_driver(void **state)
{
    (void)state;
    wr(LCR, LCR_DLAB);
    wr(DLL, 1);
    wr(DLM, 0);
    wr(LCR, LCR_8N1);
    wr(FCR, FCR_ENABLE | FCR_CLEAR_RX | FCR_CLEAR_TX);
    for (const char *s = "ok\n"; *s; s++) {
        assert_int_equal(rd(LSR) & LSR_THRE, LSR_THRE);
        tx((uint8_t)*s);
    }
    assert_int_equal(rd(LSR) & LSR_DR, 0);
    push('y');
    assert_int_equal(rd(LSR) & LSR_DR, LSR_DR);
    assert_int_equal(rd(RBR), 'y');
    assert_int_equal(rd(LSR) & LSR_DR, 0);
    assert_false(line());
}

/*
 * What Linux's 8250 driver does to a fixed-type 16550A port when it is
 * opened: flush, probe the THRE interrupt, enable receive interrupts and
 * program the line.
 */
static void linux_startup(void)
{
    uint8_t iir1;
    uint8_t iir2;

    /* Clear and disable the FIFOs. */
    wr(FCR, FCR_ENABLE);
    wr(FCR, FCR_ENABLE | FCR_CLEAR_RX | FCR_CLEAR_TX);
    wr(FCR, 0);
    /* Clear the interrupt registers; the LSR must not read 0xff. */
    assert_int_not_equal(rd(LSR), 0xff);
    rd(RBR);
    rd(IIR);
    rd(MSR);
    wr(LCR, LCR_8N1);

    /* THRE test: the interrupt must come, and come again after 0 and 1. */
    wr(IER, IER_THRI);
    iir1 = rd(IIR);
    wr(IER, 0);
    wr(IER, IER_THRI);
    iir2 = rd(IIR);
    wr(IER, 0);
    assert_int_equal(iir1, IIR_THRE);
    assert_int_equal(iir2, IIR_THRE);

    /* Modem lines up; OUT2 for the PC's IRQ gate. */
    wr(MCR, MCR_DTR | MCR_RTS | MCR_OUT2);

    /* TXEN test: with TEMT set, IIR must not say "no interrupt". */
    wr(IER, IER_THRI);
    assert_int_equal(rd(LSR) & LSR_TEMT, LSR_TEMT);
    assert_int_equal(rd(IIR) & IIR_NONE, 0);
    wr(IER, 0);

    /* Clear the interrupt registers again. */
    rd(LSR);
    rd(RBR);
    rd(IIR);
    rd(MSR);
    assert_false(line());

    wr(IER, IER_RLSI | IER_RDI);
    assert_false(line());

    /* set_termios: 115200 8N1, FIFOs on with an 8-byte trigger. */
    wr(LCR, LCR_DLAB | LCR_8N1);
    wr(DLL, 1);
    wr(DLM, 0);
    wr(LCR, LCR_8N1);
    wr(FCR, FCR_ENABLE | FCR_TRIGGER_8);
    assert_int_equal(rd(IIR), IIR_FIFO | IIR_NONE);
    assert_false(line());
}

/*
 * The interrupt handler: if IIR says one is pending, read LSR, drain RX
 * into `in`, read MSR, and feed up to 16 bytes (the 16550A's TX FIFO) of
 * `*out` while THRE and ETBEI, disabling ETBEI once `*out` runs dry.
 * Returns whether the interrupt was for this port.
 */
static bool linux_irq(const char **out, char *in, size_t *in_len, char *sent,
                      size_t *sent_len)
{
    uint8_t lsr;

    if (rd(IIR) & IIR_NONE)
        return false;
    lsr = rd(LSR);
    while (lsr & LSR_DR) {
        in[(*in_len)++] = (char)rd(RBR);
        lsr = rd(LSR);
    }
    rd(MSR);
    if ((lsr & LSR_THRE) && (rd(IER) & IER_THRI)) {
        for (unsigned n = 0; n < 16 && **out; n++) {
            struct vuart_result res = vuart_write(&uart, THR, **out);

            assert_true(res.transmitted);
            sent[(*sent_len)++] = (char)res.byte;
            (*out)++;
        }
        if (!**out)
            wr(IER, rd(IER) & ~IER_THRI);
    }
    return true;
}

static void test_linux_8250_startup_tx_and_rx(void **state)
{
    const char *msg = "Welcome to Baobab, a static-partitioning hypervisor "
                      "for RISC-V!\r\n";
    const char *out = msg;
    char sent[128] = {0};
    char in[16] = {0};
    size_t sent_len = 0;
    size_t in_len = 0;
    unsigned irqs = 0;

    (void)state;
    linux_startup();

    /* start_tx: set ETBEI and let the interrupt do the rest. */
    wr(IER, rd(IER) | IER_THRI);
    while (line()) {
        assert_true(linux_irq(&out, in, &in_len, sent, &sent_len));
        assert_true(++irqs < 100);
    }
    assert_string_equal(sent, msg);
    assert_int_equal(in_len, 0);
    /* 16 bytes per interrupt; the last one turns ETBEI off. */
    assert_int_equal(irqs, (strlen(msg) + 15) / 16);
    assert_int_equal(rd(IER), IER_RLSI | IER_RDI);

    /* Someone types a line. */
    for (const char *s = "ls -l\r"; *s; s++) {
        assert_true(vuart_rx_push(&uart, (uint8_t)*s));
        while (line())
            assert_true(linux_irq(&out, in, &in_len, sent, &sent_len));
    }
    assert_string_equal(in, "ls -l\r");
    assert_int_equal(rd(IIR), IIR_FIFO | IIR_NONE);

    /* A burst arriving before the guest runs comes in one interrupt. */
    in_len = 0;
    memset(in, 0, sizeof(in));
    for (const char *s = "echo hi\r"; *s; s++)
        assert_true(vuart_rx_push(&uart, (uint8_t)*s));
    assert_true(linux_irq(&out, in, &in_len, sent, &sent_len));
    assert_string_equal(in, "echo hi\r");
    assert_false(line());
    /* Nothing pending: the shared-IRQ handler sees no interrupt. */
    assert_false(linux_irq(&out, in, &in_len, sent, &sent_len));
}

/* SBI console reads take bytes in order without touching the registers. */
static void test_rx_take_bypasses_registers(void **state)
{
    (void)state;
    assert_int_equal(vuart_rx_take(&uart), -1);
    push('a');
    push('b');
    vuart_write(&uart, VUART_LCR, VUART_LCR_DLAB); /* RBR now reads DLL */
    assert_int_equal(vuart_rx_take(&uart), 'a');
    assert_int_equal(vuart_read(&uart, VUART_LSR) & VUART_LSR_DR, VUART_LSR_DR);
    assert_int_equal(vuart_rx_take(&uart), 'b');
    assert_int_equal(vuart_rx_take(&uart), -1);
    assert_int_equal(vuart_read(&uart, VUART_LSR) & VUART_LSR_DR, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_reset_values, setup),
        cmocka_unit_test_setup(test_reset_clears_a_busy_uart, setup),
        cmocka_unit_test_setup(test_dlab_selects_divisor_latch, setup),
        cmocka_unit_test_setup(test_lcr_reads_back_all_bits, setup),
        cmocka_unit_test_setup(test_thr_write_transmits_and_thre_stays, setup),
        cmocka_unit_test_setup(test_ier_keeps_low_four_bits, setup),
        cmocka_unit_test_setup(test_thre_irq_on_etbei_rising_edge, setup),
        cmocka_unit_test_setup(test_thre_irq_cleared_by_iir_read, setup),
        cmocka_unit_test_setup(test_thre_irq_reset_by_next_thr_write, setup),
        cmocka_unit_test_setup(test_thre_irq_cleared_by_etbei_off, setup),
        cmocka_unit_test_setup(test_iir_read_keeps_thre_when_reporting_another,
                               setup),
        cmocka_unit_test_setup(test_rx_push_sets_dr_and_rda, setup),
        cmocka_unit_test_setup(test_rbr_pops_in_order_and_deasserts_when_empty,
                               setup),
        cmocka_unit_test_setup(test_rx_fifo_wraps_around, setup),
        cmocka_unit_test_setup(test_fifo_full_overruns, setup),
        cmocka_unit_test_setup(test_overrun_interrupt_needs_elsi, setup),
        cmocka_unit_test_setup(test_iir_priority_order, setup),
        cmocka_unit_test_setup(test_fcr_clears_rx, setup),
        cmocka_unit_test_setup(test_fcr_clear_needs_enable_bit, setup),
        cmocka_unit_test_setup(test_iir_fifo_bits_follow_fcr_enable, setup),
        cmocka_unit_test_setup(test_loopback_routes_tx_into_rx, setup),
        cmocka_unit_test_setup(test_loopback_disconnects_console_input, setup),
        cmocka_unit_test_setup(test_loopback_overrun, setup),
        cmocka_unit_test_setup(test_loopback_mirrors_mcr_into_msr, setup),
        cmocka_unit_test_setup(test_mcr_keeps_low_five_bits, setup),
        cmocka_unit_test_setup(test_msr_idle_terminal_never_changes, setup),
        cmocka_unit_test_setup(test_msr_deltas_and_clear_on_read, setup),
        cmocka_unit_test_setup(test_msr_interrupt, setup),
        cmocka_unit_test_setup(test_lsr_writes_ignored, setup),
        cmocka_unit_test_setup(test_scr_holds_a_byte, setup),
        cmocka_unit_test_setup(test_offsets_beyond_the_registers, setup),
        cmocka_unit_test_setup(test_line_not_gated_by_out2, setup),
        cmocka_unit_test_setup(test_polled_driver, setup),
        cmocka_unit_test_setup(test_linux_8250_startup_tx_and_rx, setup),
        cmocka_unit_test_setup(test_rx_take_bypasses_registers, setup),
    };
    return cmocka_run_group_tests_name("vuart", tests, NULL, NULL);
}
