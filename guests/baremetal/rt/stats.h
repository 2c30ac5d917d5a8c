/* SPDX-License-Identifier: Apache-2.0 */
/* Minimum, maximum and sum of a benchmark's samples, for modes. */
#ifndef BAREMETAL_STATS_H
#define BAREMETAL_STATS_H

#include <stdint.h>

struct stats {
    unsigned long n;
    int64_t sum, min, max;
};

static inline void stats_add(struct stats *s, int64_t v)
{
    if (s->n == 0 || v < s->min)
        s->min = v;
    if (s->n == 0 || v > s->max)
        s->max = v;
    s->sum += v;
    s->n++;
}

#endif
