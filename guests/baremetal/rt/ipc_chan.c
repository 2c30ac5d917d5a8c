/* SPDX-License-Identifier: Apache-2.0 */
#include "ipc_chan.h"

#include <lib/fdt.h>

#include "dtb.h"
#include "irqc.h"
#include "riscv.h"
#include "sbi.h"
#include "trap.h"

static unsigned long chan_hart; /* the hart its notifications come to */
static uint32_t chan_irq;
static volatile unsigned int notifications; /* claims of the window's irq */
static volatile uint64_t notified_at; /* trap entry time of the last one */

/* Bao's convention: a0 (the SBI error) is 0, the result is in a1. */
long ipc_notify(unsigned long ipc, unsigned long event)
{
    struct sbiret r = sbi_ecall(IPC_HC_EID, IPC_HC_NOTIFY, ipc, event, 0);

    return r.error ? r.error : r.value;
}

/* ---- Device tree -------------------------------------------------------*/

static bool cells2(const void *blob, int node, const char *name, uint32_t *a,
                   uint32_t *b)
{
    int len;
    const uint8_t *p = fdt_prop(blob, node, name, &len);

    if (!p || len != 8)
        return false;
    *a = fdt_be32(p);
    *b = fdt_be32(p + 4);
    return true;
}

/* The first interrupt's number: one cell for a PLIC, the first of two
 * (number, trigger) for an APLIC. */
static bool first_irq(const void *blob, int node, uint32_t *irq)
{
    int len;
    const uint8_t *p = fdt_prop(blob, node, "interrupts", &len);

    if (!p || len < 4)
        return false;
    *irq = fdt_be32(p);
    return true;
}

static bool parse_window(const void *blob, int node, struct ipc_chan *c)
{
    int len;
    const uint8_t *reg = fdt_prop(blob, node, "reg", &len);
    uint64_t id;

    if (!reg || len != 16 ||
        !cells2(blob, node, "read-channel", &c->rd_off, &c->rd_size) ||
        !cells2(blob, node, "write-channel", &c->wr_off, &c->wr_size) ||
        !first_irq(blob, node, &c->irq) || !fdt_prop_u64(blob, node, "id", &id))
        return false;
    c->base = (unsigned long)fdt_be64(reg);
    c->id = (uint32_t)id;
    return c->rd_size > IPC_RING_HEADER && c->wr_size > IPC_RING_HEADER;
}

bool ipc_chan_open(struct ipc_chan *c, unsigned long dtb)
{
    const void *blob = dtb_open(dtb, NULL);
    int soc = blob ? fdt_subnode(blob, fdt_next_node(blob, -1, NULL), "soc")
                   : FDT_ERR_NOTFOUND;
    int depth = 0;

    if (soc < 0)
        return false;
    irqc_probe(dtb);
    /* The first child of /soc that is a window (depth 1: a child). */
    for (int n = fdt_next_node(blob, soc, &depth); n >= 0;
         n = fdt_next_node(blob, n, &depth)) {
        if (depth != 1 || !fdt_node_is_compatible(blob, n, "bao,ipcshmem"))
            continue;
        if (!parse_window(blob, n, c))
            return false;
        ipc_ring_init(&c->rx, c->base + c->rd_off, c->rd_size);
        ipc_ring_init(&c->tx, c->base + c->wr_off, c->wr_size);
        return true;
    }
    return false;
}

/* ---- Notifications -----------------------------------------------------*/

bool ipc_chan_trap(unsigned long scause, struct trap_frame *frame)
{
    if (scause != (SCAUSE_INTERRUPT | IRQ_S_EXT))
        return false;
    unsigned irq = irqc_claim(chan_hart);
    if (irq == chan_irq) {
        notified_at = frame->time;
        notifications++;
    }
    if (irq)
        irqc_complete(chan_hart, irq);
    return true;
}

void ipc_chan_irq_setup(struct ipc_chan *c, unsigned long hart)
{
    chan_irq = c->irq;
    chan_hart = hart;
    trap_set_hook(ipc_chan_trap);
    /* A notification is an edge (docs/ipc.md). */
    irqc_enable(hart, c->irq, false);
    csr_set(sie, SIE_SEIE);
    csr_set(sstatus, SSTATUS_SIE);
}

unsigned int ipc_chan_notifications(void)
{
    return notifications;
}

uint64_t ipc_chan_notified_at(void)
{
    return notified_at;
}

void ipc_chan_wait(unsigned int seen)
{
    irq_wait_until(&notifications, seen + 1);
}

/* ---- Data --------------------------------------------------------------*/

void ipc_chan_send(struct ipc_chan *c, const char *buf, uint32_t len)
{
    while (len) {
        unsigned int seen = notifications;
        uint32_t n = ipc_ring_put(&c->tx, buf, len);

        buf += n;
        len -= n;
        if (n)
            ipc_notify(c->id, 0);
        if (len)
            ipc_chan_wait(seen); /* the peer took some: room again */
    }
}

void ipc_chan_receive(struct ipc_chan *c, void (*fn)(const char *line),
                      uint32_t *fnv)
{
    static char line[IPC_LINE_MAX + 1];
    static uint32_t len;
    char buf[64];
    uint32_t n;

    while ((n = ipc_ring_get(&c->rx, buf, sizeof(buf))) != 0) {
        ipc_notify(c->id, 0); /* the peer may wait for room */
        for (uint32_t i = 0; i < n; i++) {
            *fnv = fnv_byte(*fnv, (uint8_t)buf[i]);
            if (buf[i] == '\n') {
                line[len] = '\0';
                fn(line);
                len = 0;
            } else if (len < IPC_LINE_MAX) {
                line[len++] = buf[i];
            }
        }
    }
}
