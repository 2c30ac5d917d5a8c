# SPDX-License-Identifier: Apache-2.0
"""PLATFORM=generic: one bao.bin that learns the board from its device
tree at boot (src/platform/generic/, src/core/platform_dt.c). Built once
per configuration, it runs on QEMU virt with a PLIC, with the AIA in MSI
mode and with the AIA in direct mode, saying what it found; VMs exchange
thousands of messages over IPC with interrupts through their virtual PLIC
or APLIC; and a configuration the board cannot satisfy is refused at boot,
naming what is missing."""

import re

import pytest

from conftest import boot, build, spawn

GENERIC = "generic"
CONFIGS = "tests/system/configs"
MACHINES = {
    "plic": "virt",
    "aia-msi": "virt,aia=aplic-imsic,aia-guests=1",
    "aia-direct": "virt,aia=aplic",
}
FOUND = {
    "plic": r"generic: PLIC at 0xc000000, ids 1-9[56], hart h's supervisor "
            r"context 2 \* h \+ 1",
    "aia-msi": r"generic: APLIC at 0xd000000 \(sources 1-96\) in MSI mode, "
               r"IMSICs at 0x28000000 \(255 ids, 1 guest index bits\)",
    "aia-direct": r"generic: APLIC at 0xd000000 \(sources 1-96\), direct "
                  r"delivery",
}


@pytest.mark.parametrize("irqc", list(MACHINES))
def test_one_image_runs_on_each_interrupt_controller(irqc):
    run = boot(build("two-baremetal", platform=GENERIC),
               machine=MACHINES[irqc])
    assert run.has(r"^\[baobab\] Baobab hypervisor \S+ on generic, "), run
    assert run.has(r"^\[baobab\] generic: console UART at 0x10000000 "
                   r"\(reg-shift 0, reg-io-width 1\), timebase 10000000 Hz$"), \
        run
    assert run.has(rf"^\[baobab\] {FOUND[irqc]}$"), run
    # The generated trees were built without a timebase: the boot set the
    # board's in them.
    assert "[vm0] dtb: cpus 3 timebase 10000000" in run.output, run
    assert "[vm1] dtb: cpus 1 timebase 10000000" in run.output, run
    assert "[vm0] baremetal: all 3 harts done" in run.output, run
    assert "[vm1] baremetal: all 1 harts done" in run.output, run
    assert not re.search(r"FATAL|\[baobab\] error", run.output), run


# Each VM shown the board's kind of controller: a PLIC, an APLIC in MSI
# mode (notifications into the peer's interrupt file), an APLIC in direct
# mode. QEMU describes no cache: the shared memory is not coloured here.
IPC = {
    "plic": ("ipc-baremetal", "-DIPC_SHMEM_COLOURS=0"),
    "aia-msi": ("aia-ipc", "-DIPC_MSI -DIPC_SHMEM_COLOURS=0"),
    "aia-direct": ("aia-ipc", "-DIPC_SHMEM_COLOURS=0"),
}


@pytest.mark.parametrize("irqc", list(IPC))
def test_ipc_with_interrupts_through_each_virtual_controller(irqc):
    config, cppflags = IPC[irqc]
    child = spawn(build(config, config_repo=CONFIGS, cppflags=cppflags,
                        platform=GENERIC),
                  timeout=120, machine=MACHINES[irqc])
    try:
        child.expect(r"\[vm1\] ipc-client: done")
        out = child.text()
    finally:
        child.close(force=True)
    assert ("[vm1] ipc-client: 2000 messages delivered in order and intact"
            in out), out
    assert ("[vm1] ipc-client: still answering after 100000 notifications"
            in out), out
    assert not re.search(r"FATAL|\[baobab\] error", out), out


def test_a_vm_shown_a_plic_is_refused_on_an_aia_board():
    run = boot(build("ipc-baremetal", config_repo=CONFIGS,
                     cppflags="-DIPC_SHMEM_COLOURS=0", platform=GENERIC),
               machine=MACHINES["aia-msi"])
    assert ("[baobab] error: invalid configuration: VM 0: "
            "platform.arch.irqc.plic.base is set, but this platform's "
            "interrupt controller is an APLIC: use "
            "platform.arch.irqc.aia.aplic.base") in run.output, run
    assert "[vm0]" not in run.output


def test_colours_on_a_board_whose_cache_is_not_described_are_refused():
    # The build cannot know the cache; the boot finds none in QEMU's tree,
    # and says so, naming the field.
    run = boot(build("ipc-baremetal", config_repo=CONFIGS, platform=GENERIC))
    assert ("[baobab] error: invalid configuration: config: "
            "shmemlist[0].colors 0xa: the platform describes no shared cache "
            "to colour") in run.output, run
    assert "[vm0]" not in run.output
