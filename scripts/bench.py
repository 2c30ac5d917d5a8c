#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""make bench: run the baremetal guest's bench mode natively on OpenSBI and
under Baobab, both under QEMU with -icount shift=0 (one instruction per
virtual nanosecond, so cycle counts are exact and repeatable), and print
one table (event, native, Baobab, ratio), also written as CSV.

See docs/performance.md for what each event measures."""

import csv
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLATFORM = "qemu-riscv64-virt"
GUEST = ROOT / "build" / "guests" / "baremetal" / "baremetal-bench.bin"
IMAGE = ROOT / "bin" / PLATFORM / "bench" / "bao.bin"
OUT = ROOT / "build" / "bench"
TIMEOUT = 600
LINE = re.compile(r"bench: (\w+) (\d+) (\w+)")


def qemu(kernel, smp, mem):
    return ["qemu-system-riscv64", "-nographic", "-M", "virt", "-cpu", "rv64",
            "-m", mem, "-smp", str(smp), "-bios", "default",
            "-icount", "shift=0,sleep=off", "-rtc", "clock=vm", "-kernel", str(kernel)]


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

    print(f"\n{'event':<26} {'native':>10} {'Baobab':>10} {'unit':>7} "
          f"{'ratio':>6}")
    for event, n, b, unit, ratio in rows:
        print(f"{event:<26} {str(n if n is not None else '-'):>10} "
              f"{str(b if b is not None else '-'):>10} {unit:>7} {ratio:>6}")
    with open(OUT / "bench.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event", "native", "baobab", "unit", "ratio"])
        w.writerows(rows)
    print(f"\nbao.bin: {IMAGE.stat().st_size} bytes; "
          f"CSV: {OUT / 'bench.csv'}")


if __name__ == "__main__":
    main()
