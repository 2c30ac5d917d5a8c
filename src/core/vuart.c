/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The virtual 16550A's registers (see vuart.h). Every access is decoded by
 * offset and DLAB into one register of Table II and handled by that
 * register's function. The four interrupt sources are not latched in an
 * IIR copy: the identification is recomputed from the state each time,
 * except for THRE, which Table IV defines by events (set when THR empties,
 * reset by an IIR read that reports it or a THR write) and so has a flag.
 */
#include <core/vuart.h>

/* ---- Receive FIFO -------------------------------------------------------*/

static void rx_clear(struct vuart *u)
{
    u->rx_head = 0;
    u->rx_count = 0;
}

/*
 * ds 8.4 bit 1 (FIFO mode): when the FIFO is full the next character is
 * not transferred into it and OE is set; what the FIFO holds is kept.
 */
static bool rx_put(struct vuart *u, uint8_t byte)
{
    if (u->rx_count == VUART_RX_FIFO_SIZE) {
        u->overrun = true;
        return false;
    }
    u->rx[(u->rx_head + u->rx_count) % VUART_RX_FIFO_SIZE] = byte;
    u->rx_count++;
    return true;
}

/*
 * RBR with nothing received: the chip leaves the last character there, but
 * no driver reads RBR without LSR.DR (except to flush it), so 0 will do.
 */
static uint8_t rx_pop(struct vuart *u)
{
    uint8_t byte;

    if (u->rx_count == 0)
        return 0;
    byte = u->rx[u->rx_head];
    u->rx_head = (u->rx_head + 1) % VUART_RX_FIFO_SIZE;
    u->rx_count--;
    return byte;
}

static bool loopback(const struct vuart *u)
{
    return (u->mcr & VUART_MCR_LOOP) != 0;
}

/* ---- Modem lines --------------------------------------------------------*/

/*
 * MSR bits 4-7, the modem inputs. The terminal behind the console is always
 * connected: CTS, DSR and DCD on, no ring. In loopback the inputs are
 * disconnected and fed by the outputs instead (ds 8.8 bit 4): RTS to CTS,
 * DTR to DSR, OUT1 to RI and OUT2 to DCD.
 */
static uint8_t modem_inputs(uint8_t mcr)
{
    uint8_t in = 0;

    if (!(mcr & VUART_MCR_LOOP))
        return VUART_MSR_CTS | VUART_MSR_DSR | VUART_MSR_DCD;
    if (mcr & VUART_MCR_RTS)
        in |= VUART_MSR_CTS;
    if (mcr & VUART_MCR_DTR)
        in |= VUART_MSR_DSR;
    if (mcr & VUART_MCR_OUT1)
        in |= VUART_MSR_RI;
    if (mcr & VUART_MCR_OUT2)
        in |= VUART_MSR_DCD;
    return in;
}

/*
 * ds 8.9 bits 0-3: any change of CTS, DSR or DCD, but only the trailing
 * edge of RI (the ring ending: MSR.RI going from 1 to 0).
 */
static uint8_t modem_changes(uint8_t before, uint8_t after)
{
    uint8_t changed = before ^ after;
    uint8_t delta = 0;

    if (changed & VUART_MSR_CTS)
        delta |= VUART_MSR_DCTS;
    if (changed & VUART_MSR_DSR)
        delta |= VUART_MSR_DDSR;
    if ((before & VUART_MSR_RI) && !(after & VUART_MSR_RI))
        delta |= VUART_MSR_TERI;
    if (changed & VUART_MSR_DCD)
        delta |= VUART_MSR_DDCD;
    return delta;
}

/* ---- Interrupts (ds 8.6, Table IV) --------------------------------------*/

/*
 * The highest-priority source that is both enabled and pending, as IIR bits
 * 3:0. Received data is reported from the first byte on whatever the FCR
 * trigger level: a guest console wants each keystroke at once, and without
 * a baud rate there is no character timeout to report a short tail later.
 */
static uint8_t pending_id(const struct vuart *u)
{
    if ((u->ier & VUART_IER_ELSI) && u->overrun)
        return VUART_IIR_RLS;
    if ((u->ier & VUART_IER_ERBFI) && u->rx_count != 0)
        return VUART_IIR_RDA;
    if ((u->ier & VUART_IER_ETBEI) && u->thre_pending)
        return VUART_IIR_THRE;
    if ((u->ier & VUART_IER_EDSSI) && u->msr_delta != 0)
        return VUART_IIR_MSR;
    return VUART_IIR_NONE;
}

/*
 * On a PC the IRQ pin is gated by MCR.OUT2 on the board, not in the chip; a
 * device-tree ns16550a on an SoC wires the chip's output straight to the
 * interrupt controller, and Linux's 8250 driver on such a port need not set
 * OUT2. So the line is not gated on it.
 */
bool vuart_irq_line(const struct vuart *u)
{
    return pending_id(u) != VUART_IIR_NONE;
}

/* ---- State --------------------------------------------------------------*/

void vuart_reset(struct vuart *u)
{
    u->ier = 0;
    u->lcr = 0;
    u->mcr = 0;
    u->fcr = 0;
    u->dll = 0;
    u->dlm = 0;
    u->scr = 0;
    u->msr_delta = 0;
    u->overrun = false;
    u->thre_pending = false;
    rx_clear(u);
}

/*
 * In loopback the receiver is disconnected from the line (ds 8.8 bit 4): a
 * typed byte is not taken, and is not an overrun either.
 */
bool vuart_rx_push(struct vuart *u, uint8_t byte)
{
    if (loopback(u))
        return false;
    return rx_put(u, byte);
}

unsigned vuart_rx_room(const struct vuart *u)
{
    return loopback(u) ? 0 : VUART_RX_FIFO_SIZE - u->rx_count;
}

/* ---- Registers ----------------------------------------------------------*/

/* Table IV: reading IIR acknowledges THRE, and only when it reports it. */
int vuart_rx_take(struct vuart *u)
{
    return u->rx_count ? rx_pop(u) : -1;
}

static uint8_t iir_read(struct vuart *u)
{
    uint8_t id = pending_id(u);

    if (id == VUART_IIR_THRE)
        u->thre_pending = false;
    if (u->fcr & VUART_FCR_ENABLE)
        id |= VUART_IIR_FIFO;
    return id;
}

/* ds 8.4: OE is cleared by this read; THR and TSR are always empty here. */
static uint8_t lsr_read(struct vuart *u)
{
    uint8_t lsr = VUART_LSR_THRE | VUART_LSR_TEMT;

    if (u->rx_count != 0)
        lsr |= VUART_LSR_DR;
    if (u->overrun)
        lsr |= VUART_LSR_OE;
    u->overrun = false;
    return lsr;
}

/* ds 8.9: the change bits are cleared by this read. */
static uint8_t msr_read(struct vuart *u)
{
    uint8_t msr = modem_inputs(u->mcr) | u->msr_delta;

    u->msr_delta = 0;
    return msr;
}

/*
 * The byte leaves at once (to the caller, or back into the receiver in
 * loopback, ds 8.8 bit 4), so THR is empty again right away: Table IV sets
 * the THRE interrupt anew. A driver that transmits from its THRE interrupt
 * thus gets another one for every byte and keeps feeding, as it would with
 * a fast line.
 */
static void thr_write(struct vuart *u, uint8_t byte, struct vuart_result *res)
{
    if (loopback(u)) {
        rx_put(u, byte);
    } else {
        res->transmitted = true;
        res->byte = byte;
    }
    if (u->ier & VUART_IER_ETBEI)
        u->thre_pending = true;
}

/*
 * Enabling ETBEI while THR is empty (always, here) raises the THRE
 * interrupt: drivers start transmitting by setting it and waiting for the
 * interrupt, and Linux's 8250 checks this at startup. Clearing ETBEI drops
 * it, so a disabled THRE interrupt is never left pending.
 */
static void ier_write(struct vuart *u, uint8_t value)
{
    uint8_t ier = value & VUART_IER_MASK;

    if ((ier & VUART_IER_ETBEI) && !(u->ier & VUART_IER_ETBEI))
        u->thre_pending = true;
    if (!(ier & VUART_IER_ETBEI))
        u->thre_pending = false;
    u->ier = ier;
}

/*
 * ds 8.5: switching the FIFOs on or off empties them; with bit 0 clear the
 * other bits are not programmed. The RX FIFO keeps its depth in 16450 mode
 * too (see VUART_RX_FIFO_SIZE): a driver reading RBR whenever DR is set
 * cannot tell. There is no TX FIFO to clear.
 */
static void fcr_write(struct vuart *u, uint8_t value)
{
    bool on = (value & VUART_FCR_ENABLE) != 0;

    if (on != ((u->fcr & VUART_FCR_ENABLE) != 0))
        rx_clear(u);
    if (!on) {
        u->fcr &= (uint8_t)~VUART_FCR_ENABLE;
        return;
    }
    u->fcr = value & VUART_FCR_STORED;
    if (value & VUART_FCR_CLEAR_RX)
        rx_clear(u);
}

/* ds 8.9: a change of the modem inputs, looped back or not, is recorded. */
static void mcr_write(struct vuart *u, uint8_t value)
{
    uint8_t before = modem_inputs(u->mcr);

    u->mcr = value & VUART_MCR_MASK;
    u->msr_delta |= modem_changes(before, modem_inputs(u->mcr));
}

/* ---- MMIO (Table II) ----------------------------------------------------*/

static bool dlab(const struct vuart *u)
{
    return (u->lcr & VUART_LCR_DLAB) != 0;
}

uint8_t vuart_read(struct vuart *u, uint64_t offset)
{
    if (offset >= VUART_NUM_REGS)
        return 0;
    switch ((unsigned)offset) {
    case VUART_RBR:
        return dlab(u) ? u->dll : rx_pop(u);
    case VUART_IER:
        return dlab(u) ? u->dlm : u->ier;
    case VUART_IIR:
        return iir_read(u);
    case VUART_LCR:
        return u->lcr;
    case VUART_MCR:
        return u->mcr;
    case VUART_LSR:
        return lsr_read(u);
    case VUART_MSR:
        return msr_read(u);
    default: /* VUART_SCR */
        return u->scr;
    }
}

struct vuart_result vuart_write(struct vuart *u, uint64_t offset, uint8_t value)
{
    struct vuart_result res = {.transmitted = false};

    if (offset >= VUART_NUM_REGS)
        return res;
    switch ((unsigned)offset) {
    case VUART_THR:
        if (dlab(u))
            u->dll = value;
        else
            thr_write(u, value, &res);
        break;
    case VUART_IER:
        if (dlab(u))
            u->dlm = value;
        else
            ier_write(u, value);
        break;
    case VUART_FCR:
        fcr_write(u, value);
        break;
    case VUART_LCR:
        u->lcr = value;
        break;
    case VUART_MCR:
        mcr_write(u, value);
        break;
    case VUART_LSR: /* ds 8.4: writing it is for factory testing only */
    case VUART_MSR: /* it shows the modem inputs: nothing to write */
        break;
    default: /* VUART_SCR */
        u->scr = value;
        break;
    }
    return res;
}
