/* SPDX-License-Identifier: Apache-2.0 */
/* The CSRs of arch code built with -DCSR_FAKE (arch/csr.h): an array. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#define CSR_COUNT 4096 /* 12-bit CSR numbers (priv. spec 2.1) */

unsigned long fake_csrs[CSR_COUNT];

unsigned long fake_csr_read(unsigned csr)
{
    assert_true(csr < CSR_COUNT);
    return fake_csrs[csr];
}

void fake_csr_write(unsigned csr, unsigned long val)
{
    assert_true(csr < CSR_COUNT);
    fake_csrs[csr] = val;
}
