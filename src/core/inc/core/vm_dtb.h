/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The device trees generated at build time (tools/vm_dtb.c), one pair per
 * VM: for vCPUs that program their timer directly and for those whose timer
 * the hypervisor emulates, since only the boot can tell which
 * (arch_guest_timer_is_direct).
 */
#ifndef VM_DTB_H
#define VM_DTB_H

#include <stdint.h>

struct vm_dtb_entry {
    const void *timer_direct;
    uint64_t timer_direct_size;
    const void *timer_emulated;
    uint64_t timer_emulated_size;
};

extern const struct vm_dtb_entry vm_dtb_table[];
extern const uint64_t vm_dtb_count;

/* Set every generated tree's /cpus timebase-frequency (vm_dtb_fixup.c):
 * 0, or -1 if one lacks it (a guest would see none, or the build's). */
int vm_dtbs_set_timebase(uint32_t hz);

#endif
