# SPDX-License-Identifier: Apache-2.0
"""Accesses the hypervisor cannot emulate, and a flood of accesses outside
the VM, are contained: each comes back to the guest as an access fault, the
hypervisor reports them at a bounded rate, and nothing else stops (the
baremetal guest's mode "badaccess", tests/system/configs/bad-access.c)."""

import re

from conftest import boot, build, qemu_env

CONFIGS = "tests/system/configs"
BURST = 16  # FAULT_LOG_BURST, src/core/inc/fault_log.h
FLOOD = 200 + 1  # modes/badaccess.c: FLOOD, then one more after the pause
REPORT = r"^\[baobab\] warning: VM 0 vCPU 0: load at (0x[0-9a-f]+) (.*) " \
         r"\(pc 0x[0-9a-f]+\)$"
DROPPED = r"^\[baobab\] warning: VM 0: (\d+) more bad accesses in the " \
          r"last second, not shown$"


def stale_code_built(run):
    """Whether the hart ran unmapped code from its TLB, so that the
    stale-code probe reached the hypervisor. QEMU 7.2 does; QEMU 10
    refetches at once (an instruction page fault the guest takes itself),
    which the architecture allows too: there the case cannot arise."""
    built = "badaccess: stale-code scause=5 ok" in run.vm_lines(0)
    assert built or qemu_env.version() >= (8, 0), run
    return built


def test_unemulatable_accesses_become_access_faults():
    run = boot(build("bad-access", config_repo=CONFIGS))
    assert run.status == 0, run
    stale = ("badaccess: stale-code scause=5 ok" if stale_code_built(run)
             else
             "badaccess: stale-code not buildable: the hart refetched the "
             "unmapped code (instruction page fault)")
    assert [l for l in run.vm_lines(0) if l.startswith("badaccess: ")] == [
        "badaccess: walk scause=5 ok",
        "badaccess: fp scause=5 ok",
        stale,
        "badaccess: ok",
        f"badaccess: flood {FLOOD} faults taken",
    ], run
    assert not run.has(r"FATAL"), run
    reports = [m.groups() for m in
               (re.match(REPORT, l) for l in run.lines) if m]
    # Each reason named, with the device address the access reached: the
    # page-table entry for the walk, the register for the others.
    want = [
        ("0xc000018", "in an emulated device, by its page-table walk"),
        ("0xc000004", "in an emulated device, by an instruction not emulated"),
    ]
    if stale_code_built(run):
        want.append(("0xc000008",
                      "in an emulated device, by an instruction it cannot "
                      "read"))
    assert reports[:len(want)] == want, run


def test_reports_are_rate_limited_and_the_rest_counted():
    run = boot(build("bad-access", config_repo=CONFIGS))
    lines = run.lines
    reports = [i for i, l in enumerate(lines) if re.match(REPORT, l)]
    dropped = [(i, int(m.group(1))) for i, m in
               ((i, re.match(DROPPED, l)) for i, l in enumerate(lines)) if m]
    assert len(dropped) == 1, run
    at, count = dropped[0]
    # One burst before the summary, the access after the pause after it;
    # every bad access is either shown or counted.
    assert len([i for i in reports if i < at]) == BURST, run
    assert len([i for i in reports if i > at]) == 1, run
    probes = 3 if stale_code_built(run) else 2
    assert len(reports) + count == probes + FLOOD, run
