/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Whether the device tree shows the interrupt controller a description
 * names (core/arch_hooks.h): the check of its driver's kind.
 */
#include <aia/aia_irqc.h>
#include <core/arch_hooks.h>
#include <core/platform.h>
#include <plic/plic.h>

int arch_machine_fit_irqc(const void *dtb, const struct platform *p,
                          struct machine_fit_error *err)
{
    return p->arch.irqc == ARCH_IRQC_AIA ? aia_machine_fit(dtb, p, err)
                                         : plic_machine_fit(dtb, p, err);
}
