/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The virtual APLIC (src/arch/riscv/irqc/aia/vaplic.c), in direct and in
 * MSI mode, under any sequence of guest accesses, input changes and
 * pulses: no access outside its arrays (ASan), a source not the VM's is
 * never pending, active or sent, topi names only the VM's sources, a
 * vCPU's line is what its IDC and topi say, and what it sends in MSI mode
 * goes to one of its vCPUs.
 */
#include <aia/vaplic.h>

#include "fuzz_input.h"

#define SOURCES 96
#define VCPUS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct vaplic a;
    struct fuzz_in in = {data, size};
    bool msi = fuzz_u8(&in) & 1;

    vaplic_init(&a, SOURCES, VCPUS, msi, 3, 8);
    for (unsigned id = 1; id <= SOURCES; id += 3)
        vaplic_assign(&a, id);
    while (in.n) {
        uint8_t op = fuzz_u8(&in);
        uint64_t offset = fuzz_u32(&in) % (VAPLIC_SIZE + 0x100);
        unsigned width = 1u << (fuzz_u8(&in) % 4);
        uint32_t value = fuzz_u32(&in);
        unsigned id = value % 1100, v, eiid, src;

        switch (op % 6) {
        case 0:
            vaplic_read(&a, offset, width);
            break;
        case 1:
            vaplic_write(&a, offset, width, value);
            break;
        case 2:
            vaplic_set_input(&a, id, value >> 31);
            break;
        case 3:
            vaplic_pulse(&a, id);
            break;
        case 4:
            if (vaplic_pulse_msi(&a, id, &v, &eiid))
                FUZZ_ASSERT(vaplic_is_assigned(&a, id) && v < (1u << 14));
            break;
        default:
            while (vaplic_take_msi(&a, &src, &v, &eiid))
                FUZZ_ASSERT(vaplic_is_assigned(&a, src));
            break;
        }
        if (!vaplic_is_assigned(&a, id))
            FUZZ_ASSERT(!vaplic_is_pending(&a, id) &&
                        !vaplic_is_active(&a, id));
        for (v = 0; v < VCPUS + 1; v++) {
            uint32_t topi = vaplic_topi(&a, v);

            if (topi)
                FUZZ_ASSERT(vaplic_is_assigned(&a, topi >> 16));
            FUZZ_ASSERT(vaplic_idc_irq(&a, v) ==
                        (v < VCPUS && (vaplic_lines(&a) >> v & 1)));
        }
    }
    return 0;
}
