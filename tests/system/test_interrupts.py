# SPDX-License-Identifier: Apache-2.0
"""Device passthrough with interrupts: the VM owns the UART and its
interrupt 10; the guest's receive-interrupt handler, driving its own view of
the PLIC (trap-and-emulate), echoes each line typed on the console."""

import re

import pexpect
import pytest

from conftest import build, spawn


# On hart 3 the vCPU runs on a hart the firmware starts late (unless it
# picked hart 3 to boot), whose interrupt context it has reset meanwhile.
@pytest.mark.parametrize("harts", ["0", "0x8"])
def test_uart_receive_interrupts_reach_the_guest(harts):
    child = spawn(build("baremetal-uart", cppflags=f"-DUART_VM_HARTS={harts}"))
    try:
        child.expect(r"\[baobab\]   dev  0x010000000-0x010000fff -> "
                     r"0x010000000 irqs: 10")
        child.expect(r"uart: ready")
        child.send("hello\r")
        child.expect(r'uart: got "hello" \((\d+) interrupts\)')
        first = int(child.match.group(1))
        assert first >= 1
        child.send("baobab passthrough\r")
        child.expect(r'uart: got "baobab passthrough" \((\d+) interrupts\)')
        assert int(child.match.group(1)) > first
        child.send("quit\r")
        child.expect(r"uart: bye")
        child.expect(r"\[baobab\] no VM left running: powering off")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert not re.search(r"FATAL|belongs to no VM|cannot emulate",
                         child.text())
