/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tests/system/configs/suspend.c in MSI mode on the AIA platform: the
 * suspended vCPU is also woken by a store into its guest interrupt file
 * while it waits in the hypervisor (tests/system/test_hsm_suspend.py).
 */
#define SUSPEND_IRQC                                                           \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#include "suspend.c"
