# SPDX-License-Identifier: Apache-2.0
"""Linux and a baremetal VM sharing memory (configs/baremetal-linux-shmem.c):
Linux's /dev/baoipc0 (guests/linux/baoipc) and the baremetal guest's "ipc"
server. One boot serves the tests of this module, in order; once on the
PLIC platform, once on the AIA one with both VMs in MSI mode
(tests/system/configs/aia-baremetal-linux-shmem.c)."""

import hashlib
import re
import time

import pytest

from conftest import scaled
from linux import Machine, no_trouble

SEQ = 2000


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def pattern(i, n):
    return f"msg={i} " + "".join(chr(ord("a") + (i + k) % 26)
                                 for k in range(n))


# The PLIC platform, and the AIA one with both VMs in MSI mode (Linux's
# notifications stored into the baremetal vCPU's guest interrupt file and
# back).
SETUPS = {"plic": {"config": "baremetal-linux-shmem"},
          "aia-msi": {"config": "aia-baremetal-linux-shmem",
                      "config_repo": "tests/system/configs",
                      "platform": "qemu-riscv64-virt-aia"}}


@pytest.fixture(scope="module", params=list(SETUPS))
def m(request):
    setup = dict(SETUPS[request.param])
    sent.clear()  # each boot's server hashes its own input
    machine = Machine(setup.pop("config"), **setup)
    try:
        # Ready, or says at once why not (no window in its tree).
        m = machine.wait_console(r"^\[vm0\] ipc: (ready|no bao,ipcshmem "
                                 r"window)$")
        assert m.group(1) == "ready", machine.log[-3000:]
        machine.wait_console(r"^\[vm1\] Enter 'help'")
        machine.open_hvc()
        yield machine
    finally:
        machine.close()


# What Linux wrote so far, for the server's hash of its input.
sent = bytearray()


def send(m, text, then=None):
    """Write `text` to /dev/baoipc0; `then`, a command run in the same
    command line after the write."""
    sent.extend(text.encode())
    m.sh(f"printf '%s' '{text}' > /dev/baoipc0" + (f"; {then}" if then
                                                   else ""))


def wait_in(m, pattern, timeout=60):
    """Wait until /tmp/in matches; return the match. The host polls, one
    short grep at a time, against its own clock: no loop in the guest whose
    length depends on how fast the host emulates it. `pattern` is a POSIX
    extended regular expression, as busybox grep -E takes it: no \\d (it
    would match a "d" and never the answer), [0-9] instead."""
    assert "\\d" not in pattern, f"{pattern!r}: busybox grep has no \\d"
    deadline = time.monotonic() + scaled(timeout)
    while True:
        try:
            out, rc = m.sh_rc(f"grep -E '{pattern}' /tmp/in")
        except AssertionError as e:  # the virtio console stopped answering
            pytest.fail(f"{e}\n{where_it_stopped(m)}")
        found = re.search(pattern, out, re.MULTILINE)
        if rc == 0 and found:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"/tmp/in has no {pattern!r} after "
                        f"{scaled(timeout):g}s; {where_it_stopped(m)}")
        time.sleep(0.5)


def where_it_stopped(m):
    """What Linux shows on its serial console when an answer is missing:
    whether the answer is in the ring or in /tmp/in, and the interrupt
    counts of the IPC window and the virtio devices; poll says POLLIN
    when an answer waits in the ring unread."""
    m.console.send("\x1c1")
    m.wait_console(r"\[baobab\] console: input goes to VM 1")
    shown = m.serial_sh("tail -c 300 /tmp/in; grep -E 'bao|virtio' "
                        "/proc/interrupts; ipctest poll /dev/baoipc0")
    m.console.send("\x1c0")
    return "the serial console shows:\n" + "\n".join(shown)


def test_module_binds_to_the_generated_node(m):
    assert "baoipc" in m.sh("cut -d' ' -f1 /proc/modules").split()
    dmesg = m.sh("dmesg | grep baoipc")
    assert re.search(r"/dev/baoipc0: window \[mem 0xf0000000-0xf000ffff\], "
                     r"read <0x0 0x2000>, write <0x2000 0x2000>", dmesg), dmesg
    assert m.sh("ls -l /dev/baoipc0").startswith("c")


def test_readme_exchange_on_the_serial_console(m):
    # Exactly what the README tells a user to type.
    m.console.send("\x1c1")
    m.wait_console(r"\[baobab\] console: input goes to VM 1")
    m.console.send("cat /dev/baoipc0 &\r")
    m.console.send('echo "Hello, Bao!" > /dev/baoipc0\r')
    sent.extend(b"Hello, Bao!\n")
    m.wait_console(r'^\[vm0\] ipc: received "Hello, Bao!"$')
    # cat prints the answer after the shell's next prompt.
    m.wait_console(r"^\[vm1\] .*baremetal got: Hello, Bao!$")
    m.console.send("\x1c0")
    m.wait_console(r"\[baobab\] console: input goes to VM 0")


def test_hello_bao_reaches_the_baremetal_vm_and_an_answer_comes_back(m):
    # From here on, everything the server answers lands in /tmp/in (and
    # the serial console's reader is gone).
    m.sh("killall cat; cat /dev/baoipc0 > /tmp/in & true")
    send(m, "Hello, Bao!\n")
    m.wait_console(r'^\[vm0\] ipc: received "Hello, Bao!"$')
    wait_in(m, r"^baremetal got: Hello, Bao!$")


def test_many_messages_arrive_in_order_and_intact(m):
    lines = "".join(f"seq={n} data-{n}-{n}-{n}\n" for n in range(1, SEQ + 1))
    sent.extend(lines.encode())
    m.sh(f"seq 1 {SEQ} | sed 's/.*/seq=& data-&-&-&/' > /dev/baoipc0",
         timeout=120)
    send(m, "stats\n")
    lines = sent.count(b"\n")
    stats = wait_in(m, rf"^ipc: stats lines={lines} seq_ok=([0-9]+) "
                       r"seq_bad=([0-9]+) fnv=([0-9a-f]+)$")
    assert stats.groups() == (str(SEQ), "0", f"{fnv1a(sent):x}")


def test_messages_back_from_the_baremetal_vm(m):
    send(m, "send 500 64\n")
    wait_in(m, r"^msg=500 ")
    got = m.sh("grep ^msg= /tmp/in | md5sum").split()[0]
    want = hashlib.md5("".join(pattern(i, 64) + "\n"
                               for i in range(1, 501)).encode()).hexdigest()
    assert got == want


def test_notification_flood_leaves_the_receiver_answering(m):
    # 20000 one-byte writes: 20000 notify hypercalls, as fast as Linux can.
    flood = "x" * 20000 + "\n"
    sent.extend(flood.encode())
    m.sh("head -c 20000 /dev/zero | tr '\\0' x | dd bs=1 of=/dev/baoipc0 "
         "2>/dev/null; echo > /dev/baoipc0", timeout=300)
    send(m, "stats\n")
    # Every line sent so far counted, every byte hashed: none lost.
    lines = sent.count(b"\n")
    stats = wait_in(m, rf"^ipc: stats lines={lines} "
                       rf"seq_ok={SEQ} seq_bad=0 fnv=([0-9a-f]+)$")
    assert stats.group(1) == f"{fnv1a(sent):x}"
    no_trouble(m.sh("dmesg"))


def test_read_and_poll_semantics(m):
    m.sh("kill %1; wait; true")  # stop the background reader
    # Nothing to read: O_NONBLOCK says EAGAIN, poll says writable only.
    out, rc = m.sh_rc("ipctest nbread /dev/baoipc0")
    assert (out.strip(), rc) == ("EAGAIN", 1)
    assert m.sh("ipctest poll /dev/baoipc0").split() == ["POLLOUT"]
    # A blocking read sleeps until the answer's notification. The reader
    # ends as soon as the answer comes, right after the write: wait for it
    # in the write's command line, so that its SIGCHLD finds the shell in
    # `wait`. Arriving while the shell writes its prompt, the signal cuts
    # that write short and busybox's ash drops the prompt (seen once in
    # CI; made to happen on purpose, hundreds of background jobs ending
    # under a stream of empty command lines lose a quarter of the prompts).
    m.sh("ipctest read /dev/baoipc0 100 > /tmp/r & sleep 1")
    assert m.sh("cat /tmp/r") == ""
    send(m, "ping\n", then="wait")
    assert m.sh("cat /tmp/r").strip() == "baremetal got: ping"
    # An answer waiting makes poll report it readable.
    send(m, "pong\n")
    m.wait_console(r'^\[vm0\] ipc: received "pong"$')
    # The server prints that line before it writes its answer: ask again
    # until the answer is there, against the host's clock.
    deadline = time.monotonic() + scaled(30)
    while True:
        flags = m.sh("ipctest poll /dev/baoipc0").split()
        if "POLLIN" in flags or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert "POLLIN" in flags and "POLLOUT" in flags, flags
