/* SPDX-License-Identifier: Apache-2.0 */
#include <core/vm_layout.h>
#include <lib/util.h>

#define BLOB_ALIGN 4096

int vm_layout_compute(const struct vm_config *cfg, struct vm_layout *out)
{
    const struct vm_platform *p = &cfg->platform;

    for (size_t i = 0; i < p->region_num; i++) {
        const struct vm_mem_region *r = &p->regions[i];
        uint64_t end = r->base + r->size;

        if (!range_contains(r->base, r->size, cfg->entry, 1))
            continue;
        out->dtb_gpa = end - VM_DTB_SLOT_SIZE;
        out->initrd_size = cfg->initrd.size;
        out->initrd_gpa =
            cfg->initrd.size
                ? ALIGN_DOWN(out->dtb_gpa - cfg->initrd.size, BLOB_ALIGN)
                : 0;
        out->low = cfg->initrd.size ? out->initrd_gpa : out->dtb_gpa;
        return 0;
    }
    return -1;
}
