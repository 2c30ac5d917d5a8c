# SPDX-License-Identifier: Apache-2.0
"""Debian's Linux on the AIA platform (tests/system/configs/linux-aia.c: one
VM, 4 vCPUs, its virtio devices passed through), once per VM kind: its
APLIC in direct mode (IDCs, hvip.VSEIP), and in MSI mode with its vCPUs'
guest interrupt files (the physical APLIC sends the virtio devices' MSIs
straight into them, IPIs are stores into a peer's file); and a direct-mode
VM on the direct-only machine (qemu-riscv64-virt-aplic, no IMSICs: the
hypervisor claims its devices' interrupts at its harts' IDCs). Each boot
serves the tests of its kind, in order."""

import re

import pytest

from linux import Machine, no_trouble, smp_job

AIA = "qemu-riscv64-virt-aia"
APLIC = "qemu-riscv64-virt-aplic"
# Each boot: the VM's kind, the platform, the config's CPPFLAGS.
BOOTS = {"direct": ("direct", AIA, None),
         "msi": ("msi", AIA, "-DLINUX_AIA_MSI"),
         "direct-only-host": ("direct", APLIC, None)}
# What the kernel says of the controllers it found, per VM kind.
PROBE = {
    "direct": [r"riscv-aplic d000000\.interrupt-controller: 96 interrupts "
               r"directly connected to 4 CPUs"],
    "msi": [r"riscv-intc: 64 local interrupts mapped using AIA",
            r"riscv-imsic: interrupt-controller@28000000: providing IPIs "
            r"using interrupt 1",
            r"riscv-aplic d000000\.interrupt-controller: 96 interrupts "
            r"forwarded to MSI base 0x0000000028000000"],
}
# How /proc/interrupts names a wired source's controller.
CHIP = {"direct": "APLIC-DIRECT", "msi": "APLIC-MSI"}


@pytest.fixture(scope="module", params=list(BOOTS))
def m(request):
    kind, platform, cppflags = BOOTS[request.param]
    machine = Machine("linux-aia", config_repo="tests/system/configs",
                      cppflags=cppflags, platform=platform)
    machine.kind = kind
    try:
        for line in PROBE[kind]:
            machine.wait_console(line)
        machine.wait_console(r"^\[vm0\] baobab-linux: shell at time")
        machine.open_hvc()
        yield machine
    finally:
        machine.close()


def interrupts(m):
    """/proc/interrupts: each line's name and its four CPUs' counts."""
    rows = {}
    for line in m.sh("cat /proc/interrupts").splitlines()[1:]:
        f = line.split()
        rows[line] = [int(x) for x in f[1:5]]
    return rows


def test_virtio_devices_interrupt_through_its_aplic(m):
    # The virtio console answers (open_hvc), and the network gets a lease:
    # both through their wired sources, now through the VM's APLIC.
    out = m.sh("udhcpc -i eth0 -n -q -t 5", timeout=60)
    assert "lease of 10.0.2.15 obtained" in out, out
    virtio = {line: counts for line, counts in interrupts(m).items()
              if "virtio" in line}
    assert virtio, interrupts(m)
    for line, counts in virtio.items():
        assert CHIP[m.kind] in line, line
    assert sum(sum(c) for c in virtio.values()) > 0, virtio


def test_ipis_and_remote_fences_work(m):
    smp_job(m, rounds=20)


def test_the_serial_console_takes_input(m):
    # The emulated 16550: a virtual source of the vAPLIC (in MSI mode its
    # MSIs are stored into the vCPU's file by the hypervisor).
    assert m.serial_sh("echo typed-$((6*7))", vm=0) == ["typed-42"]
    serial = [line for line in interrupts(m) if "ttyS0" in line]
    assert len(serial) == 1 and CHIP[m.kind] in serial[0], serial


def test_nothing_went_wrong(m):
    dmesg = m.sh("dmesg")
    no_trouble(dmesg)
    assert "nobody cared" not in dmesg
    assert not re.search(r"FATAL|belongs to no VM|cannot emulate", m.log)


def test_a_reboot_leaves_no_interrupt_state_behind(m):
    # A restart clears each vCPU's interrupt file and the VM's sources; the
    # second boot takes its devices' interrupts as the first did.
    if m.hvc:
        m.hvc.close()
        m.hvc = None
    m.serial_sh("echo marker > /tmp/before-reboot", vm=0)
    m.console.send("reboot -f\r")
    m.wait_console(r"^\[baobab\] VM 0 restarting \(guest request\)$")
    for line in PROBE[m.kind]:
        m.wait_console(line)
    m.wait_console(r"^\[vm0\] baobab-linux: shell at time")
    m.open_hvc()
    assert m.sh("ls /tmp") .find("before-reboot") < 0
    out = m.sh("udhcpc -i eth0 -n -q -t 5", timeout=60)
    assert "lease of 10.0.2.15 obtained" in out, out
    assert m.serial_sh("echo again-$((6*7))", vm=0) == ["again-42"]


def test_in_msi_mode_no_device_interrupt_came_through_the_hypervisor(m):
    # Counted by the hypervisor over the whole run, said as the VM ends:
    # through a direct-mode APLIC every virtio and network interrupt was
    # claimed by the hypervisor; in MSI mode the physical APLIC sent every
    # one straight into a guest file.
    m.hvc.send("poweroff -f\n")
    found = m.wait_console(r"^\[baobab\] VM 0: (\d+) device interrupts came "
                           r"through the hypervisor$")
    m.wait_console(r"^\[baobab\] VM 0 shut down \(guest request\)$")
    if m.kind == "msi":
        assert int(found.group(1)) == 0
    else:
        assert int(found.group(1)) > 0


def test_seed_setup_iv_runs_with_msi_mode_vms():
    # configs/baremetal-linux.c on the AIA platform, both VMs in MSI mode:
    # the baremetal VM ticks while Linux boots and answers on its virtio
    # console, its devices through its own APLIC and guest files.
    machine = Machine("aia-baremetal-linux",
                      config_repo="tests/system/configs", platform=AIA)
    try:
        machine.wait_console(PROBE["msi"][-1])
        machine.wait_console(r"^\[vm1\] Enter 'help'")
        machine.open_hvc()
        assert machine.ticks(0, 2)[-1] >= 2
        out = machine.sh("udhcpc -i eth0 -n -q -t 5", timeout=60)
        assert "lease of 10.0.2.15 obtained" in out, out
        assert any("APLIC-MSI" in line and "virtio" in line
                   for line in machine.sh("cat /proc/interrupts")
                   .splitlines()), machine.sh("cat /proc/interrupts")
        no_trouble(machine.log)
    finally:
        machine.close()
