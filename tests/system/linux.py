# SPDX-License-Identifier: Apache-2.0
"""Helpers for the Linux guest tests: boot a config with Linux in it under
QEMU with a virtio network card (user networking, restrict=on, one port
forwarded from 127.0.0.1) and a virtio console on a pty, and run shell
commands on either console."""

import os
import re
import socket
import termios
import time
import tty

import pexpect
import pexpect.fdpexpect

import boot_flows
from conftest import (PLATFORM, QEMU, ROOT, Console, build, qemu_env, scaled,
                      vm_lines)

LOGS = ROOT / "build" / "test-logs"
# Timeouts are seconds on an unloaded host; every use goes through scaled().
LINUX_TIMEOUT = 240  # a boot to the prompt; about 10 alone
PROMPT = r"root@baobab:[^\r\n]*# "
PTY_RE = r"char device redirected to (/dev/pts/\d+) \(label hvc\)"
# What a guest error looks like on a console.
KERNEL_TROUBLE = r"Oops|BUG:|Kernel panic|rcu_sched self-detected|hung_task"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Machine:
    """One QEMU run of a Linux config: `console` is the UART (all VMs'
    tagged output), `hvc` the Linux VM's virtio console, `port` the host
    port forwarded to the guest's port 80."""

    def __init__(self, config, smp=4, cppflags=None, config_repo=None,
                 platform=PLATFORM, pci=False, boot="kernel", cpu="rv64"):
        """`pci`: the virtio devices on PCI at 00:01.0-00:03.0 (device ids
        0x8, 0x10, 0x18) behind QEMU's IOMMU (-M virt,iommu-sys=on), not
        on virtio-mmio. `boot`: how bao.bin is started (boot_flows.py):
        "kernel" (-kernel), "firmware" (`make firmware`'s one file),
        "booti" or "bootm" (U-Boot, from a disk, with its boot script or
        the FIT image). `cpu`: QEMU's -cpu."""
        self.config = config
        self.port = free_port()
        boot_args = boot_flows.qemu_args(boot, config, config_repo=config_repo,
                                         cppflags=cppflags, platform=platform)
        machine = qemu_env.machine(platform) + (",iommu-sys=on" if pci else "")

        def virtio(kind, slot):
            # QEMU's virtio devices bypass its IOMMU unless they offer
            # VIRTIO_F_ACCESS_PLATFORM (iommu_platform, modern devices
            # only); QEMU 10.0 lacks their boot ROM (romfile=).
            return (f"virtio-{kind}-pci,addr={slot}.0,romfile=,"
                    "disable-legacy=on,iommu_platform=on" if pci
                    else f"virtio-{kind}-device")
        args = ["-nographic", "-M", machine, "-cpu", cpu,
                "-m", "4G",
                "-smp", str(smp), *boot_args,
                "-netdev", "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:"
                f"{self.port}-:80",
                "-device", virtio("net", 1) + ",netdev=n0",
                "-chardev", "pty,id=hvc",
                "-device", virtio("serial", 2),
                "-device", "virtconsole,chardev=hvc",
                "-device", virtio("rng", 3)]
        # The UART, read with each VM's cut lines joined (conftest.Console).
        self.console = Console(pexpect.spawn(
            QEMU, args, timeout=scaled(LINUX_TIMEOUT), encoding="utf-8",
            codec_errors="replace"))
        self.console.expect(PTY_RE, timeout=scaled(30))
        self.pty = self.console.match.group(1)
        if boot == "bootm":
            boot_flows.bootm_fit(self.console)
        self.hvc = None
        self.commands = 0  # numbers the markers of sh_rc() and serial_sh()

    def drain(self):
        """Read what the console printed: it must be read all along."""
        self.console.drain()

    @property
    def raw(self):
        """The console as printed, cut lines and all."""
        return self.console.raw.replace("\r", "")

    @property
    def log(self):
        """The console with each VM's cut lines joined."""
        self.drain()
        return self.console.text()

    def wait_console(self, pattern, timeout=LINUX_TIMEOUT):
        """Wait until the console shows `pattern` (^ and $ match at lines,
        cut lines joined) after what an earlier wait matched; the match."""
        try:
            self.console.expect(re.compile(pattern, re.MULTILINE),
                                timeout=scaled(timeout))
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            raise AssertionError(f"no {pattern!r} on the console: {e}") \
                from None
        return self.console.match

    def open_hvc(self):
        """Attach to the virtio console; returns after a prompt answered."""
        fd = os.open(self.pty, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(fd, termios.TCSANOW)
        self.hvc = pexpect.fdpexpect.fdspawn(fd, timeout=scaled(LINUX_TIMEOUT),
                                             encoding="utf-8",
                                             codec_errors="replace")
        self.hvc.send("\n")
        self.hvc.expect(PROMPT)
        # Skip prompts printed before we attached: sync on an answer.
        self.hvc.send("echo sync-$((20+22))\n")
        self.hvc.expect("sync-42")
        self.hvc.expect(PROMPT)
        return self.hvc

    def sh(self, command, timeout=60):
        """Run `command` on the virtio console and return its output; the
        exit status must be 0 unless the caller says otherwise.

        A background job must not end while the shell writes its prompt:
        its SIGCHLD cuts the write short and ash drops the prompt this
        waits for. A job that ends soon is waited for in the command line
        that makes it end."""
        out, rc = self.sh_rc(command, timeout)
        assert rc == 0, f"{command!r} exited {rc}:\n{out}"
        return out

    def sh_rc(self, command, timeout=60):
        # Each command's marker has its own number, so that the output of
        # one that timed out cannot be taken for a later one's. The echoed
        # command shows "$?", the output the number: only the output
        # matches.
        self.commands += 1
        marker = f"@@{self.commands}="
        self.drain()
        self.hvc.send(f"{command}; echo \"{marker}$?@@\"\n")
        self.hvc_expect(marker + r"(\d+)@@", command, timeout)
        out, rc = self.hvc.before, int(self.hvc.match.group(1))
        self.hvc_expect(PROMPT, command, timeout)
        # Drop the echo of the command line itself.
        out = out.replace("\r", "")
        echo = out.rfind(f'{marker}$?@@"')
        return out[out.find("\n", echo) + 1:] if echo >= 0 else out, rc

    def hvc_expect(self, pattern, command, timeout):
        """Expect on the virtio console; when it does not come, fail with
        what the virtio console and the serial console last showed."""
        try:
            self.hvc.expect(pattern, timeout=scaled(timeout))
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            raise AssertionError(
                f"no {pattern!r} on the virtio console after {command!r} "
                f"({type(e).__name__}); it last showed:\n"
                f"{self.hvc.before[-1500:]!r}\nthe serial console's end:\n"
                f"{self.log[-2500:]}") from None

    def serial_sh(self, command, vm=1, timeout=180):
        """Run `command` in VM `vm`'s shell on the serial console (its
        input focus must be on that VM); return its non-blank output lines.

        The output is what lies between two numbered markers. The shell
        echoes the command line (wrapped, redrawn, with terminal queries),
        and that echo shows the markers quoted, '@@7''b@@', while the
        output shows them joined, '@@7b@@': only the output matches."""
        self.commands += 1
        begin, end = f"@@{self.commands}b@@", f"@@{self.commands}e@@"
        quoted = [f"@@{self.commands}''{t}@@" for t in "be"]
        self.drain()
        start = len(self.raw)
        self.console.send(f"echo {quoted[0]}; {command}; echo {quoted[1]}\r")
        deadline = time.monotonic() + scaled(timeout)
        while True:
            self.drain()
            # The VM's own lines: another VM's line may cut one of them.
            lines = vm_lines(self.raw[start:], vm)
            if begin in lines and end in lines[lines.index(begin):]:
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"no {end!r} from VM {vm} within "
                                     f"{scaled(timeout):g}s; the console's "
                                     f"end:\n{self.raw[-3000:]}")
            time.sleep(0.2)
        self.console.skip()
        out = lines[lines.index(begin) + 1:]
        out = out[:out.index(end)]
        return [l for l in out if l.strip()]

    def http_get(self, path="/"):
        with socket.create_connection(("127.0.0.1", self.port),
                                      timeout=scaled(30)) as s:
            s.sendall(f"GET {path} HTTP/1.0\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(4096):
                data += chunk
        return data.decode(errors="replace")

    def ticks(self, vm, n, timeout=30):
        """The next `n` "ticker: N" lines of VM `vm` printed from now on
        (those read before are skipped): their N, in order."""
        self.drain()
        self.console.skip()
        return [int(self.wait_console(rf"^\[vm{vm}\] ticker: (\d+)$",
                                      timeout).group(1)) for _ in range(n)]

    def close(self):
        """Stop QEMU; the console output stays in build/test-logs/."""
        try:
            self.drain()
        except (OSError, pexpect.EOF):
            pass
        LOGS.mkdir(parents=True, exist_ok=True)
        (LOGS / f"{self.config}.log").write_text(self.raw)
        if self.hvc:
            try:
                self.hvc.close()
            except OSError:
                pass
        self.console.close(force=True)



def no_trouble(text):
    assert not re.search(KERNEL_TROUBLE, text), text


def smp_job(m, rounds=60):
    """Three jobs on three vCPUs, each forking and exec'ing processes that
    map and free memory: TLB shootdowns (SBI RFENCE, or the IMSIC's IPIs)
    and IPIs, with every job's result checked; then the IPI counters."""
    job = (f"for i in $(seq {rounds}); do "
           "dd if=/dev/zero bs=64k count=8 2>/dev/null | md5sum; "
           "done | sort -u")
    out = m.sh(f"for j in 1 2 3; do ({job}) > /tmp/job$j & done; wait; "
               "cat /tmp/job1 /tmp/job2 /tmp/job3", timeout=180)
    # 512 KiB of zeros has one digest; every run of every job got it.
    assert out.split() == ["59071590099d21dd439896592338bf95", "-"] * 3, out
    ipis = m.sh("grep -E 'IPI[01]:' /proc/interrupts")
    for line in ipis.splitlines():
        counts = [int(x) for x in line.split()[1:4]]
        assert sum(counts) > 0, line
