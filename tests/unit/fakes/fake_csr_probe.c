/* SPDX-License-Identifier: Apache-2.0 */
/* Whether the harts have senvcfg/henvcfg (csr_probe.S): as a test sets it. */
#include "fakes.h"
#include <arch/csr_probe.h>

bool fake_has_envcfg = true;

bool csr_probe_senvcfg(void)
{
    return fake_has_envcfg;
}

bool csr_probe_henvcfg(void)
{
    return fake_has_envcfg;
}
