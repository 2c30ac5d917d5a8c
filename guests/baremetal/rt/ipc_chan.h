/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The VM's inter-VM channel (docs/ipc.md): its "bao,ipcshmem" window from
 * the device tree, the two rings in it, the window's interrupt through the
 * PLIC, and the notify hypercall.
 */
#ifndef BAREMETAL_IPC_CHAN_H
#define BAREMETAL_IPC_CHAN_H

#include <stdbool.h>
#include <stdint.h>

#include "ipc_ring.h"

struct ipc_chan {
    unsigned long base;
    uint32_t rd_off, rd_size, wr_off, wr_size;
    uint32_t irq, id;
    struct ipc_ring rx, tx;
};

/* Bao's hypercall (docs/ipc.md): IPC notify is function 1. */
#define IPC_HC_EID 0x08000ba0UL
#define IPC_HC_NOTIFY 1

/* Notify event `event` on ipcs[ipc]; the SBI error (0 = done). */
long ipc_notify(unsigned long ipc, unsigned long event);
/* Find the window in the tree at dtb and set up its rings. */
bool ipc_chan_open(struct ipc_chan *c, unsigned long dtb);
/* Take the window's interrupt on this hart (S context of `hart`); installs
 * ipc_chan_trap as the trap hook. */
void ipc_chan_irq_setup(struct ipc_chan *c, unsigned long hart);
/* The trap hook: claims and counts the window's interrupt. A mode with
 * traps of its own installs its hook and passes the others on to it. */
struct trap_frame;
bool ipc_chan_trap(unsigned long scause, struct trap_frame *frame);
/* Notifications taken so far; wait for one after `seen`. */
unsigned int ipc_chan_notifications(void);
/* The time CSR at the trap entry of the last notification. */
uint64_t ipc_chan_notified_at(void);
void ipc_chan_wait(unsigned int seen);
/* Write all of buf, waiting for room as the peer reads. */
void ipc_chan_send(struct ipc_chan *c, const char *buf, uint32_t len);
/*
 * Take what the peer wrote and call fn for each complete line (without the
 * newline; longer lines are cut at IPC_LINE_MAX), hashing every byte into
 * *fnv (FNV-1a). Returns when the ring is empty.
 */
#define IPC_LINE_MAX 256
void ipc_chan_receive(struct ipc_chan *c, void (*fn)(const char *line),
                      uint32_t *fnv);

/* FNV-1a, 32 bits: the checksum both ends compute over a stream. */
#define FNV_INIT 2166136261u
static inline uint32_t fnv_byte(uint32_t h, uint8_t b)
{
    return (h ^ b) * 16777619u;
}

#endif
