# SPDX-License-Identifier: Apache-2.0
"""HSM hart_suspend (SBI spec 9.4) under Baobab and natively: a vCPU in
default retentive and default non-retentive suspend is woken by an IPI,
which is still pending when it resumes (the baremetal guest's mode
"suspend", tests/system/configs/suspend.c). On the AIA platform an
MSI-mode vCPU waiting in the hypervisor is also woken by a store into its
guest interrupt file (tests/system/configs/aia-suspend.c), as the same
guest is natively on the AIA machine by one into its hart's file."""

import pytest

from conftest import ROOT, boot, build, guest_image, qemu_env

AIA = "qemu-riscv64-virt-aia"

CONFIGS = "tests/system/configs"
EXPECTED = [
    "suspend: retentive returned 0, wake ipi taken",
    "suspend: non-retentive resumed on hart {hart}, opaque ok, "
    "wake ipi taken",
    "suspend: done",
]


FILE_WAKE = ("suspend: retentive woken by its interrupt file, returned 0, "
             "msi taken")


def suspend_lines(lines):
    return [l for l in lines if l.startswith("suspend: ")]


def test_suspend_and_resume_under_baobab():
    run = boot(build("suspend", config_repo=CONFIGS))
    assert run.status == 0, run
    # The second vCPU is virtual hart 1 whatever physical hart it runs on.
    assert suspend_lines(run.vm_lines(0)) == \
        [l.format(hart=1) for l in EXPECTED], run


def test_the_same_guest_suspends_natively():
    guest_image()
    image = ROOT / "build" / "guests" / "baremetal" / "baremetal-suspend.bin"
    run = boot(image)
    hart = [l for l in run.output.splitlines()
            if l.startswith("suspend: non-retentive resumed on hart ")]
    assert hart, run
    n = int(hart[0].split()[5].rstrip(","))
    assert suspend_lines(run.output.splitlines()) == \
        [l.format(hart=n) for l in EXPECTED], run


@pytest.mark.parametrize("where", ["vm", "native"])
def test_an_interrupt_file_wakes_a_suspended_hart(where):
    if where == "vm":
        run = boot(build("aia-suspend", config_repo=CONFIGS, platform=AIA),
                   machine=qemu_env.machine(AIA))
        lines, hart = run.vm_lines(0), 1
    else:
        guest_image()
        run = boot(ROOT / "build" / "guests" / "baremetal" /
                   "baremetal-suspend.bin", machine=qemu_env.machine(AIA))
        lines = run.output.splitlines()
        hart = [l for l in lines
                if l.startswith("suspend: non-retentive resumed on hart ")]
        assert hart, run
        hart = int(hart[0].split()[5].rstrip(","))
    expected = [l.format(hart=hart) for l in EXPECTED]
    expected.insert(1, FILE_WAKE)
    assert suspend_lines(lines) == expected, run
