/* SPDX-License-Identifier: Apache-2.0 */
/* What the boot hart does for the architecture before VMs are built. */
#include <arch/firmware.h>
#include <arch/guest_timer.h>
#include <arch/irqc.h>
#include <arch/mmu.h>
#include <core/arch_hooks.h>
#include <core/console.h>
#include <core/platform.h>
#include <lib/util.h>

/* Firmware services the hypervisor cannot run without. */
static const struct {
    unsigned long eid;
    const char *name;
} required_firmware[] = {
    {SBI_EXT_TIME, "TIME"},
    {SBI_EXT_IPI, "IPI"},
    {SBI_EXT_HSM, "HSM"},
};

int arch_boot_init(void)
{
    for (unsigned i = 0; i < ARRAY_SIZE(required_firmware); i++) {
        if (!fw_probe_extension(required_firmware[i].eid)) {
            log_error("the firmware lacks the SBI %s extension",
                      required_firmware[i].name);
            return -1;
        }
    }
    machine.mvendorid = (unsigned long)fw_base_value(SBI_BASE_GET_MVENDORID);
    machine.marchid = (unsigned long)fw_base_value(SBI_BASE_GET_MARCHID);
    machine.mimpid = (unsigned long)fw_base_value(SBI_BASE_GET_MIMPID);
    guest_timer_choose();
    if (mmu_hyp_build() || mmu_hyp_map_device(platform.console_uart.base,
                                              platform.console_uart.size))
        return -1;
    return irqc_init();
}
