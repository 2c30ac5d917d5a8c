# SPDX-License-Identifier: Apache-2.0
"""Fault containment: VM 0 loads, stores and jumps outside its memory while
VM 1 keeps ticking. The hypervisor reports each access (VM, vCPU, pc,
address) and, by the VM's fault policy, re-injects an access fault, stops
the VM, or restarts it. VM 1 never stops and the hypervisor stays up."""

import pytest

from conftest import build, spawn

REPORT = (r"\[baobab\] warning: VM 0 vCPU 0: {} at 0x40000000 outside its "
          r"memory \(pc 0x[0-9a-f]+\)")


def ticks_beyond(child, n):
    """Wait until VM 1 has ticked past n; return the tick seen."""
    while True:
        child.expect(r"\[vm1\] ticker: (\d+)")
        if int(child.match.group(1)) > n:
            return int(child.match.group(1))


def test_fault_is_reported_and_reinjected():
    child = spawn(build("fault-containment"))
    try:
        for access, cause in (("load", 5), ("store", 7), ("fetch", 1)):
            child.expect(REPORT.format(access))
            child.expect(rf"\[vm0\] fault: caught scause=0x{cause} "
                         r"stval=0x40000000")
        child.expect(r"\[vm0\] fault: ok")
        child.expect(r"\[vm0\] fault: alive 3")
        assert ticks_beyond(child, 10) > 10
    finally:
        child.close(force=True)


@pytest.mark.parametrize("policy,outcome", [
    ("stop", r"\[baobab\] VM 0 shut down \(fault policy: stop\)"),
    ("restart", r"\[baobab\] VM 0 restarting \(fault policy: restart\)"),
])
def test_fault_policy_stops_or_restarts_only_that_vm(policy, outcome):
    child = spawn(build("fault-containment", cppflags="-DFAULT_POLICY="
                        f"VM_FAULT_{policy.upper()}"))
    try:
        child.expect(REPORT.format("load"))
        child.expect(outcome)
        if policy == "restart":
            # It boots again from its image and faults again.
            child.expect(r"\[vm0\] fault: poking 0x40000000")
            child.expect(REPORT.format("load"))
        else:
            idx = child.expect([r"\[vm0\]", r"\[vm1\] ticker: 15"])
            assert idx == 1, "VM 0 printed after it was stopped"
        assert ticks_beyond(child, 15) > 15
    finally:
        child.close(force=True)
