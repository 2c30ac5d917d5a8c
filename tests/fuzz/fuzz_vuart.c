/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The emulated 16550 (src/core/vuart.c) under any sequence of register
 * accesses and received bytes: no access outside its FIFO (ASan), the
 * receive FIFO never has more room than its size, and until the guest's
 * register accesses touch it too (a read of RBR pops it, a write of FCR
 * clears it), what comes out is what went in, in order.
 */
#include <core/vuart.h>

#include <stdbool.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct vuart u;
    struct fuzz_in in = {data, size};
    uint8_t sent[256];
    unsigned head = 0, tail = 0;
    bool in_order = true; /* no register access touched the FIFO yet */

    vuart_reset(&u);
    while (in.n) {
        uint8_t op = fuzz_u8(&in), value = fuzz_u8(&in);
        uint64_t offset = fuzz_u8(&in) % 16;

        switch (op % 4) {
        case 0:
            vuart_read(&u, offset);
            in_order = false;
            break;
        case 1:
            vuart_write(&u, offset, value);
            in_order = false;
            break;
        case 2:
            if (vuart_rx_push(&u, value))
                sent[head++ % sizeof(sent)] = value;
            break;
        default: {
            int c = vuart_rx_take(&u);

            if (c >= 0 && in_order)
                FUZZ_ASSERT(tail != head && c == sent[tail++ % sizeof(sent)]);
            break;
        }
        }
        (void)vuart_irq_line(&u);
        FUZZ_ASSERT(vuart_rx_room(&u) <= VUART_RX_FIFO_SIZE);
    }
    return 0;
}
