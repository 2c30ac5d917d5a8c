# SPDX-License-Identifier: Apache-2.0
"""Inter-VM communication between baremetal VMs (tests/system/configs/
ipc-baremetal.c): VM 0 serves, VM 1 runs the client script of the guest's
"ipc" mode, VM 2 has no window. Shared memory carries thousands of checked
messages both ways, notifications arrive as interrupts, a flood of them
coalesces and the server keeps answering; bad notify arguments and a VM
without the shared memory are refused. The same on the AIA platform, the
notifications through each VM's APLIC in direct and in MSI mode, and on
the direct-only AIA machine (no IMSICs) in direct mode."""

import re

import pytest

from conftest import PLATFORM, build, qemu_env, spawn

CONFIGS = "tests/system/configs"
AIA = "qemu-riscv64-virt-aia"
APLIC = "qemu-riscv64-virt-aplic"
# (platform, config, CPPFLAGS)
SETUPS = {"plic": (PLATFORM, "ipc-baremetal", None),
          "aia-direct": (AIA, "aia-ipc", None),
          "aplic-direct": (APLIC, "aia-ipc", None),
          "aia-msi": (AIA, "aia-ipc", "-DIPC_MSI")}


@pytest.fixture(scope="module", params=list(SETUPS))
def run(request):
    platform, config, cppflags = SETUPS[request.param]
    child = spawn(build(config, config_repo=CONFIGS, cppflags=cppflags,
                        platform=platform),
                  timeout=120, machine=qemu_env.machine(platform))
    try:
        child.expect(r"\[vm1\] ipc-client: done")
        yield child.text()
    finally:
        child.close(force=True)


def test_the_shared_memory_has_only_its_colours(run):
    # 16 pages, 2 per block of 32 (128 KiB, the platform's way size):
    # 8 blocks from a block boundary, the last page colour 3 of block 7.
    m = re.search(r"shmem 0: 64 KiB -> colours 0xa \(of 32\) in "
                  r"0x([0-9a-f]+)-0x([0-9a-f]+)", run)
    assert m, run
    first, last = (int(x, 16) for x in m.groups())
    assert first % (128 << 10) == 0
    assert last == first + 7 * (128 << 10) + 4 * 4096 - 1
    for vm, base in ((0, 0xf0000000), (1, 0xe0000000)):
        assert f"  ipc  0x{base:09x}-0x{base + 0xffff:09x} -> shmem 0" in run


def test_windows_come_from_the_device_tree(run):
    # Each VM sees its own address and interrupt; the channels cross.
    assert ("[vm0] ipc: window 0xf0000000 id 0 irq 52, read 0x2000+0x2000, "
            "write 0x0+0x2000") in run
    assert ("[vm1] ipc: window 0xe0000000 id 0 irq 40, read 0x0+0x2000, "
            "write 0x2000+0x2000") in run


def test_hypercalls_answer_in_baos_registers(run):
    # As Bao answers: a0 (the SBI error) is 0, the hypercall's result in a1.
    # -3 (HC_E_INVALID_ARGS) for an event and an index that do not exist,
    # -2 (HC_E_INVALID_ID) for Bao's invalid id 0 and an unknown id.
    for vm in (0, 1):
        assert f"[vm{vm}] ipc: hypercall 1(0, 1) -> a0 = 0, a1 = -3" in run
        assert f"[vm{vm}] ipc: hypercall 1(1, 0) -> a0 = 0, a1 = -3" in run
        assert f"[vm{vm}] ipc: hypercall 0(0, 0) -> a0 = 0, a1 = -2" in run
        assert f"[vm{vm}] ipc: hypercall 153(0, 0) -> a0 = 0, a1 = -2" in run


def test_messages_cross_in_both_directions_intact(run):
    assert '[vm0] ipc: received "hello from the client"' in run
    assert '[vm1] ipc-client: reply "baremetal got: hello from the client"' \
        in run
    # 2000 sequence-numbered lines, checked one by one and by a hash of the
    # whole stream computed at both ends.
    assert "[vm0] ipc: stats lines=2002 seq_ok=2000 seq_bad=0" in run
    assert "[vm1] ipc-client: 2000 messages delivered in order and intact" \
        in run
    assert "[vm1] ipc-client: 500 messages back, 0 bad" in run


def test_notification_flood_leaves_the_receiver_answering(run):
    assert "[vm1] ipc-client: still answering after 100000 notifications" \
        in run
    assert "[vm0] ipc: stats lines=2004 seq_ok=2000 seq_bad=0" in run


def test_vm_without_the_shmem_cannot_notify_or_read_it(run):
    assert "[vm2] ipc: no bao,ipcshmem window" in run
    # Its tree is there and valid: only the window is missing.
    assert re.search(r"^\[vm2\] ipc: device tree at 0x[0-9a-f]+: valid$",
                     run, re.M), run
    assert "[vm2] ipc: hypercall 1(0, 0) -> a0 = 0, a1 = -3" in run
    assert ("[baobab] warning: VM 2 vCPU 0: load at 0xf0000000 outside its "
            "memory") in run
    assert "[vm2] ipc: read of 0xf0000000 faulted" in run
