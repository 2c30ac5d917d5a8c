/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The benchmark VM (configs/bench.c) on the AIA platform, direct mode: its
 * APLIC at 0xd000000 has one IDC per vCPU and every interrupt comes
 * through the hypervisor (`make bench`, rows "irq_aia_direct").
 */
#define BENCH_IRQC .irqc.aia.aplic.base = 0xd000000
#include "bench.c"
