/* SPDX-License-Identifier: Apache-2.0 */
/* The boot's first step on the generic platform: learn the board. */
#include <core/platform.h>
#include <core/platform_dt.h>

int platform_probe(const void *dtb, struct machine_fit_error *err)
{
    if (!platform.generic || platform.probed)
        return 0;
    if (platform_from_dt(dtb, &platform, err))
        return -1;
    platform.probed = true;
    return 0;
}
