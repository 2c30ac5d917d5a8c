# SPDX-License-Identifier: Apache-2.0
"""SRST reboot restarts only the VM that asked, from a pristine copy of its
image, again and again; the other VM runs on undisturbed. At every boot,
the first one included, the VM's RAM outside its image and device tree
reads zero, although each boot fills it with a pattern before rebooting."""

from conftest import build, spawn


def test_reboot_restarts_only_that_vm():
    child = spawn(build("reboot-loop", config_repo="tests/system/configs"))
    try:
        # The guest overwrites its image's data before each reboot: 0x5a
        # again means the restart ran a pristine copy.
        for _ in range(3):
            child.expect(r"\[vm0\] reboot: booted \(data 0x5a\)")
            # All but the image, its .bss and stacks and the device tree
            # (64 MiB less under 1 MiB).
            child.expect(r"\[vm0\] ramcheck: (\d+) bytes zero")
            assert int(child.match.group(1)) > 63 << 20
            child.expect(r"\[baobab\] VM 0 restarting \(guest request\)")
        child.expect(r"\[vm0\] reboot: booted \(data 0x5a\)")
        child.expect(r"\[vm1\] ticker: 5")
    finally:
        child.close(force=True)
    assert "FATAL" not in child.text()
