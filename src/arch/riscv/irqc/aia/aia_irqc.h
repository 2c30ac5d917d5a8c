/* SPDX-License-Identifier: Apache-2.0 */
/* Between the AIA's host side (aia_irqc.c) and its VM side (vaplic_irqc.c). */
#ifndef ARCH_AIA_IRQC_H
#define ARCH_AIA_IRQC_H

#include <stdbool.h>

struct vm;

/* A hart's supervisor interrupt file (its guest files are 1..GEILEN). */
#define AIA_SUPERVISOR_FILE 0

/* Guest interrupt files per hart (GEILEN, as the boot hart found it, 0
 * where the IMSICs have no room for them). */
extern unsigned aia_guest_files;
/* A source the VM owns sent its MSI here: on into its virtual APLIC. */
void vaplic_irqc_forward(struct vm *vm, unsigned id);

/* The VM side (vaplic_irqc.c) and the device-tree check (aia_fit.c), for
 * the driver's table (aia_irqc.c): arch/irqc_driver.h says what each is. */
struct machine_fit_error;
struct platform;
struct vcpu;
int aia_machine_fit(const void *dtb, const struct platform *p,
                    struct machine_fit_error *err);
void vaplic_irqc_sync_line(struct vcpu *vcpu);
void vaplic_irqc_vcpu_reset(struct vcpu *vcpu);
int vaplic_irqc_vm_init(struct vm *vm);
void vaplic_irqc_route(struct vm *vm, unsigned id);
void vaplic_irqc_vm_reset(struct vm *vm);
void vaplic_irqc_add_virtual(struct vm *vm, unsigned id);
void vaplic_irqc_set_level(struct vm *vm, unsigned id, bool level);
void vaplic_irqc_trigger(struct vm *vm, unsigned id);

#endif
