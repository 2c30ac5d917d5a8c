/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Whether a CSR exists on this hart (csr_probe.S): its read does not raise
 * illegal instruction. Boot hart, interrupts off.
 */
#ifndef ARCH_CSR_PROBE_H
#define ARCH_CSR_PROBE_H

#include <stdbool.h>

bool csr_probe_senvcfg(void);
bool csr_probe_henvcfg(void);

#endif
