# SPDX-License-Identifier: Apache-2.0
"""A vCPU's timer interrupt is never lost when the vCPU writes its
interrupt-pending state just as the timer expires (the baremetal guest's
mode "timerrace", tests/system/configs/timer-race.c).

QEMU before 8.2 can drop the hart's interrupt request in that moment while
a vstimecmp interrupt is pending (see src/arch/riscv/guest_timer.c); under
Baobab without the workaround this run loses about one tick in forty, and
Linux vCPUs hang idle ("watchdog: hard LOCKUP")."""

import re

from conftest import ROOT, boot, build, guest_image

CONFIGS = "tests/system/configs"
RESULT = r"timerrace: (\d+) ticks, (\d+) lost"


def test_no_timer_interrupt_is_lost_under_baobab():
    run = boot(build("timer-race", config_repo=CONFIGS))
    lines = run.vm_lines(0)
    found = [re.fullmatch(RESULT, l) for l in lines]
    found = [m for m in found if m]
    assert found, run
    assert found[-1].groups() == ("4000", "0"), run


def test_the_same_guest_loses_none_natively():
    guest_image()
    image = ROOT / "build" / "guests" / "baremetal" / "baremetal-timerrace.bin"
    run = boot(image)
    assert run.has(r"^timerrace: 4000 ticks, 0 lost$"), run
