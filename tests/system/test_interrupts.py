# SPDX-License-Identifier: Apache-2.0
"""Device passthrough with interrupts: the VM owns the UART and its
interrupt 10; the guest's receive-interrupt handler, driving its own view of
the PLIC (trap-and-emulate), echoes each line typed on the console."""

import pytest

from conftest import build, echo_through_passed_uart, spawn


# On hart 3 the vCPU runs on a hart the firmware starts late (unless it
# picked hart 3 to boot), whose interrupt context it has reset meanwhile.
@pytest.mark.parametrize("harts", ["0", "0x8"])
def test_uart_receive_interrupts_reach_the_guest(harts):
    child = spawn(build("baremetal-uart", cppflags=f"-DUART_VM_HARTS={harts}"))
    try:
        echo_through_passed_uart(child, "baobab passthrough")
    finally:
        child.close(force=True)
