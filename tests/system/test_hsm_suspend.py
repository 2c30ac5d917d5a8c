# SPDX-License-Identifier: Apache-2.0
"""HSM hart_suspend (SBI spec 9.4) under Baobab and natively: a vCPU in
default retentive and default non-retentive suspend is woken by an IPI,
which is still pending when it resumes (the baremetal guest's mode
"suspend", tests/system/configs/suspend.c)."""

from conftest import ROOT, boot, build, guest_image

CONFIGS = "tests/system/configs"
EXPECTED = [
    "suspend: retentive returned 0, wake ipi taken",
    "suspend: non-retentive resumed on hart {hart}, opaque ok, "
    "wake ipi taken",
    "suspend: done",
]


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
