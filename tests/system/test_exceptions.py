# SPDX-License-Identifier: Apache-2.0
"""The guest's own exceptions are the guest's: illegal instruction,
breakpoint, misaligned load and AMO, and page faults under its own Sv39
table reach its handler with the right scause and stval, and the hypervisor
neither sees nor reports them (the baremetal guest's mode "exceptions",
tests/system/configs/exceptions.c). Natively the same lines."""

import re

from conftest import ROOT, boot, build, guest_image

CONFIGS = "tests/system/configs"
EXPECTED = [
    "exceptions: illegal scause=2 ok",
    "exceptions: breakpoint scause=3 ok",
    "exceptions: lr-misaligned scause=4 ok",
    "exceptions: amo-misaligned scause=6 ok",
    "exceptions: load-pf scause=13 ok",
    "exceptions: store-pf scause=15 ok",
    "exceptions: fetch-pf scause=12 ok",
    "exceptions: ok",
]


def exception_lines(lines):
    return [l for l in lines if l.startswith("exceptions: ")]


def test_guest_exceptions_are_delegated_to_the_guest():
    run = boot(build("exceptions", config_repo=CONFIGS))
    assert run.status == 0, run
    assert exception_lines(run.vm_lines(0)) == EXPECTED, run
    # Delegated: once the guest runs, the hypervisor's only word is the
    # shutdown the guest asked for, and its count of the VM's traps has
    # none but calls (the console and the shutdown, SBI): no exception
    # came to the hypervisor.
    start = run.lines.index("[vm0] baremetal: mode exceptions")
    hyp = [l for l in run.lines[start:] if l.startswith("[baobab] ")]
    assert len(hyp) == 3, run
    assert re.fullmatch(r"\[baobab\] VM 0: (\d+) traps to the hypervisor "
                        r"\(0 interrupts, \1 calls, 0 accesses, 0 other\)",
                        hyp[0]), run
    assert hyp[1:] == ["[baobab] VM 0 shut down (guest request)",
                       "[baobab] no VM left running: powering off"], run


def test_the_same_guest_takes_them_natively():
    guest_image()
    image = ROOT / "build" / "guests" / "baremetal" / "baremetal-exceptions.bin"
    run = boot(image)
    assert exception_lines(run.output.splitlines()) == EXPECTED, run
