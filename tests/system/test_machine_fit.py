# SPDX-License-Identifier: Apache-2.0
"""A machine that does not fit the build: the hypervisor compares the host
device tree with its platform description and configuration and refuses
to start with one line naming what the machine has and what the build
expects, then powers off, so QEMU exits by itself. Never a trap, never a
hang. And a hypervisor fault, however early, names its hart."""

import pexpect

from conftest import boot, build, scaled, spawn

CONFIGS = "tests/system/configs"
REFUSED = r"^\[baobab\] cannot boot on this machine: powering off$"


def assert_refused(run, line):
    assert run.has(line), run
    assert run.has(REFUSED), run
    assert "FATAL" not in run.output, run
    assert not run.vm_lines(0), run
    assert run.status == 0, run


def test_aplic_with_imsic_instead_of_plic():
    run = boot(build("baremetal"), machine="virt,aia=aplic-imsic")
    assert_refused(run, r"^\[baobab\] error: this machine has an APLIC at "
                        r"0xd000000 \(MSI mode, IMSICs at 0x28000000\) and "
                        r"no PLIC; the build expects a PLIC at 0xc000000 "
                        r"\(platform qemu-riscv64-virt\)$")


def test_aplic_instead_of_plic():
    run = boot(build("baremetal"), machine="virt,aia=aplic")
    assert_refused(run, r"^\[baobab\] error: this machine has an APLIC at "
                        r"0xd000000 and no PLIC; the build expects a PLIC at "
                        r"0xc000000 \(platform qemu-riscv64-virt\)$")


def test_fewer_harts_than_vcpus():
    run = boot(build("baremetal-4cpu"), smp=2)
    assert_refused(run, r"^\[baobab\] error: this machine has 2 harts "
                        r"\(0,1\); the build expects 4, one per vCPU "
                        r"\(config baremetal-4cpu: VM 0: 4 vCPUs\)$")


def test_affinity_names_a_missing_hart():
    run = boot(build("affinity", config_repo=CONFIGS), smp=3)
    assert_refused(run, r"^\[baobab\] error: this machine has harts 0,1,2; "
                        r"the build expects harts 3 too, for VM 0's "
                        r"cpu_affinity 0xa \(config affinity\)$")


def test_placed_region_beyond_ram():
    run = boot(build("placed-high", config_repo=CONFIGS), mem="512M")
    assert_refused(run, r"^\[baobab\] error: this machine has RAM at "
                        r"0x80000000-0x9fffffff; the build expects RAM at "
                        r"0xa0000000-0xa3ffffff for VM 0 regions\[0\] "
                        r"\(config placed-high\)$")


def test_placed_region_fits_with_enough_ram():
    run = boot(build("placed-high", config_repo=CONFIGS), mem="1G")
    assert run.has(r"mem  0x080000000-0x083ffffff -> 0x0a0000000"), run
    assert run.status == 0, run


def test_fault_before_any_setup_names_its_hart():
    child = spawn(build("fault-at-boot", config_repo=CONFIGS), smp=1)
    try:
        child.expect(r"\[baobab\] FATAL: hypervisor trap on hart (\S+)")
        assert child.match.group(1) == "0", child.before
        child.expect(r"\[baobab\] hart halted", timeout=scaled(10))
    except pexpect.TIMEOUT:
        raise AssertionError(f"no fault report; console:\n{child.before}")
    finally:
        child.close(force=True)
