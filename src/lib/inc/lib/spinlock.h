/* SPDX-License-Identifier: Apache-2.0 */
/* Test-and-set spinlock on the compiler's atomics (AMOs on RISC-V). */
#ifndef LIB_SPINLOCK_H
#define LIB_SPINLOCK_H

#include <stdbool.h>

typedef struct {
    volatile int locked;
} spinlock_t;

#define SPINLOCK_INIT                                                          \
    {                                                                          \
        0                                                                      \
    }

static inline void spin_lock(spinlock_t *l)
{
    while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
            ;
    }
}

/* Take it if it is free: whether it was taken. */
static inline bool spin_trylock(spinlock_t *l)
{
    return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(spinlock_t *l)
{
    __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
