#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""make bench: run the baremetal guest's bench mode natively on OpenSBI and
under Baobab, then boot the Linux guest to its shell prompt natively and
under Baobab, then measure inter-VM communication under Baobab (notify
latency and message throughput between two baremetal VMs, and from Linux to
a baremetal VM), then the AIA machines' rows (interrupts, IPIs through
SBI and through the interrupt files, notify, Linux boots and their
traps), all under QEMU with -icount shift=0 (one instruction per
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

import qemu_env

ROOT = Path(__file__).resolve().parents[1]
PLATFORM = "qemu-riscv64-virt"
AIA_PLATFORM = "qemu-riscv64-virt-aia"
# The AIA without IMSICs: the APLIC delivers directly.
APLIC_PLATFORM = "qemu-riscv64-virt-aplic"
GUEST = ROOT / "build" / "guests" / "baremetal" / "baremetal-bench.bin"
IMAGE = ROOT / "bin" / PLATFORM / "bench" / "bao.bin"
LINUX_DIR = ROOT / "build" / "guests" / "linux"
LINUX_CONFIG = "bench-linux"
LINUX_IMAGE = ROOT / "bin" / PLATFORM / LINUX_CONFIG / "bao.bin"
LINUX_BOOTARGS = "console=ttyS0"
BOOT_CONFIG = "bench-boot"
BOOT_IMAGE = ROOT / "bin" / PLATFORM / BOOT_CONFIG / "bao.bin"
BOOT_GUEST = (ROOT / "build" / "guests" / "baremetal" /
              "baremetal-boottime.bin")
# guests/baremetal mode boottime, tagged by the VM it runs in.
FIRST_ENTRY = re.compile(r"\[vm(\d)\] bench: first_entry (\d+) ns")
# configs/bench-boot.c: VM 0 has 64 MiB, VM 1 1 GiB.
BOOT_VM_ROWS = {"0": "first_entry_64m", "1": "first_entry_1g"}
IPC_CONFIG = "bench-ipc"
IPC_IMAGE = ROOT / "bin" / PLATFORM / IPC_CONFIG / "bao.bin"
IPC_LINUX_CONFIG = "bench-ipc-linux"
IPC_LINUX_IMAGE = ROOT / "bin" / PLATFORM / IPC_LINUX_CONFIG / "bao.bin"
OUT = ROOT / "build" / "bench"
TIMEOUT = 600
# The two baremetal VMs' IPC run takes about 1 s of host time.
IPC_TIMEOUT = 120
# A Linux boot to the prompt takes about 2.5 s of guest time, 5 to 20 s of
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
# guests/baremetal mode ipcbench (the driver's lines).
IPC_NOTIFY = re.compile(r"ipcbench: notify (\d+) ns")
IPC_THROUGHPUT = re.compile(
    r"ipcbench: throughput (\d+) (\d+) (\d+) (\d+) bad (\d+)")
# Message sizes and counts Linux writes with dd (the baremetal VM's own
# runs are in its modes/ipcbench.c); count 0 measures the fixed cost of the
# shell's measurement (starting dd, ipctest and rdtime: about 2 to 4 ms),
# which the counts keep to about 1% of a run.
IPC_LINUX_RUNS = [(64, 0), (64, 65536), (1024, 16384), (4096, 8192)]
# One run as a shell function: tell the receiver what comes (a 64-byte
# record), wait for its "go", then the time CSR, dd, the receiver's "ack"
# record (written when it has every byte), the time CSR again. The result
# goes to a file, printed by a second command, so that the receiver's own
# line cannot land in the middle of it on the shared console.
IPC_LINUX_FN = (
    'ipcb() { printf "%-63s\\n" "recv $1 $2 zero" >/dev/baoipc0 && '
    'ipctest read /dev/baoipc0 64 >/dev/null && t0=$(rdtime) && '
    'dd if=/dev/zero of=/dev/baoipc0 bs=$1 count=$2 2>/dev/null && '
    'a=$(ipctest read /dev/baoipc0 64) && t1=$(rdtime) && '
    'echo "ipcbench-linux: $1 $2 $t0 $t1 $a" >/tmp/ipcres; }')
# (The record's padding follows the last number: the match cannot stop in
# the middle of it while the line is still coming in.)
IPC_LINUX_RESULT = re.compile(
    r"ipcbench-linux: (\d+) (\d+) (\d+) (\d+) ack (\d+) (\d+) (\d+) (\d+) ")
IPC_LINUX_TIMEOUT = 120
# Said by the hypervisor as the VM shuts down (src/core/vm_lifecycle.c).
TRAPS = re.compile(r"\[baobab\] VM 0: (\d+) traps to the hypervisor "
                   r"\((\d+) interrupts, (\d+) calls, (\d+) accesses, "
                   r"(\d+) other\)")
# The Linux boot benchmark VM on the AIA platform, by VM kind.
LINUX_AIA_CONFIGS = {"msi": "bench-linux-aia", "direct": "bench-linux-aia-direct"}
SIZE_NAMES = {64: "64", 1024: "1k", 4096: "4k"}


def qemu(kernel, smp, mem, extra=(), rtc="clock=vm", platform=PLATFORM):
    return [qemu_env.qemu(), "-nographic", "-M", qemu_env.machine(platform),
            "-cpu", "rv64", "-m", mem, "-smp", str(smp), "-bios", "default",
            "-icount", "shift=0,sleep=off", "-rtc", rtc,
            "-kernel", str(kernel), *extra]


def qemu_linux(kernel, mem, extra=(), smp=1, platform=PLATFORM):
    """QEMU for a Linux boot. Besides icount, two inputs must be fixed for
    the guest's instruction count to repeat: the random bytes QEMU puts in
    the device tree (/chosen/rng-seed, seeded by -seed) and the date the
    RTC starts at. One hart for Linux: see configs/bench-linux.c. The
    entropy device (drawing on the same seeded generator) fills the
    kernel's random pool, as /chosen/rng-seed does natively: without it a
    VM's pool stays uninitialised and every system call takes a slow path."""
    return qemu(kernel, smp, mem,
                ["-seed", "1", "-object", "rng-builtin,id=rng0",
                 "-device", "virtio-rng-device,rng=rng0", *extra],
                rtc="base=2025-01-01T00:00:00,clock=vm", platform=platform)


def run_raw(cmd, label, timeout=TIMEOUT):
    """Runs QEMU until it exits (killed after timeout s); returns its
    console output and the host seconds it took, or None (and says why)
    if it did not get to "bench: done"."""
    start = time.monotonic()
    try:
        res = subprocess.run(cmd, capture_output=True, text=True,
                             timeout=timeout, stdin=subprocess.DEVNULL)
        out = res.stdout
    except subprocess.TimeoutExpired as exc:  # QEMU was killed
        out = exc.stdout or ""
        out = out.decode(errors="replace") if isinstance(out, bytes) else out
    wall = time.monotonic() - start
    out = out.replace("\r", "")
    (OUT / f"{label}.log").write_text(out)
    if "bench: done" not in out:
        print(f"bench: the {label} run did not get to \"bench: done\" "
              f"(QEMU exited, or was killed after {timeout} s); see "
              f"{OUT / (label + '.log')}", file=sys.stderr)
        return None
    return out, wall


def run(cmd, label):
    done = run_raw(cmd, label)
    if done is None:
        sys.exit(1)
    out, wall = done
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


def boot_linux(cmd, label, session=None):
    """Boots Linux to its first shell prompt; returns (ticks, wall seconds,
    kernel timestamp of /init in ns or None, what session returned).

    ticks is the time CSR read by /bin/rdtime right before the prompt;
    wall is the host time from starting QEMU to that line. session, if
    given, is called with the pexpect child at the prompt (and must leave
    it at a prompt). QEMU is stopped afterwards (poweroff, then killed if
    it lingers). Returns None, with a message, when the boot fails.
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
            result = session(child) if session else None
            child.sendline("poweroff")
            try:
                child.expect(pexpect.EOF, timeout=POWEROFF_TIMEOUT)
            except pexpect.TIMEOUT:
                print(f"bench: {label}: QEMU still running "
                      f"{POWEROFF_TIMEOUT} s after poweroff: killed",
                      file=sys.stderr)
            return ticks, wall, init_ns, result
        except (pexpect.TIMEOUT, pexpect.EOF) as exc:
            what = ("timed out" if isinstance(exc, pexpect.TIMEOUT)
                    else "QEMU exited")
            print(f"bench: {label}: {what} before the shell prompt or "
                  f"during the session; see {log_path}", file=sys.stderr)
            return None
        finally:
            child.close(force=True)


def linux_native(platform, label):
    """Linux booted natively on the platform's QEMU machine."""
    return boot_linux(qemu_linux(LINUX_DIR / "Image", "1G",
                                 ["-initrd", str(LINUX_DIR / "initramfs.cpio"),
                                  "-append", LINUX_BOOTARGS],
                                 platform=platform), label)


def traps_of(label):
    """The VM's trap counts from a run's log: (all, interrupts, calls,
    accesses, other), or None."""
    m = TRAPS.search((OUT / f"{label}.log").read_text())
    return tuple(int(x) for x in m.groups()) if m else None


def traps_row(name, label):
    """A row of the traps the Linux VM took during its boot (to the prompt
    and poweroff), with their kinds printed."""
    traps = traps_of(label)
    if traps is None:
        return None
    print(f"bench: {label}: {traps[0]} traps: {traps[1]} interrupts, "
          f"{traps[2]} calls, {traps[3]} accesses, {traps[4]} other")
    return (name, "-", traps[0], "traps", "-")


def linux_rows():
    """Builds the bench-linux image and boots Linux natively and under
    Baobab, on the PLIC platform and (MSI and direct mode) on the AIA one.
    Returns (rows, None) or (None, the reason there are none)."""
    build = subprocess.run(["make", "-s", f"PLATFORM={PLATFORM}",
                            f"CONFIG={LINUX_CONFIG}"], cwd=ROOT)
    if build.returncode != 0:
        return None, (f"building CONFIG={LINUX_CONFIG} failed (the Linux "
                      "guest needs a download on first use)")
    native = linux_native(PLATFORM, "linux-native")
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
    traps = [traps_row("linux_boot_traps", "linux-baobab")]
    # Natively, Linux hangs on QEMU 7.2's APLIC in MSI mode (its level
    # sources resend while low, docs/interrupts.md "QEMU notes"): no native
    # figure there.
    native_aia = None
    if qemu_env.version() >= (8, 0):
        native_aia = linux_native(AIA_PLATFORM, "linux-native-aia")
        if native_aia is None:
            return None, "the native Linux boot on the AIA machine failed"
    for kind, config in LINUX_AIA_CONFIGS.items():
        subprocess.run(["make", "-s", f"PLATFORM={AIA_PLATFORM}",
                        f"CONFIG={config}"], cwd=ROOT, check=True)
        label = f"linux-baobab-aia-{kind}"
        booted = boot_linux(qemu_linux(ROOT / "bin" / AIA_PLATFORM / config /
                                       "bao.bin", "4G",
                                       platform=AIA_PLATFORM), label)
        if booted is None:
            return None, f"the Linux boot in an AIA {kind}-mode VM failed"
        b_ns = booted[0] * to_ns
        a_ns = native_aia[0] * to_ns if native_aia else None
        rows.append((f"linux_boot_aia_{kind}", a_ns or "-", b_ns, "ns",
                     f"{b_ns / a_ns:.2f}" if a_ns else "-"))
        traps.append(traps_row(f"linux_boot_traps_aia_{kind}", label))
    if None in traps:
        return None, "a Linux VM said no trap counts as it shut down"
    return rows + traps, None


def throughput_rows(prefix, size, count, nbytes, ticks):
    """MB/s (10^6 bytes per second of guest time) and messages/s."""
    name = f"{prefix}_{SIZE_NAMES.get(size, size)}"
    seconds = ticks / TIMEBASE_HZ
    return [(name, "-", f"{nbytes / seconds / 1e6:.2f}", "MB/s", "-"),
            (f"{name}_msgs", "-", f"{count / seconds:.0f}", "msg/s", "-")]


def boot_rows():
    """Machine reset to each VM's first instruction (configs/bench-boot.c,
    mode boottime), against the same guest's first instruction natively;
    and the host seconds of the whole run without -icount, where QEMU runs
    each hart on its own host thread. Returns (rows, None) or (None, the
    reason there are none)."""
    build = subprocess.run(["make", "-s", f"PLATFORM={PLATFORM}",
                            f"CONFIG={BOOT_CONFIG}"], cwd=ROOT)
    if build.returncode != 0:
        return None, f"building CONFIG={BOOT_CONFIG} failed"
    native = run_raw(qemu(BOOT_GUEST, 1, "1G"), "boot-native")
    baobab = run_raw(qemu(BOOT_IMAGE, 4, "4G"), "boot-baobab")
    if native is None or baobab is None:
        return None, "a boot-time run did not finish"
    n = FIRST_ENTRY.search(native[0].replace("bench:", "[vm0] bench:", 1))
    vms = {m.group(1): int(m.group(2))
           for m in FIRST_ENTRY.finditer(baobab[0])}
    if not n or set(vms) != set(BOOT_VM_ROWS):
        return None, "no first_entry line for every VM"
    native_ns = int(n.group(2))
    rows = [(name, native_ns, vms[vm], "ns", f"{vms[vm] / native_ns:.2f}")
            for vm, name in sorted(BOOT_VM_ROWS.items())]
    wall = [run_raw([a for a in cmd if a not in ("-icount",
                                                 "shift=0,sleep=off")],
                    label)
            for cmd, label in ((qemu(BOOT_GUEST, 1, "1G"), "boot-native-wall"),
                               (qemu(BOOT_IMAGE, 4, "4G"), "boot-baobab-wall"))]
    if None in wall:
        return None, "a boot-time run without -icount did not finish"
    rows.append(("boot_wall", f"{wall[0][1]:.2f}", f"{wall[1][1]:.2f}", "s",
                 f"{wall[1][1] / wall[0][1]:.2f}"))
    return rows, None


def ipc_bm_rows():
    """Two baremetal VMs in mode ipcbench (configs/bench-ipc.c): the notify
    latency and the throughput rows. Returns (rows, None) or (None, the
    reason there are none)."""
    build = subprocess.run(["make", "-s", f"PLATFORM={PLATFORM}",
                            f"CONFIG={IPC_CONFIG}"], cwd=ROOT)
    if build.returncode != 0:
        return None, f"building CONFIG={IPC_CONFIG} failed"
    # One hart per VM.
    done = run_raw(qemu(IPC_IMAGE, 2, "4G"), "ipc-baremetal", IPC_TIMEOUT)
    if done is None:
        return None, "the two baremetal VMs did not finish"
    out = done[0]
    notify = IPC_NOTIFY.search(out)
    if not notify:
        return None, "no notify latency in the log"
    rows = [("ipc_notify", "-", int(notify.group(1)), "ns", "-")]
    for m in IPC_THROUGHPUT.finditer(out):
        size, count, nbytes, ticks, bad = map(int, m.groups())
        if bad or nbytes != size * count or not ticks:
            return None, (f"{count} messages of {size} bytes: {bad} bad, "
                          f"{nbytes} bytes acknowledged")
        rows += throughput_rows("ipc_bm", size, count, nbytes, ticks)
    return rows, None


def ipc_linux_session(child):
    """At Linux's prompt: the dd runs of IPC_LINUX_RUNS into /dev/baoipc0,
    received by the baremetal VM. Returns {(size, count): (bytes, ticks)}
    or a string saying what went wrong. Tells the baremetal VM to stop."""
    def sh(command, expect=PROMPT, timeout=IPC_LINUX_TIMEOUT):
        child.sendline(command)
        child.expect(expect, timeout=timeout)
        match = child.match
        if expect is not PROMPT:
            child.expect(PROMPT, timeout=timeout)
        return match

    def runs():
        results = {}
        there = sh("test -c /dev/baoipc0 && echo baoipc-$((40+2)) || "
                   "echo no-baoipc-$((40+2))", re.compile(r"(no-)?baoipc-42"))
        if there.group(1):
            return ("Linux has no /dev/baoipc0 (the baoipc module needs the "
                    "riscv64 Linux cross compiler when guests/linux/build.sh "
                    "runs)")
        # The receiver's "ready" record; then the shell function.
        sh("ipctest read /dev/baoipc0 64 >/dev/null")
        sh(IPC_LINUX_FN)
        for size, count in IPC_LINUX_RUNS:
            # The receiver's line may come before or after the prompt: wait
            # for it alone (the result command below skips a prompt left).
            child.sendline(f"rm -f /tmp/ipcres; ipcb {size} {count}")
            child.expect(rf"\[vm1\] ipcbench: received {count} x {size} "
                         r"bytes \(zero\), (\d+) bad",
                         timeout=IPC_LINUX_TIMEOUT)
            bad = int(child.match.group(1))
            m = sh("cat /tmp/ipcres", IPC_LINUX_RESULT)
            t0, t1, nbytes, ack_bad, first, last = (
                int(m.group(i)) for i in range(3, 9))
            if bad or ack_bad or nbytes != size * count:
                return (f"{count} messages of {size} bytes: {bad} bad, "
                        f"{nbytes} bytes acknowledged")
            results[(size, count)] = (nbytes, t1 - t0)
            print(f"bench: Linux IPC, {count} x {size} bytes: {t1 - t0} "
                  f"ticks (the receiver's first to last byte: "
                  f"{last - first})")
        return results

    results = runs()
    sh('printf "%-63s\\n" quit >/dev/baoipc0')  # the baremetal VM stops
    return results


def ipc_linux_rows():
    """Linux (dd into /dev/baoipc0) and a baremetal VM receiving
    (configs/bench-ipc-linux.c). Returns (rows, None) or (None, the reason
    there are none)."""
    build = subprocess.run(["make", "-s", f"PLATFORM={PLATFORM}",
                            f"CONFIG={IPC_LINUX_CONFIG}"], cwd=ROOT)
    if build.returncode != 0:
        return None, f"building CONFIG={IPC_LINUX_CONFIG} failed"
    # Linux on one hart, the baremetal VM on the other.
    booted = boot_linux(qemu_linux(IPC_LINUX_IMAGE, "4G", smp=2),
                        "ipc-linux", ipc_linux_session)
    if booted is None:
        return None, "the Linux IPC run failed"
    results = booted[3]
    if isinstance(results, str):
        return None, results
    rows = []
    base = results.get((64, 0), (0, 0))[1]
    print(f"bench: Linux IPC: the shell's measurement alone (count 0) takes "
          f"{base} ticks")
    for (size, count), (nbytes, ticks) in results.items():
        if count:
            rows += throughput_rows("ipc_linux", size, count, nbytes, ticks)
    return rows, None


def figures(done):
    """The bench lines of a run_raw result (None: a failed run) as
    {event: value}."""
    return {m.group(1): int(m.group(2))
            for m in LINE.finditer(done[0] if done else "")}


def aia_rows():
    """The AIA platform: the bench guest natively on an APLIC in MSI mode
    with IMSICs, and under Baobab in an MSI-mode VM (straight into its
    guest interrupt files) and a direct-mode one (through the hypervisor):
    the RTC interrupt in both, the IPI round trip by SBI and by stores into
    the interrupt files in MSI mode. Returns (rows, None) or (None, why)."""
    native = run_raw(qemu(GUEST, 2, "256M", platform=AIA_PLATFORM),
                     "native-aia")
    if native is None:
        return None, "the native AIA run failed"
    n = figures(native)
    rows = []
    for mode, config in (("msi", "bench-aia"), ("direct", "bench-aia-direct")):
        subprocess.run(["make", "-s", f"PLATFORM={AIA_PLATFORM}",
                        f"CONFIG={config}"], cwd=ROOT, check=True)
        image = ROOT / "bin" / AIA_PLATFORM / config / "bao.bin"
        done = run_raw(qemu(image, 4, "4G", platform=AIA_PLATFORM),
                       f"baobab-aia-{mode}")
        if done is None:
            return None, f"the AIA {mode}-mode run failed"
        b = figures(done)
        events = [("irq", f"irq_aia_{mode}", "ns")]
        if mode == "msi":
            events += [("ipi", "ipi_aia_sbi", "cycles"),
                       ("ipi_imsic", "ipi_aia_imsic", "cycles")]
        for event, name, unit in events:
            if event not in n or event not in b:
                return None, f"no {event} line in the AIA {mode}-mode runs"
            rows.append((name, n[event], b[event], unit,
                         f"{b[event] / n[event]:.2f}"))
    # The direct-only machine: natively and in a direct-mode VM, whose
    # device interrupts the hypervisor claims at the hart's IDC.
    native = run_raw(qemu(GUEST, 2, "256M", platform=APLIC_PLATFORM),
                     "native-aplic")
    subprocess.run(["make", "-s", f"PLATFORM={APLIC_PLATFORM}",
                    "CONFIG=bench-aia-direct"], cwd=ROOT, check=True)
    done = run_raw(qemu(ROOT / "bin" / APLIC_PLATFORM / "bench-aia-direct" /
                        "bao.bin", 4, "4G", platform=APLIC_PLATFORM),
                   "baobab-aplic-direct")
    n, b = figures(native), figures(done)
    if "irq" not in n or "irq" not in b:
        return None, "no irq line from the direct-only AIA machine's runs"
    rows.append(("irq_aplic_direct_host", n["irq"], b["irq"], "ns",
                 f"{b['irq'] / n['irq']:.2f}"))
    # The notification between two MSI-mode VMs: a store into the peer
    # vCPU's guest interrupt file.
    subprocess.run(["make", "-s", f"PLATFORM={AIA_PLATFORM}",
                    "CONFIG=bench-ipc-aia"], cwd=ROOT, check=True)
    done = run_raw(qemu(ROOT / "bin" / AIA_PLATFORM / "bench-ipc-aia" /
                        "bao.bin", 2, "4G", platform=AIA_PLATFORM),
                   "ipc-baremetal-aia", IPC_TIMEOUT)
    notify = IPC_NOTIFY.search(done[0]) if done else None
    if not notify:
        return None, "no notify latency from the AIA IPC run"
    rows.append(("ipc_notify_aia_msi", "-", int(notify.group(1)), "ns", "-"))
    return rows, None


CONSOLE_FLOOD_CONFIG = "bench-console-flood"
VICTIM = ROOT / "build" / "guests" / "baremetal" / "baremetal-victimbench.bin"
TICK_LATE = re.compile(r"bench: tick_late_max (\d+) us")


def run_until_done(cmd, label, timeout=TIMEOUT):
    """Runs QEMU until the console says "bench: done" (a VM beside may
    run on), then stops it; the console output, or None."""
    log = OUT / f"{label}.log"
    with open(log, "w") as f:
        child = pexpect.spawn(cmd[0], cmd[1:], encoding="utf-8",
                              codec_errors="replace", timeout=timeout,
                              logfile=ConsoleLog(f))
        try:
            child.expect("bench: done")
            return child.before
        except (pexpect.TIMEOUT, pexpect.EOF):
            print(f"bench: the {label} run did not get to \"bench: done\"; "
                  f"see {log}", file=sys.stderr)
            return None
        finally:
            child.close(force=True)


def console_flood_rows():
    """How late a VM's 100 ms timer tick comes at worst over 20 ticks:
    natively alone, and under Baobab beside a VM that prints as fast as
    it can (configs/bench-console-flood.c). Returns (rows, None) or
    (None, why)."""
    subprocess.run(["make", "-s", f"PLATFORM={PLATFORM}",
                    f"CONFIG={CONSOLE_FLOOD_CONFIG}"], cwd=ROOT, check=True)
    native = run_until_done(qemu(VICTIM, 1, "256M"), "victim-native")
    flood = run_until_done(qemu(ROOT / "bin" / PLATFORM /
                                CONSOLE_FLOOD_CONFIG / "bao.bin", 2, "4G"),
                           "victim-console-flood")
    n = TICK_LATE.search(native or "")
    b = TICK_LATE.search(flood or "")
    if not n or not b:
        return None, "no tick lateness from the victim's runs"
    n, b = int(n.group(1)), int(b.group(1))
    return [("tick_late_max_console_flood", n, b, "us",
             f"{b / n:.2f}" if n else "-")], None


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
    failures = [f"no Linux rows: {failure}"] if failure else []
    for name, rows_fn in (("AIA", aia_rows), ("boot time", boot_rows),
                          ("console flood", console_flood_rows),
                          ("IPC baremetal", ipc_bm_rows),
                          ("IPC Linux", ipc_linux_rows)):
        ipc, why = rows_fn()
        rows += ipc or []
        if why:
            failures.append(f"no {name} rows: {why}")

    print(f"\n{qemu_env.describe()}")
    print(f"{'event':<26} {'native':>12} {'Baobab':>12} {'unit':>7} "
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
    if failures:
        sys.exit("bench: " + "; ".join(failures) + f"; see {OUT}")


if __name__ == "__main__":
    main()
