/* SPDX-License-Identifier: Apache-2.0 */
/* The generic platform, from the host device tree (platform_dt.c). */
#ifndef PLATFORM_DT_H
#define PLATFORM_DT_H

#include <core/machine_fit.h>
#include <core/platform.h>

/*
 * Fill what `p` learns of the board from `dtb`: timebase, console UART
 * (none when /chosen's stdout-path is not a UART the driver drives: the
 * firmware's console then), last-level cache and the interrupt
 * controller. 0, or -1 with `err` naming what the tree lacks.
 */
int platform_from_dt(const void *dtb, struct platform *p,
                     struct machine_fit_error *err);

#endif
