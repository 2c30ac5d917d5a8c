# SPDX-License-Identifier: Apache-2.0
"""SRST reboot restarts only the VM that asked, from a pristine copy of its
image, again and again; the other VM runs on undisturbed. At every boot,
the first one included, the VM's RAM outside its image and device tree
reads zero, although each boot fills it with a pattern before rebooting;
and every boot finds the CSRs and registers as the first found them."""

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


def test_every_boot_finds_what_the_first_found():
    # The guest (mode "cleanboot") sets senvcfg.FIOM, scounteren and
    # sstatus.SUM/MXR, has vCPU 0 restarted by HSM hart_start with an
    # opaque value of its own, and reboots: the next boot must find them
    # as the first did, and its device tree in a1, not that opaque value.
    child = spawn(build("clean-reboot", config_repo="tests/system/configs"))
    try:
        seen = []
        for _ in range(3):
            child.expect(r"\[vm0\] (cleanboot: [^\r\n]*)")
            seen.append(child.match.group(1))
            child.expect(r"\[baobab\] VM 0 restarting \(guest request\)")
    finally:
        child.close(force=True)
    # scounteren as OpenSBI hands it to a supervisor: CY, TM, IR.
    first = ("cleanboot: a1 is the device tree, senvcfg 0x0, scounteren 0x7, "
             "sum 0, mxr 0")
    assert seen == [first] * 3, child.text()
    assert "FATAL" not in child.text()
