#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""make bench: run the baremetal guest's bench mode natively on OpenSBI and
under Baobab, then boot the Linux guest to its shell prompt natively and
under Baobab, all under QEMU with -icount shift=0 (one instruction per
virtual nanosecond, so the figures are exact and repeatable), and print
one table (event, native, Baobab, unit, ratio), also written as CSV.

See docs/performance.md for what each event measures."""

import csv
import re
import subprocess
import sys
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[1]
PLATFORM = "qemu-riscv64-virt"
GUEST = ROOT / "build" / "guests" / "baremetal" / "baremetal-bench.bin"
IMAGE = ROOT / "bin" / PLATFORM / "bench" / "bao.bin"
LINUX_DIR = ROOT / "build" / "guests" / "linux"
LINUX_CONFIG = "bench-linux"
LINUX_IMAGE = ROOT / "bin" / PLATFORM / LINUX_CONFIG / "bao.bin"
LINUX_BOOTARGS = "console=ttyS0"
OUT = ROOT / "build" / "bench"
TIMEOUT = 600
# A Linux boot to the prompt takes about 6 s of guest time, 10 to 20 s of
# host time; poweroff a fraction of a second.
LINUX_TIMEOUT = 300
POWEROFF_TIMEOUT = 60
# QEMU virt's timebase: the time CSR counts at 10 MHz.
TIMEBASE_HZ = 10_000_000
LINE = re.compile(r"bench: (\w+) (\d+) (\w+)")
# Printed by the guest's /etc/profile with /bin/rdtime (guests/linux).
SHELL_TIME = re.compile(r"baobab-linux: shell at time (\d+)[\r\n]")
PROMPT = re.compile(r"root@baobab:[^\r\n#]*# ")
# The kernel's own timestamp (its clock starts during its boot) of the
# start of user space.
RUN_INIT = re.compile(r"\[ *(\d+)\.(\d{6})\] Run /init as init process")


def qemu(kernel, smp, mem, extra=(), rtc="clock=vm"):
    return ["qemu-system-riscv64", "-nographic", "-M", "virt", "-cpu", "rv64",
            "-m", mem, "-smp", str(smp), "-bios", "default",
            "-icount", "shift=0,sleep=off", "-rtc", rtc,
            "-kernel", str(kernel), *extra]


def qemu_linux(kernel, mem, extra=()):
    """QEMU for a Linux boot. Besides icount, two inputs must be fixed for
    the guest's instruction count to repeat: the random bytes QEMU puts in
    the device tree (/chosen/rng-seed, seeded by -seed) and the date the
    RTC starts at. One hart: see configs/bench-linux.c."""
    return qemu(kernel, 1, mem, ["-seed", "1", *extra],
                rtc="base=2025-01-01T00:00:00,clock=vm")


def run(cmd, label):
    start = time.monotonic()
    res = subprocess.run(cmd, capture_output=True, text=True,
                         timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    wall = time.monotonic() - start
    out = res.stdout.replace("\r", "")
    (OUT / f"{label}.log").write_text(out)
    if "bench: done" not in out:
        sys.exit(f"bench: the {label} run did not finish; see "
                 f"{OUT / (label + '.log')}")
    results = {m.group(1): (int(m.group(2)), m.group(3))
               for m in LINE.finditer(out)}
    return results, wall


class ConsoleLog:
    """pexpect log file that drops carriage returns, like the other logs."""

    def __init__(self, file):
        self.file = file

    def write(self, text):
        self.file.write(text.replace("\r", ""))

    def flush(self):
        self.file.flush()


def boot_linux(cmd, label):
    """Boots Linux to its first shell prompt; returns (ticks, wall seconds,
    kernel timestamp of /init in ns or None).

    ticks is the time CSR read by /bin/rdtime right before the prompt;
    wall is the host time from starting QEMU to that line. QEMU is stopped
    afterwards (poweroff, then killed if it lingers). Returns None, with a
    message, when the boot fails.
    """
    log_path = OUT / f"{label}.log"
    with open(log_path, "w", encoding="utf-8", newline="") as log:
        start = time.monotonic()
        child = pexpect.spawn(cmd[0], cmd[1:], cwd=str(ROOT),
                              encoding="utf-8", codec_errors="replace",
                              timeout=LINUX_TIMEOUT)
        child.logfile_read = ConsoleLog(log)
        try:
            i = child.expect([SHELL_TIME, PROMPT])
            if i == 1:
                print(f"bench: {label}: the prompt came without a boot time "
                      "line: the initramfs has no working /bin/rdtime (it "
                      "needs a cross compiler when guests/linux/build.sh "
                      f"runs); see {log_path}", file=sys.stderr)
                return None
            wall = time.monotonic() - start
            ticks = int(child.match.group(1))
            init = RUN_INIT.search(child.before)
            init_ns = (int(init.group(1)) * 10**9 + int(init.group(2)) * 1000
                       if init else None)
            child.expect(PROMPT)
            child.sendline("poweroff")
            try:
                child.expect(pexpect.EOF, timeout=POWEROFF_TIMEOUT)
            except pexpect.TIMEOUT:
                print(f"bench: {label}: QEMU still running "
                      f"{POWEROFF_TIMEOUT} s after poweroff: killed",
                      file=sys.stderr)
            return ticks, wall, init_ns
        except (pexpect.TIMEOUT, pexpect.EOF) as exc:
            what = ("timed out" if isinstance(exc, pexpect.TIMEOUT)
                    else "QEMU exited")
            print(f"bench: {label}: {what} before the shell prompt; see "
                  f"{log_path}", file=sys.stderr)
            return None
        finally:
            child.close(force=True)


def linux_rows():
    """Builds the bench-linux image and boots Linux natively and under
    Baobab. Returns (rows, None) or (None, the reason there are none)."""
    build = subprocess.run(["make", "-s", f"PLATFORM={PLATFORM}",
                            f"CONFIG={LINUX_CONFIG}"], cwd=ROOT)
    if build.returncode != 0:
        return None, (f"building CONFIG={LINUX_CONFIG} failed (the Linux "
                      "guest needs a download on first use)")
    native = boot_linux(qemu_linux(LINUX_DIR / "Image", "1G",
                                   ["-initrd",
                                    str(LINUX_DIR / "initramfs.cpio"),
                                    "-append", LINUX_BOOTARGS]),
                        "linux-native")
    baobab = boot_linux(qemu_linux(LINUX_IMAGE, "4G"), "linux-baobab")
    if native is None or baobab is None:
        return None, "a Linux boot failed"
    to_ns = 1_000_000_000 // TIMEBASE_HZ
    n_ns, b_ns = native[0] * to_ns, baobab[0] * to_ns
    n_init, b_init = native[2], baobab[2]
    rows = [("linux_boot", n_ns, b_ns, "ns", f"{b_ns / n_ns:.2f}"),
            ("linux_run_init", n_init, b_init, "ns",
             f"{b_init / n_init:.2f}" if n_init and b_init else "-"),
            ("linux_boot_wall", f"{native[1]:.2f}", f"{baobab[1]:.2f}", "s",
             f"{baobab[1] / native[1]:.2f}")]
    return rows, None


def fmt(value):
    return str(value if value is not None else "-")


def main():
    subprocess.run(["make", "-s", f"PLATFORM={PLATFORM}", "CONFIG=bench"],
                   cwd=ROOT, check=True)
    OUT.mkdir(parents=True, exist_ok=True)
    native, native_wall = run(qemu(GUEST, 2, "256M"), "native")
    baobab, baobab_wall = run(qemu(IMAGE, 4, "4G"), "baobab")

    rows = []
    for event in native.keys() | baobab.keys():
        n, unit = native.get(event, (None, ""))
        b, unit_b = baobab.get(event, (None, unit))
        ratio = f"{b / n:.2f}" if n and b is not None else "-"
        rows.append((event, n, b, unit or unit_b, ratio))
    order = ["hypercall", "sbi", "timer", "ipi", "irq"]
    rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else 99)
    rows.append(("wall time (whole run, s)", f"{native_wall:.2f}",
                 f"{baobab_wall:.2f}", "s",
                 f"{baobab_wall / native_wall:.2f}"))

    linux, failure = linux_rows()
    rows += linux or []

    print(f"\n{'event':<26} {'native':>12} {'Baobab':>12} {'unit':>7} "
          f"{'ratio':>6}")
    for event, n, b, unit, ratio in rows:
        print(f"{event:<26} {fmt(n):>12} {fmt(b):>12} {unit:>7} {ratio:>6}")
    with open(OUT / "bench.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event", "native", "baobab", "unit", "ratio"])
        w.writerows(rows)
    print(f"\nbao.bin: {IMAGE.stat().st_size} bytes", end="")
    if linux:
        guest = sum((LINUX_DIR / name).stat().st_size
                    for name in ("Image", "initramfs.cpio"))
        size = LINUX_IMAGE.stat().st_size
        print(f"; {LINUX_CONFIG} bao.bin: {size} bytes ({size - guest} "
              "besides the kernel and initramfs)", end="")
    print(f"; CSV: {OUT / 'bench.csv'}")
    if failure:
        sys.exit(f"bench: no Linux rows: {failure}; see {OUT}")


if __name__ == "__main__":
    main()
