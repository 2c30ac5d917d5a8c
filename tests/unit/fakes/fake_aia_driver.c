/* SPDX-License-Identifier: Apache-2.0 */
/* The AIA driver's table, for the PLIC tests: any call through it fails. */
#include "fakes.h"
#include <arch/irqc_driver.h>

const struct irqc_driver aia_driver;
