/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One IPC channel (docs/ipc.md): a 64-byte header, then a byte ring. The
 * writer stores only `head`, the reader only `tail`; both are offsets in
 * [0, cap), cap = channel size - 64, and one byte stays free so that
 * head == tail means empty. A zeroed channel is an empty ring.
 */
#ifndef BAREMETAL_IPC_RING_H
#define BAREMETAL_IPC_RING_H

#include <stdint.h>

#define IPC_RING_HEADER 64

struct ipc_ring {
    volatile uint32_t *head;
    volatile uint32_t *tail;
    volatile uint8_t *data;
    uint32_t cap;
};

/* The ring in the channel at base, size bytes long (size > 64). */
void ipc_ring_init(struct ipc_ring *r, unsigned long base, unsigned long size);
uint32_t ipc_ring_used(const struct ipc_ring *r);
uint32_t ipc_ring_free(const struct ipc_ring *r);
/* Copy up to len bytes in (writer side); returns how many fit (a partial
 * put is cut to whole words). */
uint32_t ipc_ring_put(struct ipc_ring *r, const void *buf, uint32_t len);
/* Copy up to len bytes out (reader side); returns how many there were. */
uint32_t ipc_ring_get(struct ipc_ring *r, void *buf, uint32_t len);

#endif
