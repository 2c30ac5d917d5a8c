#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Tests baoipc.ko on Debian's kernel booted natively under QEMU (no hypervisor).

    guests/linux/baoipc/test-native.py [--linux-dir build/guests/linux]
                                       [--module KO] [--log FILE]

The Linux guest (Image, initramfs.cpio from guests/linux/build.sh) boots
with QEMU's own device tree plus:

- /reserved-memory: no-map carve-outs at 0xbfff0000 and 0xbffe0000 (64 KiB
  each, at the top of the 1 GiB of RAM);
- bao-ipc@bfff0000 ("bao,ipcshmem", id 0, read <0 0x2000>, write
  <0x2000 0x2000>, PLIC interrupt 52, which nothing else uses);
- two invalid nodes (ids 1 and 2: overlapping channels, a channel outside
  the window) that probe must refuse.

The module and ipctest (ipctest.c, compiled statically with
riscv64-linux-gnu-gcc) go into a second cpio archive appended to a copy of
the initramfs (the kernel unpacks concatenated archives). In the guest the
test loads the module, plays the peer VM with devmem and ipctest's
selftest (through /dev/mem: the kernel runs with iomem=relaxed so /dev/mem
may reach the window the driver holds), unbinds and rebinds the device
with a reader blocked, and unloads the module. The notify hypercall is
not implemented by OpenSBI: the driver's one warning is expected.

Prints 'N passed, N failed' at the end; exit status 0 when all passed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

WIN = 0xBFFF0000
BAD = 0xBFFE0000
SIZE = 0x10000
IRQ = 52
PROMPT = r"root@baobab:[^\r\n]*# "
QEMU_BASE = ["qemu-system-riscv64", "-M", "virt", "-cpu", "rv64", "-smp", "2",
             "-m", "1G", "-bios", "default", "-nographic", "-no-reboot"]


def newc_entry(name, mode, data=b""):
    """One entry of a newc (SVR4, no CRC) cpio archive."""
    hdr = "070701" + "".join("%08X" % v for v in (
        0, mode, 0, 0, 2 if mode & 0o040000 else 1, 0, len(data),
        0, 0, 0, 0, len(name) + 1, 0))
    out = hdr.encode() + name.encode() + b"\0"
    out += b"\0" * (-len(out) % 4)
    out += data + b"\0" * (-len(data) % 4)
    return out


def cpio(files):
    """files: list of (name, mode, bytes). Returns a whole archive."""
    out = b"".join(newc_entry(n, m, d) for n, m, d in files)
    out += newc_entry("TRAILER!!!", 0)
    return out + b"\0" * (-len(out) % 512)


def make_dtb(work):
    raw = os.path.join(work, "virt.dtb")
    subprocess.run(QEMU_BASE + ["-M", "virt,dumpdtb=" + raw], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dts = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", raw],
                         check=True, capture_output=True, text=True).stdout
    m = re.search(r"plic@c000000 \{\s*phandle = <(0x[0-9a-f]+)>;", dts)
    if not m:
        sys.exit("test-native: no PLIC phandle in QEMU's device tree")
    plic = m.group(1)

    def node(name, base, size, rd, wr, ident):
        return f"""
	{name}@{base:x} {{
		compatible = "bao,ipcshmem";
		reg = <0x0 {base:#x} 0x0 {size:#x}>;
		read-channel = <{rd[0]:#x} {rd[1]:#x}>;
		write-channel = <{wr[0]:#x} {wr[1]:#x}>;
		interrupt-parent = <{plic}>;
		interrupts = <{IRQ}>;
		id = <{ident}>;
	}};
"""
    extra = f"""
	reserved-memory {{
		#address-cells = <0x2>;
		#size-cells = <0x2>;
		ranges;
		baoipc@{WIN:x} {{
			reg = <0x0 {WIN:#x} 0x0 {SIZE:#x}>;
			no-map;
		}};
		baoipc@{BAD:x} {{
			reg = <0x0 {BAD:#x} 0x0 {SIZE:#x}>;
			no-map;
		}};
	}};
"""
    extra += node("bao-ipc", WIN, SIZE, (0, 0x2000), (0x2000, 0x2000), 0)
    # Invalid: overlapping channels; a channel outside the window.
    extra += node("bao-ipc", BAD, 0x8000, (0, 0x2000), (0x1000, 0x2000), 1)
    extra += node("bao-ipc", BAD + 0x8000, 0x8000, (0, 0x2000),
                  (0x7000, 0x2000), 2)
    # Into the root node: before its closing brace, the file's last "};".
    end = dts.rstrip().rfind("};")
    dts = dts[:end] + extra + dts[end:]
    path = os.path.join(work, "test.dts")
    with open(path, "w") as f:
        f.write(dts)
    out = os.path.join(work, "test.dtb")
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out, path],
                   check=True)
    return out


def build_ipctest(work):
    out = os.path.join(work, "ipctest")
    subprocess.run(["riscv64-linux-gnu-gcc", "-static", "-O2", "-Wall",
                    "-Wextra", "-Werror", "-s", "-o", out,
                    os.path.join(HERE, "ipctest.c")], check=True)
    return out


class Guest:
    def __init__(self, argv, log):
        self.p = pexpect.spawn(argv[0], argv[1:], timeout=60, encoding="utf-8",
                               codec_errors="replace", logfile=log)
        self.passed = 0
        self.failed = 0

    def boot(self):
        self.p.expect("baobab-linux: init done", timeout=300)
        self.p.sendline("")
        self.p.expect(PROMPT, timeout=60)
        # Commands are not echoed; kernel messages go to dmesg only, not
        # between the commands' output.
        self.sh("stty -echo; dmesg -n 1")

    def sh(self, cmd, timeout=60):
        """Runs cmd; returns its output (without the echo and the prompt)."""
        marker = "__END__"
        self.p.sendline(cmd + f"; echo {marker}$?")
        self.p.expect(marker + r"(\d+)", timeout=timeout)
        out = self.p.before
        rc = int(self.p.match.group(1))
        self.p.expect(PROMPT, timeout=timeout)
        # Drop the echoed command line, if the terminal echoed it.
        lines = out.replace("\r", "").split("\n")
        if lines and cmd in lines[0]:
            lines = lines[1:]
        return rc, "\n".join(lines).strip()

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(("PASS " if ok else "FAIL ") + what, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--linux-dir", default=os.path.join(ROOT, "build/guests/linux"))
    ap.add_argument("--module", help="baoipc.ko (default: LINUX_DIR/baoipc.ko)")
    ap.add_argument("--log", help="console transcript (default: in the work dir)")
    ap.add_argument("--keep", action="store_true", help="keep the work dir")
    args = ap.parse_args()
    ko = args.module or os.path.join(args.linux_dir, "baoipc.ko")
    image = os.path.join(args.linux_dir, "Image")
    initrd = os.path.join(args.linux_dir, "initramfs.cpio")
    for f in (ko, image, initrd):
        if not os.path.isfile(f):
            sys.exit(f"test-native: {f} is missing")

    work = tempfile.mkdtemp(prefix="baoipc-test.")
    dtb = make_dtb(work)
    ipctest = build_ipctest(work)
    rd = os.path.join(work, "initramfs.cpio")
    with open(initrd, "rb") as f:
        base = f.read()
    with open(ko, "rb") as f:
        kodata = f.read()
    with open(ipctest, "rb") as f:
        tdata = f.read()
    with open(rd, "wb") as f:
        f.write(base)
        f.write(cpio([("baoipc", 0o040755, b""),
                      ("baoipc/baoipc.ko", 0o100644, kodata),
                      ("baoipc/ipctest", 0o100755, tdata)]))
    logpath = args.log or os.path.join(work, "console.log")
    log = open(logpath, "w")
    argv = ["timeout", "--foreground", "600"] + QEMU_BASE + [
        "-kernel", image, "-initrd", rd, "-dtb", dtb,
        "-append", "console=ttyS0 iomem=relaxed"]
    print("test-native: " + " ".join(argv), flush=True)
    g = Guest(argv, log)
    dev = "/dev/baoipc0"
    win = f"{WIN:#x}"
    try:
        g.boot()
        rc, out = g.sh("insmod /baoipc/baoipc.ko")
        g.check(rc == 0, "insmod baoipc.ko")
        rc, out = g.sh("dmesg | grep -i baoipc")
        print(out)
        g.check(f"/dev/baoipc0: window [mem {win}-0xbfffffff" in out,
                "probe of bao-ipc@bfff0000 made /dev/baoipc0")
        g.check("overlap" in out, "overlapping channels refused")
        g.check("outside the" in out, "channel outside the window refused")
        rc, out = g.sh(f"ls -l {dev}")
        g.check(rc == 0 and out.startswith("crw-------"), f"{dev}: {out}")

        # The peer (devmem) writes "hello" into the read channel.
        g.sh(f"devmem {WIN + 0x40:#x} 32 0x6c6c6568; devmem {WIN + 0x44:#x} 8 0x6f;"
             f" devmem {win} 32 5")
        rc, out = g.sh(f"dd if={dev} bs=64 count=1 2>/dev/null; echo")
        g.check(out == "hello", f"read() returns what the peer planted: {out!r}")
        rc, out = g.sh(f"devmem {WIN + 4:#x} 32")
        g.check(out.lower() == "0x00000005", f"read channel tail advanced: {out}")
        rc, out = g.sh(f"/baoipc/ipctest nbread {dev}")
        g.check(out == "EAGAIN", f"O_NONBLOCK read on empty: {out}")
        rc, out = g.sh(f"echo -n ping > {dev}; devmem {WIN + 0x2000:#x} 32;"
                       f" devmem {WIN + 0x2040:#x} 32")
        g.check(out.lower().split() == ["0x00000004", "0x676e6970"],
                f"write() lands in the write channel: {out.split()}")
        rc, out = g.sh(f"/baoipc/ipctest poll {dev}")
        g.check(out == "POLLOUT", f"poll with empty read ring: {out}")
        rc, out = g.sh("dmesg | grep -c 'notify hypercall'")
        g.check(out == "1", "notify failure logged once")

        rc, out = g.sh(f"/baoipc/ipctest selftest {dev} {win} {SIZE:#x}"
                       " 0 0x2000 0x2000 0x2000", timeout=120)
        print(out)
        g.check(rc == 0 and " 0 failed" in out, "ipctest selftest")

        # Unbind with a reader blocked, then bind again.
        pdev = f"{WIN:x}.bao-ipc"
        rc, out = g.sh(f"cat {dev} > /run/cat.out 2>&1 & sleep 1;"
                       f" echo {pdev} > /sys/bus/platform/drivers/baoipc/unbind;"
                       " wait; cat /run/cat.out; ls /dev | grep -c baoipc")
        g.check("No such device" in out and out.endswith("0"),
                f"unbind wakes a blocked reader with ENODEV: {out.splitlines()}")
        rc, out = g.sh(f"echo {pdev} > /sys/bus/platform/drivers/baoipc/bind;"
                       f" ls {dev}")
        g.check(rc == 0, "bind again")
        rc, out = g.sh(f"exec 3<>{dev}; rmmod baoipc; echo busy=$?; exec 3<&-;"
                       " rmmod baoipc && echo unloaded")
        g.check("busy=1" in out and "unloaded" in out,
                f"rmmod refused while open, then done: {out.splitlines()}")
        rc, out = g.sh("insmod /baoipc/baoipc.ko && ls /dev/baoipc0 && rmmod baoipc")
        g.check(rc == 0, "insmod/rmmod again")
        rc, out = g.sh("dmesg | grep -iE 'baoipc|bao-ipc' | tail -n 20")
        print(out)
        g.check("BUG" not in out and "WARNING" not in out, "no kernel warning")
        g.p.sendline("poweroff")
        g.p.expect(pexpect.EOF, timeout=60)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        g.check(False, f"console: {type(e).__name__}; see {logpath}")
    finally:
        g.p.close(force=True)
        log.close()
    print(f"transcript: {logpath}")
    print(f"{g.passed} passed, {g.failed} failed")
    if not args.keep and not args.log:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if g.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
