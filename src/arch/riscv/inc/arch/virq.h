/* SPDX-License-Identifier: Apache-2.0 */
/* Routing device interrupts to VMs through their virtual PLIC. */
#ifndef ARCH_VIRQ_H
#define ARCH_VIRQ_H

/* A supervisor external interrupt on this hart: claim and forward. */
void virq_handle_external(void);

#endif
