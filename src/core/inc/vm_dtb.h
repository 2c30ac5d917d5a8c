/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The device trees generated at build time (tools/vm_dtb.c), one pair per
 * VM: for vCPUs with Sstc and without, since only the boot can tell which.
 */
#ifndef VM_DTB_H
#define VM_DTB_H

#include <stdint.h>

struct vm_dtb_entry {
    const void *sstc;
    uint64_t sstc_size;
    const void *nosstc;
    uint64_t nosstc_size;
};

extern const struct vm_dtb_entry vm_dtb_table[];
extern const uint64_t vm_dtb_count;

#endif
