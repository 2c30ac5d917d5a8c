# SPDX-License-Identifier: Apache-2.0
"""A hostile VM beside a victim (tests/system/configs/attack.c): the
attacker (the baremetal guest's mode "attack") makes every escape attempt
it has: foreign memory (the firmware's, the hypervisor's, the other VM's,
the machine's devices, beyond RAM and the guest space), SBI calls and
hypercalls naming what is not its own, the hypervisor's and the machine's
CSRs and instructions, its own vPLIC asked for others' harts and sources,
storms of IPIs and timer requests; then it reboots and makes them all
again, a reboot loop, while the console's input focus moves between the
two VMs. Each attempt must be contained; the victim keeps ticking with
its canary intact, and the hypervisor reports and survives it all."""

import re

import pytest

from conftest import build, spawn

CONFIGS = "tests/system/configs"


def watch_victim_ticks(child):
    """Five more victim ticks (100 ms apart) from the next one on: the
    first and the last tick numbers seen."""
    child.expect(r"\[vm1\] victim: tick (\d+), canary intact")
    first = int(child.match.group(1))
    for _ in range(5):
        child.expect(r"\[vm1\] victim: tick (\d+), canary (\w+)")
    return first, int(child.match.group(1))


def assert_victim_ran_on(text, first, last):
    """Its canary intact, every tick there in order, no hypervisor fatal."""
    assert "BROKEN" not in text and last >= first + 5, text
    ticks = [int(n) for n in re.findall(r"\[vm1\] victim: tick (\d+)", text)]
    assert ticks == list(range(1, len(ticks) + 1)), text
    assert not re.search(r"FATAL|panic", text), text


# With Sstc the guests' timers are their own; without, the hypervisor
# emulates them, and the storms of timer requests go through it.
@pytest.mark.parametrize("cpu", ["rv64", "rv64,sstc=false"])
def test_a_hostile_vm_escapes_nowhere_and_the_victim_runs_on(cpu):
    child = spawn(build("attack", config_repo=CONFIGS), cpu=cpu)
    try:
        child.expect(r"\[vm0\] attack: done, (\d+) attempts, (\d+) escaped")
        attempts, escaped = (int(x) for x in child.match.groups())
        # The focus to the victim and back while the attacker reboots and
        # attacks again, twice.
        child.send("\x1c1")
        child.expect(r"\[baobab\] console: input goes to VM 1")
        child.expect(r"\[vm0\] attack: done, ")
        child.send("\x1c0")
        child.expect(r"\[baobab\] console: input goes to VM 0")
        child.expect(r"\[vm0\] attack: done, ")
        # After the attack, the victim still ticks, its canary intact.
        first, last = watch_victim_ticks(child)
    finally:
        child.close(force=True)
    text = child.text()
    verdicts = re.findall(r"\[vm0\] attack: (.*): (contained|ESCAPED) ",
                          text)
    rounds = re.findall(r"\[vm0\] attack: done, (\d+) attempts, (\d+) "
                        r"escaped", text)
    assert len(rounds) >= 3 and set(rounds) == {(str(attempts), "0")}, text
    assert attempts >= 40 and len(verdicts) >= 3 * attempts, text
    assert text.count("VM 0 restarting (guest request)") >= 2, text
    assert escaped == 0 and "ESCAPED" not in text, text
    assert_victim_ran_on(text, first, last)
    # Its forged hypervisor line shows as what it is: its own, escaped.
    assert ("[vm0] attack: console forgery: \\x1b[2K[baobab] VM 1 shut down "
            "(forged)\\x07") in text, text
    assert "\x1b" not in text and "\x07" not in text, text


def test_a_restart_loop_by_fault_policy_leaves_the_victim_ticking():
    # The attacker's first bad access restarts it, again and again.
    child = spawn(build("attack-restart", config_repo=CONFIGS))
    try:
        for _ in range(5):
            child.expect(r"\[baobab\] VM 0 restarting \(fault policy: "
                         r"restart\)")
        first, last = watch_victim_ticks(child)
    finally:
        child.close(force=True)
    text = child.text()
    assert "attack: done" not in text and "ESCAPED" not in text, text
    assert_victim_ran_on(text, first, last)
