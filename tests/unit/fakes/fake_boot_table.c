/* SPDX-License-Identifier: Apache-2.0 */
/* Fake of boot_table.c; see fakes.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/boot_table.h>

void boot_table_print(void)
{
    fake.boot_table_n++;
}
