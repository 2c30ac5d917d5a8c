# SPDX-License-Identifier: Apache-2.0
"""Linux with virtio devices in cache-coloured memory, confined by the
IOMMU (tests/system/configs/linux-iommu.c, QEMU 10.0 with -M
virt,iommu-sys=on). Linux owns the PCIe host and its virtio-net,
virtio-serial and virtio-rng; they DMA to guest-physical addresses of
memory that is scattered over the host, and the IOMMU translates each by
the VM's stage 2. Without the IOMMU these devices would write wherever
the guest addresses point in host memory. Commands run on the virtio
console, itself a PCI device behind the IOMMU."""

import re

import pytest

from conftest import qemu_env
from linux import Machine, no_trouble

CONFIGS = "tests/system/configs"

pytestmark = pytest.mark.skipif(qemu_env.version() < (9, 2),
                                reason="QEMU before 9.2 has no IOMMU")


@pytest.fixture(scope="module")
def m():
    machine = Machine("linux-iommu", config_repo=CONFIGS, pci=True)
    try:
        machine.wait_console(r"^\[vm1\] Enter 'help'")
        machine.open_hvc()
        yield machine
    finally:
        machine.close()


def test_the_vm_is_coloured_and_its_masters_confined(m):
    assert re.search(r"\[baobab\]   mem  0x090000000-0x0afffffff -> colours "
                     r"0xffff \(of 32\)", m.log), m.log[:4000]
    assert "IOMMU at 0x3010000: DMA of devices no VM is given is refused" \
        in m.log
    for device in ("0x8", "0x10", "0x18"):
        assert (f"VM 1: DMA of device {device} confined to the VM's memory"
                in m.log), m.log[:4000]
    # Nothing warns that a device reaches beyond the VM.
    assert "masters DMA, which nothing confines" not in m.log


def test_linux_finds_its_pci_virtio_devices(m):
    devices = m.sh("cat /sys/bus/pci/devices/*/device").split()
    # virtio 1.0 ids: net, console, rng (0x1000 + 0x40 + type).
    assert sorted(devices) == ["0x0008", "0x1041", "0x1043", "0x1044"], \
        devices
    irqs = m.sh("grep -c virtio /proc/interrupts").split()
    assert int(irqs[0]) >= 3, irqs
    # The kernel shows no IOMMU: DMA addresses are guest-physical.
    assert not m.sh("ls /sys/class/iommu 2>/dev/null").split()


def test_virtio_net_dhcp_and_a_service_through_the_iommu(m):
    out = m.sh("udhcpc -i eth0 -n -q -t 5", timeout=60)
    assert "lease of 10.0.2.15 obtained" in out, out
    m.sh("httpd -p 80 -h /www")
    reply = m.http_get("/")
    assert "baobab-linux httpd ok" in reply, reply


def test_random_bytes_and_memory_intact_and_no_dma_fault(m):
    # virtio-rng fills guest pages by DMA.
    out = m.sh("dd if=/dev/hwrng bs=64 count=4 2>/dev/null | od -An -tx1 "
               "| head -2")
    assert re.search(r"[0-9a-f]{2}( [0-9a-f]{2}){15}", out), out
    no_trouble(m.sh("dmesg"))
    assert "DMA" not in "\n".join(l for l in m.log.splitlines()
                                  if "blocked" in l), m.log
    assert m.ticks(0, 2)[-1] >= 2
