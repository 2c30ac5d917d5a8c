#include "ipc_ring.h"

/* The peer runs on another hart: order data and indices explicitly. */
#define fence_rw() __asm__ volatile("fence rw, rw" ::: "memory")

void ipc_ring_init(struct ipc_ring *r, unsigned long base, unsigned long size)
{
    r->head = (volatile uint32_t *)base;
    r->tail = (volatile uint32_t *)(base + 4);
    r->data = (volatile uint8_t *)(base + IPC_RING_HEADER);
    r->cap = (uint32_t)(size - IPC_RING_HEADER);
}

static uint32_t used(uint32_t head, uint32_t tail, uint32_t cap)
{
    return (head + cap - tail) % cap;
}

uint32_t ipc_ring_used(const struct ipc_ring *r)
{
    uint32_t head = *r->head, tail = *r->tail;

    return head < r->cap && tail < r->cap ? used(head, tail, r->cap) : 0;
}

uint32_t ipc_ring_free(const struct ipc_ring *r)
{
    return r->cap - 1 - ipc_ring_used(r);
}

uint32_t ipc_ring_put(struct ipc_ring *r, const void *buf, uint32_t len)
{
    const uint8_t *src = buf;
    uint32_t head = *r->head;
    uint32_t n = ipc_ring_free(r);

    if (head >= r->cap)
        return 0; /* a corrupt index: write nothing */
    n = len < n ? len : n;
    for (uint32_t i = 0; i < n; i++)
        r->data[(head + i) % r->cap] = src[i];
    fence_rw(); /* the bytes before the index that publishes them */
    *r->head = (head + n) % r->cap;
    return n;
}

uint32_t ipc_ring_get(struct ipc_ring *r, void *buf, uint32_t len)
{
    uint8_t *dst = buf;
    uint32_t tail = *r->tail;
    uint32_t n = ipc_ring_used(r);

    fence_rw(); /* the index before the bytes it published */
    n = len < n ? len : n;
    for (uint32_t i = 0; i < n; i++)
        dst[i] = r->data[(tail + i) % r->cap];
    fence_rw(); /* done reading before the writer may reuse the space */
    *r->tail = (tail + n) % r->cap;
    return n;
}
