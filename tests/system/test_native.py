# SPDX-License-Identifier: Apache-2.0
"""The same guest binary runs natively on OpenSBI and under Baobab with the
same output, apart from what legitimately differs (SBI implementation,
console path, and which hart the firmware picked to boot)."""

import re
from collections import Counter

from conftest import boot, build, guest_image

DIFFERS = ("baremetal: sbi spec", "baremetal: console", "baremetal: boot hart",
           "dtb:")


def comparable(lines):
    # Which harts answer the boot hart's IPIs depends on which hart booted.
    return Counter(re.sub(r"^hart \d+ ipi$", "hart * ipi", l) for l in lines
                   if l.startswith(("baremetal:", "hart ", "check:"))
                   and not l.startswith(DIFFERS))


def test_native_and_virtualized_output_match():
    native = boot(guest_image(), smp=4, mem="512M")
    virtual = boot(build("baremetal-4cpu"))
    assert native.status == 0 and virtual.status == 0
    native_lines = comparable(native.lines)
    assert native_lines["baremetal: all 4 harts done"] == 1, native
    assert native_lines == comparable(virtual.vm_lines(0))
