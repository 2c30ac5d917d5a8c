# SPDX-License-Identifier: Apache-2.0
"""Harts as the boards' are, as far as QEMU models them (docs/boards/):
a P550-like hart (the HiFive Premier P550, Milk-V Megrez: no Sstc, no
Svpbmt, Svinval, Svnapot, Zicbom) runs the seed configs with the guest
timer emulated; and a privileged-1.11 hart, whose henvcfg and senvcfg
raise illegal instruction, is probed, not wedged on. QEMU cannot give a
1.11 hart the H extension (7.2 drops H, 10.0 refuses), so that run ends at
the clear refusal of a hart without H, after the probe."""

import re

from conftest import boot, build, qemu_env
from linux import Machine, no_trouble

# The P550's extensions that QEMU 7.2 and 10.0 both can switch off.
P550_LIKE = "rv64,sstc=false,svpbmt=false,svinval=false,svnapot=false"
if qemu_env.version() >= (8, 0):
    P550_LIKE += ",zicbom=false,zicboz=false,zicbop=false"


def test_p550_like_harts_run_the_baremetal_config():
    run = boot(build("baremetal"), cpu=P550_LIKE)
    assert run.has(r"guest timer: emulated$"), run
    assert "[vm0] baremetal: all 1 harts done" in run.output, run
    assert not re.search(r"FATAL|\[baobab\] error", run.output), run


def test_p550_like_harts_run_linux_beside_a_baremetal_vm():
    m = Machine("baremetal-linux-shmem", cpu=P550_LIKE)
    try:
        m.wait_console(r"guest timer: emulated$")
        m.wait_console(r"^\[vm0\] ipc: ready$")
        m.wait_console(r"^\[vm1\] Enter 'help'")
        m.open_hvc()
        # Time goes on in Linux: its timer is the emulated one.
        first = float(m.sh("cut -d' ' -f1 /proc/uptime"))
        m.sh("sleep 1")
        assert float(m.sh("cut -d' ' -f1 /proc/uptime")) >= first + 1
        m.sh("printf 'Hello, Bao!\\n' > /dev/baoipc0")
        m.wait_console(r'^\[vm0\] ipc: received "Hello, Bao!"$')
        no_trouble(m.log)
    finally:
        m.close()


def test_a_privileged_1_11_hart_is_probed_not_wedged():
    cpu = "rv64,priv_spec=v1.11.0"
    if qemu_env.version() >= (8, 0):
        cpu += ",h=false"  # 10.0 will not start H on a 1.11 hart
    run = boot(build("baremetal"), cpu=cpu)
    assert ("[baobab] the harts have no henvcfg/senvcfg (privileged spec "
            "1.11): Sstc is not used, nor written") in run.output, run
    assert ("[baobab] error: the harts lack the hypervisor (H) extension: "
            "cannot boot, powering off") in run.output, run
    assert "FATAL" not in run.output
