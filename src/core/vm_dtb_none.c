/* SPDX-License-Identifier: Apache-2.0 */
/* TEMPORARY: no generated device trees until tools/vm_dtb.c is linked. */
#include <vm_dtb.h>

__attribute__((weak)) const struct vm_dtb_entry vm_dtb_table[1];
__attribute__((weak)) const uint64_t vm_dtb_count;
