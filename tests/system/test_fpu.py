# SPDX-License-Identifier: Apache-2.0
"""A vCPU gets its FPU (and vector unit) as native firmware hands a hart to
a supervisor: sstatus.FS (VS) not Off, at boot, on a hart started with HSM
hart_start, on its resume from a non-retentive HSM suspend and after an
SRST reboot; under Baobab in the Initial state for
real, with every FP register and fcsr zero. The baremetal guest's mode
"fpu" (built for rv64gc/lp64d) saves FP registers in its trap vector and
holds them across a timer interrupt whose handler computes in FP; with FS
Off it traps on its first FP instruction and never recovers.
(tests/system/configs/fpu.c)"""

import functools
import re

import pexpect

from conftest import ROOT, boot, build, guest_image, qemu_env, scaled, spawn

CONFIGS = "tests/system/configs"
BOOTS = 2  # the first boot, and one after an SRST reboot
ROLES = ("boot hart", "started hart", "resumed hart")
ARITHMETIC_OK = ("fpu: {} ok before 2928968 after 2928968 in-irq 2928968, "
                 "0 fp registers lost")


def fpu_image():
    guest_image()
    return ROOT / "build" / "guests" / "baremetal" / "baremetal-fpu.bin"


def run_boots(kernel, tag="", **kw):
    """The guest's fpu: lines, one list per boot, over BOOTS boots (it
    reboots forever: the run is stopped after that)."""
    child = spawn(kernel, **kw)
    text = ""
    try:
        for _ in range(BOOTS):
            # FS Off: the guest says so, then hangs; do not wait for it.
            idx = child.expect([r"fpu: rebooting", r"fpu: FS is off.*\n"])
            text += child.before + child.after
            if idx == 1:
                child.expect([pexpect.TIMEOUT, pexpect.EOF], timeout=scaled(1))
                text += child.before
                break
    finally:
        child.close(force=True)
    lines = [l[len(tag):] for l in text.replace("\r", "").splitlines()
             if l.startswith(tag + "fpu: ")]
    boots, current = [], []
    for line in lines:
        current.append(line)
        if line == "fpu: rebooting":
            boots.append(current)
            current = []
    assert len(boots) == BOOTS, text
    return boots


@functools.lru_cache(maxsize=None)
def baobab_boots(cpu="rv64"):
    return run_boots(build("fpu", config_repo=CONFIGS), tag="[vm0] ",
                     cpu=cpu)


def entry_state(lines, role):
    """(fs, vs) the hart in `role` was handed."""
    for line in lines:
        m = re.fullmatch(rf"fpu: {role} entry fs=(\w+) vs=(\w+)", line)
        if m:
            return m.groups()
    raise AssertionError(f"no entry line for {role}: {lines}")


def outcome(lines):
    """What must match natively: the arithmetic and FP registers held across
    the interrupt, on both harts (entry states and register contents are
    checked on their own: firmware may hand over Dirty, dirty registers)."""
    return [l for l in lines if not re.match(r"fpu: [a-z ]+ (entry|fregs) ",
                                             l)]


def assert_baobab_hands_over(boots, fs, vs):
    for lines in boots:
        for role in ROLES:
            assert entry_state(lines, role) == (fs, vs), lines
            assert f"fpu: {role} fregs zero" in lines, lines
            assert ARITHMETIC_OK.format(role) in lines, lines


def test_fpu_on_and_clean_at_every_start_under_baobab():
    assert_baobab_hands_over(baobab_boots(), "initial", "off")


def test_the_same_guest_runs_natively_with_the_same_outcome():
    native = run_boots(fpu_image(), smp=2, mem="256M")
    for lines in native:
        for role in ROLES:
            assert entry_state(lines, role)[0] != "off", lines
            assert ARITHMETIC_OK.format(role) in lines, lines
    assert [outcome(l) for l in native] == \
        [outcome(l) for l in baobab_boots()]


def test_vector_unit_on_and_clean_where_the_hart_has_one():
    assert_baobab_hands_over(baobab_boots(cpu="rv64,v=true"), "initial",
                             "initial")


def test_harts_without_fpu_are_left_alone():
    # The hypervisor must not execute an FP instruction on a hart whose
    # device tree has no F: it would trap in HS-mode.
    # QEMU 10.0's rv64 has Zfa (7.2 has no such property), which needs F.
    no_fpu = "rv64,f=false,d=false" + \
        (",zfa=false" if qemu_env.version() >= (8, 1) else "")
    run = boot(build("baremetal"), cpu=no_fpu)
    assert run.status == 0, run
    assert "baremetal: all 1 harts done" in run.vm_lines(0), run
