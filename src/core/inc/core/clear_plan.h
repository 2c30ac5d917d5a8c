/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which bytes of a VM's RAM to clear before it (re)starts, and which hart
 * clears which of them. Every byte of the VM's RAM is either cleared or
 * overwritten by what the hypervisor copies in (image, initrd, device
 * tree: the `keep` ranges), so no VM sees another VM's, the firmware's or
 * its own previous boot's data. The clear is split into `shares`, one per
 * vCPU of the VM, each cleared by that vCPU's hart: together they cover
 * every byte outside the keep ranges exactly once.
 */
#ifndef CLEAR_PLAN_H
#define CLEAR_PLAN_H

#include <core/hyp_limits.h>
#include <stddef.h>
#include <stdint.h>

/* Guest-physical [base, base + size). */
struct gpa_range {
    uint64_t base;
    uint64_t size;
};

/* The image, the initrd and the device tree. */
#define CLEAR_KEEP_MAX 3
/* A VM's pieces of RAM: an inplace image splits a region in three. */
#define CLEAR_RAM_MAX (MAX_VM_REGIONS + 2)
/* Shares start and end on multiples of this many bytes to clear. */
#define CLEAR_SHARE_GRANULE 4096

struct clear_plan {
    struct gpa_range ram[CLEAR_RAM_MAX]; /* disjoint */
    size_t ram_num;
    struct gpa_range keep[CLEAR_KEEP_MAX]; /* may overlap; size 0: none */
    size_t keep_num;
};

typedef void (*clear_fn)(void *ctx, uint64_t gpa, uint64_t size);

/* Bytes of the plan's RAM outside every keep range. */
uint64_t clear_plan_total(const struct clear_plan *plan);

/*
 * Call `fn` for each run of share `share` of `shares` (share < shares), in
 * address order of the RAM pieces as listed.
 */
void clear_plan_share(const struct clear_plan *plan, unsigned share,
                      unsigned shares, clear_fn fn, void *ctx);

#endif
