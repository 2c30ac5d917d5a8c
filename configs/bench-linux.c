/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The Linux boot benchmark VM (`make bench`, see docs/performance.md): the
 * VM of configs/linux.c (same kernel, initramfs, bootargs, memory and
 * devices) with one vCPU. One, because the bench runs QEMU with
 * -icount shift=0, and QEMU 7.2's single-threaded icount scheduler can
 * starve a hart that another hart spins on (an SBI remote fence waiting for
 * its acknowledgement), which hangs an SMP Linux boot. The native run of
 * the bench uses one hart too.
 */
#define LINUX_CPUS 1
#include "linux.c"
