/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM's RAM: pieces of guest-physical space, each backed by contiguous
 * host pages or by cache-coloured ones (colour.h), mapped in stage 2 and
 * filled by the hypervisor through a temporary mapping (and cleared through
 * the VM's own stage 2, vm_build.c).
 */
#ifndef VM_MEM_H
#define VM_MEM_H

#include <core/colour.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vm;

/* Map `pages` at `gpa` (RWX) and record them as the VM's RAM. 0 or -1. */
int vm_mem_add(struct vm *vm, uint64_t gpa, const struct colour_mem *pages);
/* Map the first `size` bytes of `p` at `gpa`, read-write, executable or
 * not, without recording them as RAM (windows onto shared memory). */
int vm_map_pages(struct vm *vm, uint64_t gpa, const struct colour_mem *p,
                 uint64_t size, bool executable);
/* Copy `size` bytes to guest-physical `gpa`; the range must be VM RAM. */
void vm_mem_copy_in(struct vm *vm, uint64_t gpa, const void *src, size_t size);

#endif
