# SPDX-License-Identifier: Apache-2.0
"""configs/linux.c: one Linux VM with 4 vCPUs, driven through its serial
console (the emulated 16550; the VM has the input focus). `reboot` restarts
the VM from a pristine copy of kernel and initramfs, and it comes back."""

import pexpect

from conftest import build, scaled, spawn
from linux import LINUX_TIMEOUT, PROMPT, no_trouble


def run(child, command):
    """Run a command on the serial console; its output."""
    child.sendline(f"{command}; echo \"@@rc=$?@@\"")
    child.expect(r"@@rc=(\d+)@@")
    out, rc = child.before.replace("\r", ""), int(child.match.group(1))
    child.expect(PROMPT)
    assert rc == 0, f"{command!r} exited {rc}:\n{out}"
    # Lines of the VM, without the echoed command and the [vm0] tags.
    lines = [l.removeprefix("[vm0] ") for l in out.split("\n")[1:]]
    return "\n".join(lines)


def test_linux_alone_serial_console_and_reboot():
    child = spawn(build("linux"), timeout=LINUX_TIMEOUT)
    try:
        child.expect(r"\[vm0\] \[ *[\d.]+\] smp: Brought up 1 node, 4 CPUs")
        child.expect(PROMPT)
        boot_log = child.before
        assert run(child, "grep -c ^processor /proc/cpuinfo").split() == ["4"]
        assert run(child, "cat /sys/devices/system/cpu/online").split() == \
            ["0-3"]
        run(child, "echo marker > /tmp/before-reboot")

        child.sendline("reboot")
        child.expect(r"\[baobab\] VM 0 restarting \(guest request\)")
        child.expect(r"\[vm0\] \[ *[\d.]+\] smp: Brought up 1 node, 4 CPUs")
        child.expect(PROMPT)
        # A fresh boot: the initramfs is pristine again, uptime small.
        out = run(child, "ls /tmp; cut -d. -f1 /proc/uptime")
        assert "before-reboot" not in out, out
        assert int(out.split()[-1]) < scaled(60), out
        assert run(child, "echo back-$((40+2))").split() == ["back-42"]
        no_trouble(boot_log + child.before)

        child.sendline("poweroff")
        child.expect(r"\[baobab\] VM 0 shut down \(guest request\)")
        child.expect(r"\[baobab\] no VM left running: powering off")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
