# SPDX-License-Identifier: Apache-2.0
"""Cache-coloured VM memory (tests/system/configs/coloured-vms.c): VM 0
coloured through its `colors`, VM 1 through its region's own. Both run from
pages of their colours only, VM 1 restarts from a pristine copy again and
again over coloured memory, and a VM shutting down while another restarts
does not power the machine off."""

import re

import pytest

from conftest import build, spawn

CONFIGS = "tests/system/configs"
BLOCK = 128 << 10  # the platform's way size: 32 colours of 4 KiB


@pytest.fixture(scope="module")
def run():
    child = spawn(build("coloured-vms", config_repo=CONFIGS), timeout=120)
    try:
        child.expect(r"\[baobab\] VM 0 shut down \(guest request\)")
        # Three restarts, each booted again: the count below does not
        # depend on how much output came with the last match.
        for _ in range(3):
            child.expect(r"\[baobab\] VM 1 restarting \(guest request\)")
            child.expect(r"\[vm1\] reboot: booted")
        yield child.text()
    finally:
        child.close(force=True)


def span(run, vm, mask):
    m = re.search(rf"VM {vm}: .*\n.*\n\[baobab\]   mem  0x080000000-"
                  rf"0x083ffffff -> colours {mask} \(of 32\) in "
                  rf"0x([0-9a-f]+)-0x([0-9a-f]+) \(64 MiB\)", run)
    assert m, run
    return tuple(int(x, 16) for x in m.groups())


def test_each_vm_gets_pages_of_its_colours_only(run):
    first0, last0 = span(run, 0, "0xffff")
    first1, last1 = span(run, 1, "0xffff0000")
    # 16 colours of 32: 64 MiB of pages spread over 128 MiB of blocks, the
    # span starting on a block; the two VMs interleave in the same blocks.
    for first, last, top in ((first0, last0, 15), (first1, last1, 31)):
        assert first % BLOCK == 0
        assert last == first + 1023 * BLOCK + (top + 1) * 4096 - 1
    assert first0 == first1


def test_both_run_and_one_restarts_over_coloured_memory(run):
    assert "[vm0] baremetal: all 2 harts done" in run
    # Its device tree was copied to the top of its coloured region.
    assert "[vm0] dtb: 0x83ff0000" in run
    assert "[vm0] dtb: memory 0x80000000 0x4000000" in run
    assert "[vm0] baremetal: checks 5/5 passed" in run
    assert run.count("[baobab] VM 1 restarting (guest request)") >= 3


def test_a_vm_restarting_keeps_the_machine_on(run):
    # VM 0 shut down while VM 1 was (most likely) reloading: VM 1 went on.
    after = run.split("[baobab] VM 0 shut down (guest request)", 1)[1]
    assert "no VM left running" not in run
    assert "[vm1] reboot: booted" in after
