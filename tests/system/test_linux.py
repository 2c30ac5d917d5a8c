# SPDX-License-Identifier: Apache-2.0
"""Debian's riscv64 kernel under Baobab, beside a baremetal VM
(configs/baremetal-linux.c: VM 0 baremetal "heartbeat", VM 1 Linux with 3
vCPUs and 1 GiB, virtio-mmio passed through). One boot serves the tests
of this module, in order; the last one powers Linux off. Commands run on
the virtio console (a QEMU pty); the UART carries the tagged output of
both VMs and the Linux serial console."""

import re
import time

import pytest

from conftest import PLATFORM, ROOT, scaled
from linux import Machine, no_trouble, smp_job


@pytest.fixture(scope="module")
def m():
    machine = Machine("baremetal-linux")
    try:
        machine.wait_console(r"\[baobab\] console: input goes to VM 0")
        machine.wait_console(r"^\[vm1\] Enter 'help'")
        machine.open_hvc()
        yield machine
    finally:
        machine.close()


def test_boots_beside_the_baremetal_vm(m):
    assert re.search(r"^\[vm1\] \[ *[\d.]+\] smp: Brought up 1 node, 3 CPUs$",
                     m.log, re.MULTILINE)
    # The initramfs loaded the drivers of the passed-through devices.
    modules = m.sh("cut -d' ' -f1 /proc/modules").split()
    assert sorted(modules) == sorted(["virtio_mmio", "failover",
                                      "net_failover", "virtio_net",
                                      "virtio_blk", "virtio_rng",
                                      "baoipc"]), modules
    assert m.ticks(0, 2)[-1] >= 2
    no_trouble(m.log)


def test_sees_exactly_its_cpus_and_memory(m):
    assert m.sh("grep -c ^processor /proc/cpuinfo").split() == ["3"]
    assert m.sh("cat /sys/devices/system/cpu/online").split() == ["0-2"]
    total = int(re.search(r"MemTotal:\s+(\d+) kB",
                          m.sh("cat /proc/meminfo")).group(1))
    # 1 GiB minus what the kernel keeps for itself, and never more.
    assert 900 * 1024 < total <= 1024 * 1024, total
    # The memory node is the VM's region, and nothing else.
    ranges = m.sh("cat /proc/iomem | grep 'System RAM'")
    assert ranges.split() == ["90000000-cfffffff", ":", "System", "RAM"]


def test_device_tree_is_the_generated_one(m):
    dts = (ROOT / "bin" / PLATFORM / "baremetal-linux" / "vm1.dts").read_text()
    initrd = (ROOT / "build" / "guests" / "linux" / "initramfs.cpio")
    start, end = (int(x.replace(" ", "").replace("0x0", "", 1), 16)
                  for x in re.findall(r"linux,initrd-(?:start|end) = <(.*)>;",
                                      dts))
    assert end - start == initrd.stat().st_size
    assert 'bootargs = "console=ttyS0";' in dts
    assert 'stdout-path = "/soc/serial@10000000";' in dts
    assert len(re.findall(r"^\t\tcpu@\d+ \{", dts, re.MULTILINE)) == 3
    # Linux reads the same tree: its chosen node and its devices.
    assert m.sh("cat /proc/device-tree/chosen/bootargs").strip("\0\n") == \
        "console=ttyS0"
    soc = m.sh("ls /proc/device-tree/soc").split()
    assert sorted(soc) == sorted(
        ["#address-cells", "#size-cells", "compatible", "name", "ranges",
         "interrupt-controller@c000000", "serial@10000000"] +
        [f"virtio_mmio@{0x10001000 + n * 0x1000:x}" for n in range(8)]), soc
    # The emulated UART's interrupt (10, virtual) has been taken.
    irqs = m.sh("grep -E 'virtio|ttyS0' /proc/interrupts")
    uart = re.search(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\d+)\s+\S+ PLIC\s+10 "
                     r"\w+\s+ttyS0$", irqs, re.MULTILINE)
    assert uart and sum(int(n) for n in uart.groups()) > 0, irqs


def test_time_uses_sstc_and_sleep_takes_its_time(m):
    isa = m.sh("grep -m1 ^isa /proc/cpuinfo")
    assert "sstc" in isa.split()[-1].split("_"), isa
    assert "h" not in re.match(r"isa\s*:\s*rv64([a-z]*)", isa).group(1)
    assert "via sstc extension" in m.sh("dmesg | grep riscv-timer")
    # Never early; late by no more than a busy host delays a wake-up (the
    # guests' clocks follow the host's: a lost timer interrupt would leave
    # it asleep far longer).
    out = m.sh("time sleep 2", timeout=30)
    real = re.search(r"real\s+0m\s*([\d.]+)s", out)
    assert real and 2.0 <= float(real.group(1)) < 2.0 + scaled(1.5), out
    # The baremetal VM's own timer agrees: at least 3 heartbeats meanwhile,
    # and no more than the host's clock saw pass between the two that
    # bound them (the console round trips around the sleep add to it, by
    # as much as the host is busy).
    before, = m.ticks(0, 1)
    start = time.monotonic()
    m.sh("sleep 3", timeout=30)
    after, = m.ticks(0, 1)
    seen = time.monotonic() - start
    assert 3 <= after - before <= seen + 1, (before, after, seen)


def test_smp_workload_with_ipis_and_remote_fences(m):
    smp_job(m)
    no_trouble(m.sh("dmesg"))


def test_virtio_net_dhcp_and_a_service_reached_through_hostfwd(m):
    out = m.sh("udhcpc -i eth0 -n -q -t 5", timeout=60)
    assert "lease of 10.0.2.15 obtained" in out, out
    assert "inet 10.0.2.15/24" in m.sh("ip addr show eth0")
    m.sh("httpd -p 80 -h /www")
    reply = m.http_get("/")
    assert re.match(r"HTTP/1\.[01] 200 OK", reply), reply
    assert "baobab-linux httpd ok" in reply, reply


def test_serial_console_input_follows_the_focus(m):
    # Typed on the UART while VM 0 has the focus: VM 0 never reads its
    # UART, so after its FIFO the hypervisor holds the rest; the console
    # command still gets through, and what VM 0 did not read is reported.
    typed = "echo serial-$((6*7)) " + "x" * 180 + "\r"
    m.console.send(typed)
    m.console.send("\x1c1")
    m.wait_console(rf"\[baobab\] warning: console: {len(typed) - 64} typed "
                   r"characters were not read by VM 0")
    m.wait_console(r"\[baobab\] console: input goes to VM 1")
    # Linux gets only what was typed after the switch, and a line longer
    # than its UART's FIFO arrives whole.
    word = "".join(chr(ord("a") + i % 26) for i in range(300))
    m.console.send(f"echo {word} | wc -c; echo serial-$((7*7))\r")
    m.wait_console(r"^\[vm1\] 301$")
    m.wait_console(r"^\[vm1\] serial-49$")
    assert "serial-42" not in m.log
    m.console.send("\x1c0")
    m.wait_console(r"\[baobab\] console: input goes to VM 0")


def test_process_touching_foreign_memory_dies_alone(m):
    # 0x80000000 is the baremetal VM's guest address, not Linux's.
    out, rc = m.sh_rc("devmem 0x80000000 32")
    assert rc != 0 and re.search(r"Bus error|Segmentation fault", out), out
    m.wait_console(r"\[baobab\] warning: VM 1 vCPU \d: load at 0x80000000 "
                   r"outside its memory")
    assert m.sh("echo still-$((40+2))").split() == ["still-42"]
    m.ticks(0, 2)


def test_poweroff_stops_only_linux(m):
    m.hvc.send("poweroff\n")
    m.wait_console(r"\[baobab\] VM 1 shut down \(guest request\)")
    # Four heartbeats in a row, none missing.
    seen = m.ticks(0, 4)
    assert seen == list(range(seen[0], seen[0] + 4)), seen
    assert "powering off" not in m.log
