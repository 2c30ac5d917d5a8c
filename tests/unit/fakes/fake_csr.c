/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The CSRs of arch code built with -DCSR_FAKE (arch/csr.h): an array, or
 * for CSRs with side effects (an indirect window, a claim register) the
 * model a test installs in fake_csr_model.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#define CSR_COUNT 4096 /* 12-bit CSR numbers (priv. spec 2.1) */

unsigned long fake_csrs[CSR_COUNT];
const struct fake_csr_model *fake_csr_model;

unsigned long fake_csr_read(unsigned csr)
{
    unsigned long val;

    assert_true(csr < CSR_COUNT);
    if (fake_csr_model && fake_csr_model->read(csr, &val))
        return val;
    return fake_csrs[csr];
}

void fake_csr_write(unsigned csr, unsigned long val)
{
    assert_true(csr < CSR_COUNT);
    if (fake_csr_model && fake_csr_model->write(csr, val))
        return;
    fake_csrs[csr] = val;
}

unsigned long fake_csr_swap(unsigned csr, unsigned long val)
{
    unsigned long old = fake_csr_read(csr);

    fake_csr_write(csr, val);
    return old;
}
