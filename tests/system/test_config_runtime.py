# SPDX-License-Identifier: Apache-2.0
"""Configurations as users write them: CONFIG_REPO and CPPFLAGS as in the
Bao tutorials, the config-directory form, and the hypervisor's own check at
boot against the machine it finds."""

import re

from conftest import ROOT, boot, build, build_output, guest_image

DMA = (r"VM 0: platform.devs\[0\] \(virtio_mmio at 0x10001000\) masters "
       r"DMA, which nothing confines \(it is not behind an IOMMU\): through "
       r"it the VM can read and write all physical memory, other VMs', the "
       r"hypervisor's and the firmware's")


def test_bao_v2_style_config_from_config_repo():
    imgs = guest_image().parent
    kernel = build("bao-v2-style", config_repo="tests/system/configs",
                   cppflags=f"-DBAO_DEMOS_WRKDIR_IMGS={imgs}")
    assert kernel.is_relative_to(ROOT)
    run = boot(kernel)
    assert run.has(r'config "bao-v2-style"'), run
    assert "baremetal: all 2 harts done" in run.vm_lines(0), run
    assert run.has(r"dev  0x010001000-0x010008fff -> 0x010001000"), run
    # The VM's colours are applied...
    assert run.has(r"mem  0x080000000-0x083ffffff -> colours 0xf0 \(of 32\) "
                   r"in "), run
    # ... and what is accepted but not applied is said, not ignored.
    assert run.has(r"^\[baobab\] warning: config: hyp.colors 0x3 not "
                   r"applied: the hypervisor's own memory is not coloured "
                   r"yet$"), run
    assert run.has(r"^\[baobab\] warning: config: VM 0: platform.devs\[0\].id "
                   r"0x1 not applied: there is no IOMMU$"), run
    # Its virtio devices master DMA, which nothing confines yet: said at
    # boot as at build time.
    assert run.has(rf"^\[baobab\] warning: config: {DMA}$"), run
    assert run.status == 0


def test_a_dma_capable_device_is_named_at_build_time():
    out = build_output("linux")
    assert re.search(rf"^warning: config 'linux': {DMA}$", out, re.M), out
    # A baremetal VM with the UART only: nothing to say.
    assert "masters DMA" not in build_output("baremetal-uart")


def test_inplace_image_runs_where_it_lies():
    run = boot(build("inplace", config_repo="tests/system/configs"))
    # The image's pages are mapped from inside bao.bin, around it fresh RAM.
    pages = (guest_image().stat().st_size + 0xfff) // 0x1000
    end = 0x80200000 + pages * 0x1000 - 1
    assert run.has(rf"mem  0x080200000-0x{end:09x} -> 0x0802"), run
    assert run.has(r"mem  0x080000000-0x0801fffff -> "), run
    assert "baremetal: all 2 harts done" in run.vm_lines(0), run


def test_separately_loaded_image_is_copied_from_ram():
    guest = guest_image()
    loaded_at = 0x90000000
    kernel = build("loaded", config_repo="tests/system/configs",
                   cppflags=f"-DLOADED_AT={loaded_at:#x} "
                            f"-DGUEST_SIZE={guest.stat().st_size}")
    run = boot(kernel, extra=["-device", f"loader,file={guest},"
                              f"addr={loaded_at:#x},force-raw=on"])
    assert "baremetal: all 1 harts done" in run.vm_lines(0), run
    assert run.status == 0
