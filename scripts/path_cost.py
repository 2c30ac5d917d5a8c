#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""How many instructions the hypervisor runs on one event's path, by
function: scripts/path_cost.py IMAGE --at FUNCTION [--at ...] [options].

Runs IMAGE (a bao.bin; its bao.elf beside it gives the symbols) under QEMU
with -icount and QEMU's execution log restricted to the hypervisor's
addresses (-d exec,nochain,in_asm -dfilter), until it powers off. Every
stretch the harts spend in the hypervisor between two guest instructions
is a path; the paths that run every FUNCTION given are the event's (say
imsic_send for an IPC notification into a guest interrupt file,
vaplic_irqc_forward for a device interrupt into a direct-mode vAPLIC).
For the middle one of them (the first and last may be
a warm-up or a shutdown) it prints the instructions run in each function,
in the order first reached, and their sum. The figures are exact and the
same on every run: QEMU translates each block once and logs each run of
it.

Options: --smp N (harts, default 4), --mem SIZE (default 4G), --platform P
(for its QEMU machine, default qemu-riscv64-virt), --timeout S (default
300). The log, of some hundred megabytes, goes to a temporary file.

  scripts/path_cost.py bin/qemu-riscv64-virt-aia/bench-ipc-aia/bao.bin \\
      --platform qemu-riscv64-virt-aia --smp 2 --at imsic_send
"""

import argparse
import bisect
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import qemu_env

# The hypervisor's link window (src/arch/riscv/linker.ld): its code is in
# the first 192 KiB.
HYP_FILTER = "0x80200000+0x30000"
TRACE = re.compile(r"Trace \d+: (0x[0-9a-f]+) \[[0-9a-f]+/([0-9a-f]{16})/")


def symbols(elf):
    """(addresses, names) of the code symbols, by address."""
    out = subprocess.run(["riscv64-unknown-elf-nm", "-n", str(elf)],
                         capture_output=True, text=True, check=True).stdout
    syms = [(int(f[0], 16), f[2]) for f in (line.split()
                                            for line in out.splitlines())
            if len(f) == 3 and f[1] in "tTwW"]
    return [a for a, _ in syms], [n for _, n in syms]


def blocks(log):
    """Each executed block as (pc, instructions, in a guest)."""
    size = {}
    cur = None
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("IN:"):
                cur = [0, False]
            elif cur is not None and line.startswith("Priv:"):
                cur[1] = "Virt: 1" in line
            elif cur is not None and line.startswith("0x"):
                cur[0] += 1
            else:
                m = TRACE.match(line)
                if not m:
                    continue
                if cur is not None:  # the block just translated
                    size[m.group(1)] = tuple(cur)
                    cur = None
                n, guest = size.get(m.group(1), (0, True))
                yield int(m.group(2), 16), n, guest


def paths(log):
    """The hypervisor's stretches between guest instructions, as lists of
    (pc, instructions)."""
    path = []
    for pc, n, guest in blocks(log):
        if guest:
            if path:
                yield path
            path = []
        else:
            path.append((pc, n))
    if path:
        yield path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("image", type=Path)
    ap.add_argument("--at", required=True, action="append")
    ap.add_argument("--smp", type=int, default=4)
    ap.add_argument("--mem", default="4G")
    ap.add_argument("--platform", default="qemu-riscv64-virt")
    ap.add_argument("--timeout", type=int, default=300)
    args = ap.parse_args()
    addrs, names = symbols(args.image.with_suffix(".elf"))

    def name(pc):
        i = bisect.bisect_right(addrs, pc) - 1
        return names[i] if i >= 0 else "?"

    with tempfile.NamedTemporaryFile(suffix=".log") as log:
        subprocess.run([qemu_env.qemu(), "-nographic", "-M",
                        qemu_env.machine(args.platform), "-cpu", "rv64",
                        "-m", args.mem, "-smp", str(args.smp), "-bios",
                        "default", "-icount", "shift=0,sleep=off", "-rtc",
                        "clock=vm", "-kernel", str(args.image), "-d",
                        "exec,nochain,in_asm", "-dfilter", HYP_FILTER, "-D",
                        log.name], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, timeout=args.timeout,
                       check=False)
        hits = [p for p in paths(log.name)
                if set(args.at) <= {name(pc) for pc, _ in p}]
    at = " and ".join(args.at)
    if not hits:
        sys.exit(f"path_cost: no hypervisor path ran {at}")
    per = {}
    for pc, n in hits[len(hits) // 2]:
        per[name(pc)] = per.get(name(pc), 0) + n
    print(f"{len(hits)} paths ran {at}; the middle one, "
          f"{sum(per.values())} instructions:")
    for fn, n in per.items():
        print(f"  {n:6} {fn}")


if __name__ == "__main__":
    main()
