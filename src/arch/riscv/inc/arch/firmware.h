/* SPDX-License-Identifier: Apache-2.0 */
/* Calls from the hypervisor (HS-mode) to the M-mode firmware's SBI. */
#ifndef ARCH_FIRMWARE_H
#define ARCH_FIRMWARE_H

#include <arch/sbi_defs.h>
#include <stdint.h>

struct sbi_ret fw_ecall(unsigned long eid, unsigned long fid, unsigned long a0,
                        unsigned long a1, unsigned long a2);

long fw_probe_extension(unsigned long eid);
long fw_base_value(unsigned long fid);
long fw_hart_start(unsigned long hartid, unsigned long addr,
                   unsigned long opaque);
long fw_send_ipi(unsigned long hart_mask, unsigned long base);
void fw_set_timer(uint64_t deadline);
void fw_system_reset(unsigned long type, unsigned long reason);
void fw_putchar(int c);

#endif
