/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Where a VM's boot blobs go in its guest-physical memory. The build-time
 * device-tree generator and the hypervisor both use this, so the addresses
 * in the generated chosen node are the ones the hypervisor fills.
 *
 * The region that holds `entry` ends with a fixed slot for the device tree;
 * the initrd, when there is one, sits right below it, page-aligned.
 */
#ifndef VM_LAYOUT_H
#define VM_LAYOUT_H

#include <core/config.h>
#include <stdbool.h>
#include <stdint.h>

#define VM_DTB_SLOT_SIZE (64 * 1024) /* a generated tree is a few KiB */

struct vm_layout {
    uint64_t dtb_gpa;
    uint64_t initrd_gpa; /* 0 without an initrd */
    uint64_t initrd_size;
    uint64_t low; /* lowest address the blobs use */
};

/* 0, or -1 when the VM has no region holding `entry` (an invalid config). */
int vm_layout_compute(const struct vm_config *cfg, struct vm_layout *out);

#endif
