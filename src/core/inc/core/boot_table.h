/* SPDX-License-Identifier: Apache-2.0 */
#ifndef BOOT_TABLE_H
#define BOOT_TABLE_H

/* Print what each VM got: vCPUs on harts, memory, devices. */
void boot_table_print(void);

#endif
