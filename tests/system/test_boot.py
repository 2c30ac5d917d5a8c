# SPDX-License-Identifier: Apache-2.0
"""Each ready configuration boots, every vCPU comes online, takes timer
interrupts and answers IPIs, and the guest's SRST shutdown ends QEMU."""

import re

import pytest

from conftest import FW_JUMP, boot, build

TICKS = 3

# config -> vCPUs of each VM
CONFIGS = {
    "baremetal": [1],
    "baremetal-4cpu": [4],
    "two-baremetal": [3, 1],
}


def assert_guest_ran(run, vm, vcpus):
    lines = run.vm_lines(vm)
    assert "baremetal: sbi spec 2.0 impl 12192683 version 0x100" in lines, run
    assert "baremetal: console dbcn" in lines, run
    assert f"baremetal: {vcpus} harts" in lines, run
    assert "baremetal: checks 5/5 passed" in lines, run
    # Printed a character per legacy putchar call: another VM's line may
    # cut it, and it goes on under a fresh tag, so look at the joined text.
    assert "check: legacy console line" in "".join(lines), run
    for hart in range(vcpus):
        assert f"hart {hart} online" in lines, run
        for tick in range(1, TICKS + 1):
            assert f"hart {hart} tick {tick}" in lines, run
        if hart != 0:
            assert f"hart {hart} ipi" in lines, run
    assert f"baremetal: ipi {vcpus - 1}/{vcpus - 1} answered" in lines, run
    assert f"baremetal: all {vcpus} harts done" in lines, run
    assert not any("FAIL" in l or "unexpected" in l for l in lines), run


def assert_boot_table(run, vm, vcpus):
    assert run.has(rf"^\[baobab\] VM {vm}: {vcpus} vCPUs?, entry 0x80200000")
    pairs = re.search(rf"VM {vm}: .*\n\[baobab\]   vCPU->hart:((?: \d+->\d+)+)",
                      run.output)
    assert pairs, run
    assert [p.split("->")[0] for p in pairs.group(1).split()] == \
        [str(i) for i in range(vcpus)]
    return {int(p.split("->")[1]) for p in pairs.group(1).split()}


@pytest.mark.parametrize("config", sorted(CONFIGS))
def test_config_boots_and_runs_guests(config):
    run = boot(build(config))
    assert run.has(r"^\[baobab\] Baobab hypervisor \S+ on qemu-riscv64-virt, "
                   rf"config \"{config}\""), run
    harts = set()
    for vm, vcpus in enumerate(CONFIGS[config]):
        used = assert_boot_table(run, vm, vcpus)
        assert not harts & used, "two VMs share a hart"
        harts |= used
        assert_guest_ran(run, vm, vcpus)
        assert run.has(rf"^\[baobab\] VM {vm} shut down \(guest request\)")
    assert run.has(r"^\[baobab\] no VM left running: powering off"), run
    assert run.status == 0


def test_two_vms_run_side_by_side():
    # Which VM prints first depends on how the host schedules QEMU's hart
    # threads; under -icount QEMU runs the harts in turn, by instruction
    # count, so the interleaving is the same on any host, loaded or not.
    run = boot(build("two-baremetal"),
               extra=["-icount", "shift=0,sleep=off"])

    def lines_of(vm):
        return [i for i, l in enumerate(run.lines)
                if l.startswith(f"[vm{vm}] ")]

    # They overlap: each VM printed before the other had finished.
    vm0, vm1 = lines_of(0), lines_of(1)
    assert vm0 and vm1, run
    assert vm0[0] < vm1[-1] and vm1[0] < vm0[-1], run
    # Each VM sees only its own vCPUs.
    assert "baremetal: 3 harts" in run.vm_lines(0)
    assert "baremetal: 1 harts" in run.vm_lines(1)


def test_cpu_affinity_places_vcpus_on_the_named_harts():
    run = boot(build("affinity", config_repo="tests/system/configs"))
    # vCPUs take the harts their VM's cpu_affinity names, lowest first.
    assert run.has(r"VM 0: .*\n\[baobab\]   vCPU->hart: 0->1 1->3$"), run
    assert run.has(r"VM 1: .*\n\[baobab\]   vCPU->hart: 0->0 1->2$"), run
    for vm in (0, 1):
        assert_guest_ran(run, vm, 2)
    assert run.status == 0, run


LOST_HART = (r"\[baobab\] warning: hart \d was started but never reached "
             r"the hypervisor \(a firmware fault; OpenSBI 1.5 can leave a "
             r"hart in its boot lottery\): no vCPU goes there")


def test_boots_from_debian_opensbi_fw_jump():
    run = boot(build("baremetal"), bios=FW_JUMP)
    assert run.has(r"OpenSBI v"), run
    assert_guest_ran(run, 0, 1)
    assert run.status == 0


def test_fw_jump_boots_every_time_even_when_the_firmware_loses_harts():
    # OpenSBI 1.5's fw_jump (QEMU 10's) picks its boot hart by a lottery
    # that a late hart can spoil, leaving the other harts in the firmware
    # for good (OpenSBI issue 354, fixed in 1.6): about every second boot
    # here. The hypervisor names each lost hart and places the vCPU on one
    # that came up; it used to wait for it forever.
    kernel = build("baremetal")
    for _ in range(4):
        run = boot(kernel, bios=FW_JUMP)
        assert_guest_ran(run, 0, 1)
        assert run.status == 0
        lost = [l for l in run.lines if "never reached" in l]
        assert all(re.fullmatch(LOST_HART, l) for l in lost), run


def test_timer_is_emulated_without_sstc():
    run = boot(build("baremetal-4cpu"), cpu="rv64,sstc=false")
    assert run.has(r"guest timer: emulated"), run
    assert_guest_ran(run, 0, 4)


def test_timer_is_direct_with_sstc():
    run = boot(build("baremetal"))
    assert run.has(r"guest timer: direct \(Sstc\)"), run
