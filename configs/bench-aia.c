/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The benchmark VM (configs/bench.c) on the AIA platform, MSI mode: its
 * APLIC at 0xd000000 sends the RTC's interrupt straight into its vCPUs'
 * guest interrupt files at 0x28000000 (`make bench`, rows "irq_aia_msi").
 */
#define BENCH_IRQC                                                             \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#include "bench.c"
