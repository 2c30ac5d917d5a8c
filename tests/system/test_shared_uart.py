# SPDX-License-Identifier: Apache-2.0
"""Bao's dual-guest configurations give the console UART (0x10000000,
interrupt 10) to both VMs. Under Baobab each of them gets an emulated 16550
there: the build and the boot say so, both guests print through the UART's
registers (guest mode `uart`) and their lines come out tagged, those of the
VM without the input focus whole; typed input goes to the VM with the focus
(Ctrl-\\ N), reaching it through its emulated UART's receive interrupt."""

import re

import pexpect

from conftest import PLATFORM, ROOT, build_output, spawn, vm_lines

CONFIG = "shared-uart"
NOTE = (r"VM 0 and VM 1 list the console UART 0x10000000: each gets an "
        r"emulated 16550 there \(output tagged, input by Ctrl-\\ N\)")
BURST = [f"uart: burst {k} of 8 abcdefghijklmnopqrstuvwxyz0123456789"
         for k in range(1, 9)]
FOCUS_ESCAPE = "\x1c"  # Ctrl-\


def boot_shared_uart():
    out = build_output(CONFIG, config_repo="tests/system/configs")
    assert re.search(rf"note: config '{CONFIG}': {NOTE}", out), out
    return spawn(ROOT / "bin" / PLATFORM / CONFIG / "bao.bin")


def test_both_vms_print_on_the_shared_uart_and_take_input_by_focus():
    child = boot_shared_uart()
    try:
        for vm in (0, 1):
            child.expect(r"\[baobab\]   dev  0x010000000-0x010000fff -> "
                         r"emulated 16550 irqs: 10")
        child.expect(rf"\[baobab\] note: {NOTE}")
        child.expect(r"\[baobab\] console: input goes to VM 0")
        # Each VM's last burst line, whole once joined: another VM's line
        # may cut VM 0's (it has the focus and writes through).
        child.expect_lines([f"[vm{vm}] {BURST[-1]}" for vm in (0, 1)])

        child.send("hello\r")
        child.expect(r'\[vm0\] uart: got "hello" \((\d+) interrupts\)')
        assert int(child.match.group(1)) >= 1
        child.send(FOCUS_ESCAPE + "1")
        child.expect(r"\[baobab\] console: input goes to VM 1")
        child.send("world\r")
        child.expect(r'\[(vm\d)\] uart: got "world"')
        assert child.match.group(1) == "vm1"
        child.send("quit\r")
        child.expect(r"\[vm1\] uart: bye")
        child.expect(r"\[baobab\] VM 1 shut down")
        child.send(FOCUS_ESCAPE + "0")
        child.expect(r"\[baobab\] console: input goes to VM 0")
        child.send("quit\r")
        child.expect(r"\[vm0\] uart: bye")
        child.expect(r"\[baobab\] no VM left running: powering off")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)

    text = child.raw.replace("\r", "")  # as it came, cut lines and all
    lines = text[text.index("[vm"):].splitlines()
    # Nothing untagged: every piece of guest output says whose it is.
    untagged = [l for l in lines
                if not re.match(r"\[(vm[01]\]\+?|baobab\]) ", l)]
    assert not untagged, text
    vm1, vm0 = vm_lines(text, 1), vm_lines(text, 0)
    # VM 1, without the focus, is line-buffered: each line whole. VM 0 has
    # the focus and writes through (a prompt must show), so another VM's
    # line may cut one of its lines; the rest comes tagged "[vm0]+ " and
    # joined, each line is whole again.
    for lines_of_vm in (vm1, vm0):
        assert ("uart: ready (printing through the 16550 at 0x10000000, "
                "interrupts through the plic)"
                in lines_of_vm)
        assert [l for l in lines_of_vm if l.startswith("uart: burst")] == \
            BURST, text
    assert not re.search(r"FATAL|belongs to no VM|cannot emulate", text)
