/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A virtual 16550A UART: the register state machine behind the window of a
 * guest that does not own the physical UART, written from the PC16550D
 * datasheet (National Semiconductor/Texas Instruments, "PC16550D Universal
 * Asynchronous Receiver/Transmitter with FIFOs", June 1995; "ds <n>" below
 * names its sections: 8.1 line control, 8.3 baud generator (divisor
 * latch), 8.4 line status, 8.5 FIFO control, 8.6 interrupt identification,
 * 8.7 interrupt enable, 8.8 modem control, 8.9 modem status, 8.10
 * scratchpad; Table II is the register summary, Table III the reset state,
 * Table IV the interrupt control functions).
 *
 * Pure memory manipulation: no hardware access, no libc, no locking (the caller
 * holds the VM's vUART lock around every call) and no console I/O. The
 * caller traps the guest's byte accesses to the window and passes them to
 * vuart_read/vuart_write, prints the byte a write returns, feeds typed input
 * in with vuart_rx_push, and after every one of these calls re-evaluates
 * vuart_irq_line to drive the guest's interrupt source.
 *
 * The serial line behind it is the hypervisor console, not a wire: a byte
 * written to THR leaves at once, so THR and the transmitter shift register
 * are always empty; there is no baud rate, so there are no character times,
 * no receive timeout and no parity, framing or break errors; the modem is a
 * terminal that is always connected.
 */
#ifndef VUART_H
#define VUART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Guest window: QEMU virt maps 0x100 bytes for its UART; the 8 registers
 * sit at its start (reg-shift 0) and the rest reads 0 and ignores writes.
 */
#define VUART_SIZE 0x100
#define VUART_REG_SIZE 1 /* byte registers (DT reg-io-width 1) */
#define VUART_NUM_REGS 8

/*
 * Receive FIFO depth. The chip's is 16 (ds 8.5), but ours is filled by the
 * hypervisor console, which has already taken each byte off the physical
 * UART and has nowhere else to keep it: a pasted line arrives faster than a
 * guest that is busy (or between interrupts) drains it, and what does not
 * fit is lost. A guest cannot tell the difference: drivers read RBR for as
 * long as LSR.DR is set and never count on the FIFO filling up at 16.
 */
#define VUART_RX_FIFO_SIZE 64

/* Register offsets (Table II); DLAB is LCR bit 7. */
#define VUART_RBR 0 /* read, DLAB=0: receiver buffer (FIFO head) */
#define VUART_THR 0 /* write, DLAB=0: transmitter holding register */
#define VUART_DLL 0 /* DLAB=1: divisor latch, low byte (ds 8.3) */
#define VUART_IER 1 /* DLAB=0: interrupt enable (ds 8.7) */
#define VUART_DLM 1 /* DLAB=1: divisor latch, high byte (ds 8.3) */
#define VUART_IIR 2 /* read: interrupt identification (ds 8.6) */
#define VUART_FCR 2 /* write: FIFO control (ds 8.5) */
#define VUART_LCR 3 /* line control (ds 8.1) */
#define VUART_MCR 4 /* modem control (ds 8.8) */
#define VUART_LSR 5 /* line status (ds 8.4) */
#define VUART_MSR 6 /* modem status (ds 8.9) */
#define VUART_SCR 7 /* scratchpad (ds 8.10) */

/* ds 8.7: IER bits 0-3 enable the four sources, bits 4-7 are always 0. */
#define VUART_IER_ERBFI 0x01 /* received data available */
#define VUART_IER_ETBEI 0x02 /* transmitter holding register empty */
#define VUART_IER_ELSI 0x04  /* receiver line status */
#define VUART_IER_EDSSI 0x08 /* modem status */
#define VUART_IER_MASK 0x0f

/* ds 8.6, Table IV: bit 0 is 0 while an interrupt is pending. */
#define VUART_IIR_NONE 0x01
#define VUART_IIR_RLS 0x06  /* 1st priority: receiver line status */
#define VUART_IIR_RDA 0x04  /* 2nd: received data available */
#define VUART_IIR_THRE 0x02 /* 3rd: transmitter holding register empty */
#define VUART_IIR_MSR 0x00  /* 4th: modem status */
#define VUART_IIR_FIFO 0xc0 /* bits 7:6: set while FCR bit 0 is set */

/* ds 8.5: FCR is write-only; offset 2 reads IIR. */
#define VUART_FCR_ENABLE 0x01   /* both FIFOs on; gates bits 1-7 */
#define VUART_FCR_CLEAR_RX 0x02 /* self-clearing: empty the RX FIFO */
#define VUART_FCR_CLEAR_TX 0x04 /* self-clearing: empty the TX FIFO */
#define VUART_FCR_DMA_MODE 0x08 /* RXRDY/TXRDY pin mode: stored only */
#define VUART_FCR_TRIGGER 0xc0  /* RX trigger level: stored only */
/* The bits kept in struct vuart.fcr; bits 1 and 2 act and clear at once. */
#define VUART_FCR_STORED                                                       \
    (VUART_FCR_ENABLE | VUART_FCR_DMA_MODE | VUART_FCR_TRIGGER)

#define VUART_LCR_DLAB 0x80 /* ds 8.1: divisor latch access */

/* ds 8.8: MCR bits 5-7 are always 0. */
#define VUART_MCR_DTR 0x01
#define VUART_MCR_RTS 0x02
#define VUART_MCR_OUT1 0x04
#define VUART_MCR_OUT2 0x08
#define VUART_MCR_LOOP 0x10 /* local loopback (diagnostics) */
#define VUART_MCR_MASK 0x1f

/* ds 8.4 */
#define VUART_LSR_DR 0x01    /* data ready: RX FIFO not empty */
#define VUART_LSR_OE 0x02    /* overrun error */
#define VUART_LSR_PE 0x04    /* parity error: never here */
#define VUART_LSR_FE 0x08    /* framing error: never here */
#define VUART_LSR_BI 0x10    /* break interrupt: never here */
#define VUART_LSR_THRE 0x20  /* THR (TX FIFO) empty: always here */
#define VUART_LSR_TEMT 0x40  /* THR and shift register empty: always here */
#define VUART_LSR_RXERR 0x80 /* error in RX FIFO (PE/FE/BI): never here */

/* ds 8.9: bits 0-3 record changes since MSR was last read. */
#define VUART_MSR_DCTS 0x01
#define VUART_MSR_DDSR 0x02
#define VUART_MSR_TERI 0x04 /* RI went from on to off */
#define VUART_MSR_DDCD 0x08
#define VUART_MSR_DELTA 0x0f
#define VUART_MSR_CTS 0x10
#define VUART_MSR_DSR 0x20
#define VUART_MSR_RI 0x40
#define VUART_MSR_DCD 0x80

struct vuart {
    uint8_t ier; /* low 4 bits */
    uint8_t lcr;
    uint8_t mcr; /* low 5 bits */
    uint8_t fcr; /* VUART_FCR_STORED bits of the last programmed write */
    uint8_t dll;
    uint8_t dlm;
    uint8_t scr;
    uint8_t msr_delta; /* MSR bits 0-3, sticky until MSR is read */
    bool overrun;      /* LSR.OE, sticky until LSR is read */
    /* Table IV: the THRE interrupt, set and reset by events, not a level. */
    bool thre_pending;
    uint8_t rx[VUART_RX_FIFO_SIZE];
    unsigned rx_head; /* index of the oldest byte */
    unsigned rx_count;
};

/*
 * Power-on state (Table III): IER 0, IIR 0x01, FCR 0, LCR 0, MCR 0,
 * LSR 0x60, MSR 0xb0 (the terminal's CTS, DSR and DCD on, no changes),
 * FIFOs empty; the divisor latch and SCR, which the reset leaves alone on
 * the chip, are cleared too.
 */
void vuart_reset(struct vuart *u);

/*
 * The hypervisor console delivers a typed byte. False when the RX FIFO is
 * full: the byte is dropped and LSR.OE set, as the chip does with the byte
 * in its shift register (ds 8.4 bit 1, FIFO mode).
 */
bool vuart_rx_push(struct vuart *u, uint8_t byte);
/*
 * For SBI console reads, which bypass the registers: the oldest received
 * byte, or -1 when the FIFO is empty. No register side effects.
 */
int vuart_rx_take(struct vuart *u);
/* Free RX FIFO slots, for a caller that would rather hold input back. */
unsigned vuart_rx_room(const struct vuart *u);

/*
 * Whether the interrupt output is asserted: a level, high while any enabled
 * source is pending (whenever IIR would not read "none").
 */
bool vuart_irq_line(const struct vuart *u);

/* What a write did, for the caller to act on. */
struct vuart_result {
    bool transmitted; /* the guest sent a byte: print it */
    uint8_t byte;
};

/*
 * offset is from the window's base; the caller only passes single-byte
 * accesses (VUART_REG_SIZE). Offsets from VUART_NUM_REGS up read 0 and
 * ignore writes. Reads have side effects as on the chip: RBR pops the RX
 * FIFO, IIR acknowledges a THRE interrupt it reports, LSR clears OE and
 * MSR clears its change bits.
 */
uint8_t vuart_read(struct vuart *u, uint64_t offset);
struct vuart_result vuart_write(struct vuart *u, uint64_t offset,
                                uint8_t value);

#endif
