# SPDX-License-Identifier: Apache-2.0
"""`make debug`: QEMU halted with its gdb stub, and gdb connected with the
hypervisor's symbols and a guest's (scripts/debug.sh). Scripted here with
GDB_BATCH: a breakpoint in the hypervisor's boot and one in the guest's
code are hit, each shown by name and source line."""

import re
import subprocess

from conftest import ROOT, guest_image, scaled
from linux import free_port

GDB_COMMANDS = """break hyp_boot_main
continue
break mode_main
continue
info registers pc
kill
"""


def test_gdb_stops_in_the_hypervisor_and_in_the_guest(tmp_path):
    guest_elf = guest_image().with_suffix(".elf")
    script = tmp_path / "gdb.cmds"
    script.write_text(GDB_COMMANDS)
    res = subprocess.run(
        ["make", "CONFIG=baremetal", "debug", f"DEBUG_GUEST={guest_elf}",
         f"GDB_BATCH={script}", f"GDB_PORT={free_port()}",
         f"DEBUG_LOG={tmp_path / 'console.log'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=scaled(300))
    out = res.stdout + res.stderr
    assert res.returncode == 0, out
    assert re.search(r"QEMU waits for gdb on port \d+; console: /dev/pts/\d+",
                     out), out
    assert re.search(r"hit Breakpoint 1, hyp_boot_main \(hartid=\d+, "
                     r"dtb=0x[0-9a-f]+, dtb_in_image=false\) at "
                     r"src/core/init\.c:\d+", out), out
    assert re.search(r"hit Breakpoint 2, mode_main \(\) at modes/default\.c:"
                     r"\d+", out), out
    # The console went to the pty and its log: the hypervisor had booted.
    log = (tmp_path / "console.log").read_text(errors="replace")
    assert "[baobab] Baobab hypervisor" in log, log
