# SPDX-License-Identifier: Apache-2.0
"""Shared helpers for the QEMU system tests: build an image, boot it, read
the console. Every QEMU run has a timeout; a hang fails the test."""

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import qemu_env  # noqa: E402  (scripts/ is not a package)
from console import Console, join_cut_lines, vm_lines  # noqa: E402,F401

PLATFORM = "qemu-riscv64-virt"
MACHINE = qemu_env.machine(PLATFORM)  # QEMU's -M for it
# The QEMU and its OpenSBI: QEMU= chooses them (scripts/qemu_env.py).
QEMU = qemu_env.qemu()
FW_JUMP = str(qemu_env.fw_jump())
# Every timeout of the system tests goes through scaled(): a slow or loaded
# host sets BAOBAB_TIMEOUT_SCALE (a factor, default 1) and nothing else.
TIMEOUT_SCALE = float(os.environ.get("BAOBAB_TIMEOUT_SCALE", "1"))
BOOT_TIMEOUT = 90  # seconds; a 4-hart baremetal run takes about 3


def pytest_report_header():
    return [f"qemu: {qemu_env.describe()} [{QEMU}]",
            f"timeouts: x{TIMEOUT_SCALE:g} (BAOBAB_TIMEOUT_SCALE)"]


def scaled(seconds):
    """A timeout of `seconds` on an unloaded host, scaled for this one."""
    return seconds * TIMEOUT_SCALE


def build_output(config, config_repo=None, cppflags=None, platform=PLATFORM):
    """Build bao.bin for `config`; return what the build printed (stdout,
    then stderr, where the configuration check's notes go)."""
    cmd = ["make", f"PLATFORM={platform}", f"CONFIG={config}"]
    if config_repo:
        cmd.append(f"CONFIG_REPO={config_repo}")
    if cppflags:
        cmd.append(f"CPPFLAGS={cppflags}")
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0:
        pytest.fail(f"build of {config} failed:\n{res.stdout}\n{res.stderr}")
    return res.stdout + res.stderr


@functools.lru_cache(maxsize=None)
def build(config, config_repo=None, cppflags=None, platform=PLATFORM):
    """Build bao.bin for `config` and return its path."""
    build_output(config, config_repo, cppflags, platform)
    return ROOT / "bin" / platform / config / "bao.bin"


def guest_image():
    """The baremetal guest binary the configs embed."""
    subprocess.run(["make", "guests"], cwd=ROOT, check=True,
                   capture_output=True)
    return ROOT / "build" / "guests" / "baremetal" / "baremetal.bin"


class Run:
    """A finished QEMU run: its console output and exit status."""

    def __init__(self, output, status):
        # Each VM's lines whole, as tests look for them.
        self.output = join_cut_lines(output.replace("\r", ""))
        self.status = status
        self.lines = self.output.splitlines()

    def vm_lines(self, vm):
        """Lines a VM printed, without their tag, cut lines joined."""
        return vm_lines(self.output, vm)

    def has(self, pattern):
        return re.search(pattern, self.output, re.MULTILINE) is not None

    def __str__(self):
        return self.output


def qemu_command(kernel, smp=4, mem="4G", cpu="rv64", bios="default",
                 extra=(), machine=MACHINE):
    """`machine` is QEMU's -M value, e.g. "virt,aia=aplic-imsic"; by
    default the platform's."""
    return [QEMU, "-nographic", "-M", machine, "-cpu", cpu, "-m", mem,
            "-smp", str(smp), "-bios", bios, "-kernel", str(kernel),
            *extra]


def spawn(kernel, timeout=BOOT_TIMEOUT, **kw):
    """Start QEMU for an interactive test; the caller expects on its
    Console and must close it unless the guest ends the run itself."""
    cmd = qemu_command(kernel, **kw)
    return Console(pexpect.spawn(cmd[0], cmd[1:], timeout=scaled(timeout),
                                 encoding="utf-8", codec_errors="replace"))


def echo_through_passed_uart(child, second):
    """The guest's `uart` mode on a UART passed through to it: two typed
    lines come back from its receive interrupt, the second after more
    interrupts; "quit" ends the run, and QEMU with it."""
    child.expect(r"\[baobab\]   dev  0x010000000-0x010000fff -> "
                 r"0x010000000 irqs: 10")
    child.expect(r"uart: ready")
    child.send("hello\r")
    child.expect(r'uart: got "hello" \((\d+) interrupts\)')
    first = int(child.match.group(1))
    assert first >= 1
    child.send(second + "\r")
    child.expect(rf'uart: got "{second}" \((\d+) interrupts\)')
    assert int(child.match.group(1)) > first
    child.send("quit\r")
    child.expect(r"uart: bye")
    child.expect(r"\[baobab\] no VM left running: powering off")
    child.expect(pexpect.EOF)
    assert not re.search(r"FATAL|belongs to no VM|cannot emulate",
                         child.text())


def boot(kernel, timeout=BOOT_TIMEOUT, **kw):
    """Boot until QEMU exits by itself; fail the test if it does not."""
    cmd = qemu_command(kernel, **kw)
    timeout = scaled(timeout)
    child = pexpect.spawn(cmd[0], cmd[1:], timeout=timeout, encoding="utf-8",
                          codec_errors="replace")
    try:
        child.expect(pexpect.EOF)
    except pexpect.TIMEOUT:
        child.terminate(force=True)
        pytest.fail(f"QEMU did not exit within {timeout}s; console so far:\n"
                    f"{child.before}")
    child.close()
    return Run(child.before, child.exitstatus)
