# SPDX-License-Identifier: Apache-2.0
"""DMA behind the RISC-V IOMMU (tests/system/configs/dma.c): VM 0 owns the
PCIe host and one of its two edu DMA engines (device id 0x8) and aims
them at memory that is not its own: the other VM's (placed at 0x90000000),
RAM beyond its own, the IOMMU's registers, and DMA by the edu it was not
given. QEMU 10.0's virt machine has the IOMMU (-M virt,iommu-sys=on);
QEMU 7.2 has none, where the boot must say the device is unconfined."""

import re

import pytest

from conftest import build, qemu_env, scaled, spawn

CONFIGS = "tests/system/configs"
EDUS = ["-device", "edu,addr=1.0,dma_mask=0xffffffffffffffff",
        "-device", "edu,addr=2.0,dma_mask=0xffffffffffffffff"]
HAS_IOMMU = qemu_env.version() >= (9, 2)


# Its fault interrupt comes through each kind of host controller.
@pytest.mark.skipif(not HAS_IOMMU, reason="QEMU before 9.2 has no IOMMU")
@pytest.mark.parametrize("platform", ["qemu-riscv64-virt",
                                      "qemu-riscv64-virt-aia",
                                      "qemu-riscv64-virt-aplic"])
def test_dma_outside_the_vm_is_blocked_and_reported_and_the_vm_runs_on(
        platform):
    child = spawn(build("dma", config_repo=CONFIGS, platform=platform),
                  machine=qemu_env.machine(platform) + ",iommu-sys=on",
                  extra=EDUS)
    try:
        child.expect(r"\[vm0\] dma: done, (\d+) attempts, (\d+) escaped")
        attempts, escaped = (int(x) for x in child.match.groups())
        # It keeps working with its own memory after the blocked DMA.
        child.expect(r"\[vm0\] dma: round trip through 00:01.0 in own "
                     r"memory: (\w+)")
        assert child.match.group(1) == "ok"
        child.expect(r"VM 0 shut down")
        child.expect(r"\[vm1\] victim: tick \d+, canary intact",
                     timeout=scaled(10))
    finally:
        child.close(force=True)
    text = child.text()
    assert re.search(r"IOMMU at 0x3010000: DMA of devices no VM is given is "
                     r"refused; faults on interrupt 36", text), text
    assert "VM 0: DMA of device 0x8 confined to the VM's memory" in text
    # Through its own device, in its own memory (not identity-mapped), the
    # DMA works: the IOMMU translates by the VM's stage 2.
    assert ("dma: round trip through 00:01.0 in own memory: ok" in
            text.split("dma: done")[0]), text
    assert attempts == 5 and escaped == 0, text
    assert len(re.findall(r"\[vm0\] dma: .*: contained", text)) == 5, text
    # Each blocked DMA is reported once, with its VM, device, direction
    # and range; a master no VM was given, by its device id.
    for addr, what in [("0x90100000", "write"), ("0x90100000", "read"),
                       ("0x90200000", "read"), ("0xbff00000", "write"),
                       ("0xbff00000", "read"), ("0x3010000", "write")]:
        assert (f"VM 0: DMA {what} by device 0x8 at {addr}-"
                f"{hex(int(addr, 16) + 0x3c)} blocked: outside the VM's "
                "memory (16 faults); the VM runs on") in text, (addr, text)
    assert ("DMA by device 0x10 blocked: no VM is given this device "
            "(16 faults)") in text, text
    # Its total at shutdown: 7 blocked transfers of 16 words.
    assert "VM 0: 112 DMA accesses of its devices were blocked" in text
    assert "BROKEN" not in text and not re.search(r"FATAL|panic", text)


def test_without_an_iommu_the_boot_says_the_dma_is_unconfined():
    child = spawn(build("dma", config_repo=CONFIGS), extra=EDUS)
    try:
        child.expect(r"\[vm0\] baremetal: mode dma")
    finally:
        child.close(force=True)
    text = child.text()
    assert ("config: VM 0: platform.devs[0] (pci at 0x30000000) masters "
            "DMA, which nothing confines (there is no IOMMU): through it "
            "the VM can read and write all physical memory") in text, text
    assert ("config: VM 0: platform.devs[0].id 0x8 not applied: there is "
            "no IOMMU") in text, text
    assert "IOMMU at" not in text, text
