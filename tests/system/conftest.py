# SPDX-License-Identifier: Apache-2.0
"""Shared helpers for the QEMU system tests: build an image, boot it, read
the console. Every QEMU run has a timeout; a hang fails the test."""

import functools
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import qemu_env  # noqa: E402  (scripts/ is not a package)

PLATFORM = "qemu-riscv64-virt"
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


def build_output(config, config_repo=None, cppflags=None):
    """Build bao.bin for `config`; return what the build printed (stdout,
    then stderr, where the configuration check's notes go)."""
    cmd = ["make", f"PLATFORM={PLATFORM}", f"CONFIG={config}"]
    if config_repo:
        cmd.append(f"CONFIG_REPO={config_repo}")
    if cppflags:
        cmd.append(f"CPPFLAGS={cppflags}")
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0:
        pytest.fail(f"build of {config} failed:\n{res.stdout}\n{res.stderr}")
    return res.stdout + res.stderr


@functools.lru_cache(maxsize=None)
def build(config, config_repo=None, cppflags=None):
    """Build bao.bin for `config` and return its path."""
    build_output(config, config_repo, cppflags)
    return ROOT / "bin" / PLATFORM / config / "bao.bin"


def guest_image():
    """The baremetal guest binary the configs embed."""
    subprocess.run(["make", "guests"], cwd=ROOT, check=True,
                   capture_output=True)
    return ROOT / "build" / "guests" / "baremetal" / "baremetal.bin"


CUT_REST = re.compile(r"\[vm(\d+)\]\+ (.*)")


def join_cut_lines(text):
    """The console text with each cut VM line whole again: the rest of a
    line ("[vmN]+ ...") is put back at the end of that VM's line it
    continues, where the line began, and its own line dropped."""
    lines, last = [], {}
    for l in text.split("\n"):
        rest = CUT_REST.fullmatch(l)
        if rest and rest.group(1) in last:
            lines[last[rest.group(1)]] += rest.group(2)
            continue
        tag = re.match(r"\[vm(\d+)\] ", l)
        if tag:
            last[tag.group(1)] = len(lines)
        lines.append(l)
    return "\n".join(lines)


def vm_lines(text, vm):
    """The lines VM `vm` printed on the shared console, without their tag.
    A line another source cut goes on in a "[vmN]+ " line: joined here."""
    tag, rest = f"[vm{vm}] ", f"[vm{vm}]+ "
    lines = []
    for l in text.split("\n"):
        if l.startswith(tag):
            lines.append(l[len(tag):])
        elif l.startswith(rest):
            if lines:
                lines[-1] += l[len(rest):]
            else:
                lines.append(l[len(rest):])
    return lines


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
                 extra=(), machine="virt"):
    """`machine` is QEMU's -M value, e.g. "virt,aia=aplic-imsic"."""
    return [QEMU, "-nographic", "-M", machine, "-cpu", cpu, "-m", mem,
            "-smp", str(smp), "-bios", bios, "-kernel", str(kernel),
            *extra]


# The start of a line still arriving that may yet become "[vmN]+ ".
PARTIAL_TAG = re.compile(r"\[(v(m(\d+(\](\+)?)?)?)?)?")


class Console:
    """A QEMU console read as the tests mean it: each VM's lines whole.

    The VM with the input focus writes through, so another VM's or the
    hypervisor's line can cut one of its lines; the rest comes as
    "[vmN]+ ...". expect() matches on the text with cut lines joined
    (join_cut_lines), from where the last match ended, so a test waiting
    for a VM's line finds it however it was cut. The rest is pexpect's
    interface: patterns or a list of them (pexpect.EOF and pexpect.TIMEOUT
    allowed), match/before/after, send/sendline/close."""

    def __init__(self, child):
        self.child = child
        self.raw = ""
        self.eof = False
        # Where the next search starts: a line of the joined text and a
        # column in it. Joining only appends to earlier lines, so both
        # stay valid as more arrives.
        self.line, self.col = 0, 0
        self.match = self.before = self.after = None

    def text(self):
        """Everything read so far, cut lines joined."""
        text = self.raw.replace("\r", "")
        tail = text[text.rfind("\n") + 1:]
        if not self.eof and tail and PARTIAL_TAG.fullmatch(tail):
            text = text[:len(text) - len(tail)]  # "[vm0" may become "[vm0]+"
        return join_cut_lines(text)

    def _search(self, patterns):
        """The earliest match of any pattern after the cursor."""
        rest = "\n".join(self.text().split("\n")[self.line:])
        best = None
        for i, p in enumerate(patterns):
            if isinstance(p, re.Pattern):
                m = p.search(rest, self.col)
                if m and (best is None or m.start() < best[1].start()):
                    best = (i, m)
        return rest, best

    def expect(self, pattern, timeout=-1):
        plist = pattern if isinstance(pattern, list) else [pattern]
        patterns = [re.compile(p) if isinstance(p, str) else p
                    for p in plist]
        timeout = self.child.timeout if timeout == -1 else timeout
        deadline = time.monotonic() + timeout
        while True:
            rest, best = self._search(patterns)
            if best:
                return self._matched(rest, *best)
            if self.eof:
                return self._ended(rest, patterns, pexpect.EOF,
                                   "QEMU exited")
            left = deadline - time.monotonic()
            if left <= 0:
                return self._ended(rest, patterns, pexpect.TIMEOUT,
                                   f"nothing within {timeout:g}s")
            try:
                self.raw += self.child.read_nonblocking(1 << 16,
                                                        min(left, 1))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                self.eof = True

    def expect_lines(self, lines, timeout=-1):
        """Wait until each of `lines` is a whole line after the cursor, in
        any order; the cursor goes past the last of them."""
        rest = "|".join(re.escape(l) for l in lines)
        pattern = re.compile(rf"^({rest})$", re.MULTILINE)
        seen = set()
        while len(seen) < len(set(lines)):
            self.expect(pattern, timeout)
            seen.add(self.match.group(1))

    def _matched(self, rest, index, m):
        self.before, self.after, self.match = rest[self.col:m.start()], \
            m.group(0), m
        done = rest[:m.end()]
        self.line += done.count("\n")
        self.col = len(done) - (done.rfind("\n") + 1)
        return index

    def _ended(self, rest, patterns, kind, why):
        """EOF or TIMEOUT: its index if expected, else the exception."""
        self.before, self.after, self.match = rest[self.col:], kind, None
        if kind in patterns:
            self.line += rest.count("\n")
            self.col = len(rest) - (rest.rfind("\n") + 1)
            return patterns.index(kind)
        wanted = [p.pattern if isinstance(p, re.Pattern) else p.__name__
                  for p in patterns]
        raise kind(f"{why} before {wanted}; console since the last "
                   f"match:\n{self.before[-4000:]}")

    def send(self, s):
        return self.child.send(s)

    def sendline(self, s=""):
        return self.child.sendline(s)

    def close(self, force=True):
        self.child.close(force=force)

    @property
    def exitstatus(self):
        return self.child.exitstatus


def spawn(kernel, timeout=BOOT_TIMEOUT, **kw):
    """Start QEMU for an interactive test; the caller expects on its
    Console and must close it unless the guest ends the run itself."""
    cmd = qemu_command(kernel, **kw)
    return Console(pexpect.spawn(cmd[0], cmd[1:], timeout=scaled(timeout),
                                 encoding="utf-8", codec_errors="replace"))


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
