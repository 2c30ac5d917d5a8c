/* SPDX-License-Identifier: Apache-2.0 */
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

/* A word at a time where both sides are equally aligned. */
static void copy(volatile void *dst, const volatile void *src, uint32_t n)
{
    volatile uint8_t *d = dst;
    const volatile uint8_t *s = src;

    if ((((uintptr_t)d ^ (uintptr_t)s) & 7) == 0) {
        for (; n && ((uintptr_t)d & 7); n--)
            *d++ = *s++;
        for (; n >= 8; n -= 8, d += 8, s += 8)
            *(volatile uint64_t *)d = *(const volatile uint64_t *)s;
    }
    for (; n; n--)
        *d++ = *s++;
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
    /* A partial put is cut to whole words: ring positions keep the
     * alignment of what is written, so copies stay word-sized. */
    n = len <= n ? len : n & ~7u;
    uint32_t first = n < r->cap - head ? n : r->cap - head;
    copy(r->data + head, src, first);
    copy(r->data, src + first, n - first);
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
    uint32_t first = n < r->cap - tail ? n : r->cap - tail;
    copy(dst, r->data + tail, first);
    copy(dst + first, r->data, n - first);
    fence_rw(); /* done reading before the writer may reuse the space */
    *r->tail = (tail + n) % r->cap;
    return n;
}
