/* SPDX-License-Identifier: Apache-2.0 */
/* The PLIC driver's table, for the AIA tests: any call through it fails. */
#include "fakes.h"
#include <arch/irqc_driver.h>

const struct irqc_driver plic_driver;
