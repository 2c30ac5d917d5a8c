/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A console through the firmware, for when the hypervisor's UART is not
 * where the build expects it: the SBI debug console (SBI spec chapter 12)
 * when the firmware has it, else the legacy console putchar (chapter 5),
 * which OpenSBI releases before 1.3 have instead. Output only: enough to
 * say why the hypervisor cannot start.
 */
#include <arch/firmware.h>
#include <core/arch_hooks.h>
#include <core/console.h>

enum fw_console_kind { FW_CONSOLE_UNKNOWN, FW_CONSOLE_DBCN, FW_CONSOLE_LEGACY };

static enum fw_console_kind kind;

static void fw_console_putc(char c)
{
    if (kind == FW_CONSOLE_UNKNOWN)
        kind = fw_probe_extension(SBI_EXT_DBCN) ? FW_CONSOLE_DBCN
                                                : FW_CONSOLE_LEGACY;
    if (kind == FW_CONSOLE_DBCN)
        fw_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, (unsigned char)c, 0, 0);
    else
        fw_putchar((unsigned char)c);
}

static int fw_console_getc(void)
{
    return -1;
}

static const struct console_driver fw_console = {
    .putc = fw_console_putc,
    .getc = fw_console_getc,
    .set_rx_irq = NULL,
};

const struct console_driver *arch_firmware_console(void)
{
    return &fw_console;
}
