/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The virtual PLIC (src/arch/riscv/irqc/plic/vplic.c) under any sequence
 * of guest accesses and device edges: no access outside its arrays (ASan),
 * and its rules hold after every step: a source not the VM's is never
 * pending or in flight, and a claim returns only a source that is the VM's.
 */
#include <plic/vplic.h>

#include "fuzz_input.h"

#define SOURCES 96
#define VCPUS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct vplic p;
    struct fuzz_in in = {data, size};

    vplic_init(&p, SOURCES, VCPUS);
    for (unsigned id = 1; id < SOURCES; id += 3)
        vplic_assign(&p, id);
    while (in.n) {
        uint8_t op = fuzz_u8(&in);
        uint64_t offset = fuzz_u32(&in) % (VPLIC_SIZE + 0x100);
        unsigned width = 1u << (fuzz_u8(&in) % 4);
        uint32_t value = fuzz_u32(&in);
        unsigned id = value % 128;
        struct vplic_result r;

        switch (op % 4) {
        case 0:
            r = vplic_read(&p, offset, width);
            if (r.ok && r.value && (offset & 0xfff) == 4 &&
                offset >= 0x200000)
                FUZZ_ASSERT(vplic_is_assigned(&p, r.value));
            break;
        case 1:
            vplic_write(&p, offset, width, value);
            break;
        case 2:
            vplic_raise(&p, id);
            break;
        default:
            vplic_lower(&p, id);
            break;
        }
        for (unsigned ctx = 0; ctx < 2 * VCPUS + 1; ctx++)
            (void)vplic_context_irq(&p, ctx);
        if (!vplic_is_assigned(&p, id))
            FUZZ_ASSERT(!vplic_is_pending(&p, id) &&
                        !vplic_is_in_flight(&p, id));
    }
    return 0;
}
