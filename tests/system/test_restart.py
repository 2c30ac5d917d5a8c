# SPDX-License-Identifier: Apache-2.0
"""SRST reboot restarts only the VM that asked, from a pristine copy of its
image, again and again; the other VM runs on undisturbed."""

from conftest import build, spawn


def test_reboot_restarts_only_that_vm():
    child = spawn(build("reboot-loop", config_repo="tests/system/configs"))
    try:
        for _ in range(3):
            child.expect(r"\[vm0\] reboot: booted")
            child.expect(r"\[baobab\] VM 0 restarting \(guest request\)")
        child.expect(r"\[vm0\] reboot: booted")
        child.expect(r"\[vm1\] ticker: 5")
    finally:
        child.close(force=True)
    assert "FATAL" not in child.before
