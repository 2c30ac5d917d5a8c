# SPDX-License-Identifier: Apache-2.0
"""Linux in cache-coloured memory (tests/system/configs/linux-coloured.c):
512 MiB of colours 0-15, every page of it scattered through the blocks it
shares with the baremetal VM's colours 16-31. Linux boots, uses all of it
without corruption, and the baremetal VM keeps ticking. Driven over the
serial console (the VM has no virtio devices)."""

import hashlib
import re

import pytest

from linux import KERNEL_TROUBLE, Machine

CONFIGS = "tests/system/configs"


@pytest.fixture(scope="module")
def m():
    machine = Machine("linux-coloured", config_repo=CONFIGS)
    try:
        machine.wait_console(r"^\[vm1\] Enter 'help'")
        machine.console.send("\x1c1")
        machine.wait_console(r"\[baobab\] console: input goes to VM 1")
        yield machine
    finally:
        machine.close()


def test_linux_memory_has_only_its_colours(m):
    found = re.search(r"VM 1: 2 vCPUs.*\n.*\n\[baobab\]   mem  0x090000000-"
                      r"0x0afffffff -> colours 0xffff \(of 32\) in "
                      r"0x([0-9a-f]+)-0x([0-9a-f]+) \(512 MiB\)", m.log)
    assert found, m.log[:4000]
    first, last = (int(x, 16) for x in found.groups())
    # 16 of 32 colours: 512 MiB of pages over 1 GiB of 128 KiB blocks.
    assert first % (128 << 10) == 0
    assert last == first + 8191 * (128 << 10) + 16 * 4096 - 1


def test_linux_uses_its_memory_intact(m):
    total = next(l for l in m.serial_sh("grep MemTotal /proc/meminfo")
                 if l.startswith("MemTotal"))
    assert int(total.split()[1]) > 400 * 1024, total
    # A known file, then more memory filled after it, then the file again:
    # a guest page sharing a host page with another would change its
    # digest. (Filling is slow under QEMU whatever the colours: 4 MB/s.)
    want = hashlib.md5("".join(f"{i}\n" for i in range(1, 300001))
                       .encode()).hexdigest()
    out = m.serial_sh("seq 1 300000 > /tmp/f; md5sum /tmp/f")
    assert any(l.startswith(want) for l in out), out
    out = m.serial_sh("dd if=/dev/zero of=/tmp/z bs=1M count=48 2>&1 | "
                       "tail -1; md5sum /tmp/f; rm /tmp/z")
    assert any(l.startswith(want) for l in out), out
    troubles = m.serial_sh(f"dmesg | grep -cE '{KERNEL_TROUBLE}'")
    assert troubles == ["0"], troubles


def test_the_baremetal_vm_keeps_ticking(m):
    seen = m.ticks(0, 4)
    assert seen == list(range(seen[0], seen[0] + 4)), seen
