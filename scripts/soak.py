#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""make soak: configs/soak.c for SOAK_SECONDS (default 1800) of host time.
VM 0 floods the hypervisor (IPIs, timer requests, console lines full of
escape sequences, IPC messages and notifications to VM 1); VM 1 ticks
every 100 ms, checks its canary, says how late each tick came and checks
the IPC messages. Afterwards: the victim's ticks (all there, in order,
the canary intact), how late they came at worst, the flooder's rounds,
every IPC message received in order, and no hypervisor fatal. Exit status 0 if all of that holds.

Not part of `make test`: it is long by design. QEMU= picks the QEMU as for
the tests."""

import os
import re
import subprocess
import sys
from pathlib import Path

import qemu_env

ROOT = Path(__file__).resolve().parents[1]
IMAGE = ROOT / "bin" / "qemu-riscv64-virt" / "soak" / "bao.bin"
TICK = re.compile(r"\[vm1\] victim: tick (\d+), canary (\w+)[^\n]*?, late "
                  r"(\d+) us, max (\d+) us")
ROUND = re.compile(r"\[vm0\] flood: round (\d+) ")
IPC = re.compile(r"\[vm1\] victim: ipc (\d+) messages in order, (\d+) "
                 r"notifications")


def main():
    seconds = int(os.environ.get("SOAK_SECONDS", "1800"))
    subprocess.run(["make", "-s", "CONFIG=soak"], cwd=ROOT, check=True)
    cmd = [qemu_env.qemu(), "-nographic", "-M",
           qemu_env.machine("qemu-riscv64-virt"), "-cpu", "rv64", "-m", "4G",
           "-smp", "4", "-bios", "default", "-kernel", str(IMAGE)]
    try:
        res = subprocess.run(cmd, capture_output=True, timeout=seconds,
                             stdin=subprocess.DEVNULL)
        out = res.stdout
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or b""
    text = out.decode(errors="replace").replace("\r", "")
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "soak.log").write_text(text)
    ticks = [(int(n), ok, int(late), int(worst))
             for n, ok, late, worst in TICK.findall(text)]
    rounds = [int(n) for n in ROUND.findall(text)]
    problems = []
    if not ticks:
        problems.append("the victim never ticked")
    elif [t[0] for t in ticks] != list(range(1, len(ticks) + 1)):
        problems.append("the victim's ticks are not all there in order")
    if any(ok != "intact" for _, ok, _, _ in ticks):
        problems.append("the victim's canary broke")
    if not rounds:
        problems.append("the flooder did not run")
    ipc = [(int(m), int(k)) for m, k in IPC.findall(text)]
    if not ipc or ipc[-1][0] == 0:
        problems.append("the victim received no IPC message")
    if "OUT OF ORDER" in text:
        problems.append("an IPC message was lost or out of order")
    if re.search(r"FATAL", text):
        problems.append("the hypervisor reported a fatal error")
    worst = max((t[3] for t in ticks), default=0)
    print(f"soak: {seconds} s: {len(ticks)} victim ticks, worst lateness "
          f"{worst} us; {rounds[-1] if rounds else 0} flood rounds; "
          f"{ipc[-1][0] if ipc else 0} IPC messages in order, "
          f"{ipc[-1][1] if ipc else 0} notifications taken; "
          f"log in build/soak.log")
    for p in problems:
        print(f"soak: FAILED: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
