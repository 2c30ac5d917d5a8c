/* SPDX-License-Identifier: Apache-2.0 */
/* Fakes of shmem.c's functions; see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/shmem.h>

int shmem_init(const struct config *cfg)
{
    (void)cfg;
    fake.shmem_init_n++;
    return fake.shmem_init_fails;
}

/* shmem object i starts at 0x100000000 + i * 0x1000000; object 2 is
 * coloured: colours 1 and 3 of 4. */
const struct colour_mem *shmem_pages(size_t id)
{
    static struct colour_mem m;

    m = (struct colour_mem){.base = 0x100000000ULL + id * 0x1000000ULL,
                            .pages = 16,
                            .mask = id == 2 ? 0xa : 0,
                            .colours = 4};
    return &m;
}
