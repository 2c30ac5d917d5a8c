/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "reboot": prints "reboot: booted (data 0x5a)", waits 50 ms and asks
 * the SBI for a cold reboot (SRST system_reset). A restart runs the image
 * from _start again, so the line repeats once per boot. Before rebooting it
 * overwrites an initialised variable of its image: only a restart from a
 * pristine copy of the image prints 0x5a again. It also checks that the
 * rest of its RAM reads zero ("ramcheck: ...", ramcheck.c) and then fills
 * that RAM with a pattern: only a restart that clears it passes the check
 * again.
 *
 * Scenarios: tests/system/configs/reboot-loop.c
 * (tests/system/test_restart.py) and coloured-vms.c (VM 1,
 * tests/system/test_coloured_vms.py).
 */
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "ramcheck.h"
#include "riscv.h"
#include "sbi.h"
#include "trap.h"

#define REBOOT_DELAY (TIMEBASE_HZ / 20) /* 50 ms */
#define PRISTINE 0x5a
#define USED 0xa5
/* What this boot leaves in the RAM it does not use. */
#define STALE 0x5354414c45ULL

/* In .data (initialised, not cleared at boot): comes from the image. */
static volatile unsigned int image_data = PRISTINE;

void mode_main(void)
{
    console_printf("reboot: booted (data 0x%x)\n", image_data);
    image_data = USED;
    ramcheck_zero(boot_dtb);
    ramcheck_fill(boot_dtb, STALE);

    spin_delay(REBOOT_DELAY);

    struct sbiret r =
        sbi_system_reset(SBI_SRST_TYPE_COLD_REBOOT, SBI_SRST_REASON_NONE);
    console_printf("reboot: failed (%ld)\n", r.error);
    hart_park();
}
