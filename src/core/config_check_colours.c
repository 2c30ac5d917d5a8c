/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The colouring section of the configuration: the cache colours of VMs,
 * their regions and the shared memory objects exist on the platform, and
 * nothing with fixed pages is coloured.
 */
#include <core/colour.h>
#include <core/config_check_sections.h>
#include <lib/format.h>

/* `mask` (the field named `field`) names only colours the platform has. */
static int check_colour_mask(const char *field, colormap_t mask,
                             const struct config_target *t,
                             struct config_error *err)
{
    if (!t->colours)
        return config_fail(err,
                           "%s 0x%lx: the platform describes no shared cache "
                           "to colour",
                           field, mask);
    if (t->colours < COLOUR_MAX && mask >> t->colours)
        return config_fail(err,
                           "%s 0x%lx: the platform has %u colours (bits 0 to "
                           "%u)",
                           field, mask, t->colours, t->colours - 1);
    return 0;
}

/* Colours exist on the platform; a placed object has its own addresses. */
int config_check_shmem_colours(const struct shmem *s, size_t i,
                               const struct config_target *t,
                               struct config_error *err)
{
    char field[96];

    if (!s->colors)
        return 0;
    if (s->place_phys)
        return config_fail(err,
                           "config: shmemlist[%zu]: colors and place_phys "
                           "exclude each other (a placed object is "
                           "contiguous)",
                           i);
    snprintf(field, sizeof(field), "config: shmemlist[%zu].colors", i);
    return check_colour_mask(field, s->colors, t, err);
}

/*
 * A region is coloured with its own colors, else the VM's. It cannot be
 * when its pages are fixed: placed, or holding an inplace image.
 */
static int check_region_colours(const struct vm_config *c, size_t vm, size_t i,
                                const struct config_target *t,
                                struct config_error *err)
{
    const struct vm_mem_region *r = &c->platform.regions[i];
    colormap_t mask = vm_region_colours(c, r);
    char field[96];

    if (!mask)
        return 0;
    snprintf(field, sizeof(field), "VM %zu: platform.regions[%zu].colors", vm,
             i);
    if (r->colors && check_colour_mask(field, r->colors, t, err))
        return -1;
    if (r->place_phys)
        return config_fail(err,
                           "VM %zu: platform.regions[%zu] is placed "
                           "(place_phys) and cannot be coloured (colors "
                           "0x%lx)",
                           vm, i, mask);
    if (c->image.inplace &&
        range_contains(r->base, r->size, c->image.base_addr, c->image.size))
        return config_fail(err,
                           "VM %zu: platform.regions[%zu] holds the inplace "
                           "image and cannot be coloured (colors 0x%lx)",
                           vm, i, mask);
    return 0;
}

int config_check_vm_colours(const struct vm_config *c, size_t vm,
                            const struct config_target *t,
                            struct config_error *err)
{
    char field[96];

    snprintf(field, sizeof(field), "VM %zu: colors", vm);
    if (c->colors && check_colour_mask(field, c->colors, t, err))
        return -1;
    for (size_t i = 0; i < c->platform.region_num; i++) {
        if (check_region_colours(c, vm, i, t, err))
            return -1;
    }
    return 0;
}
