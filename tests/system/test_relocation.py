# SPDX-License-Identifier: Apache-2.0
"""bao.bin runs wherever a loader puts it: linked at 0x80200000, it moves
the addresses its data holds to where it was loaded before anything runs
(boot.S, scripts/image_relocs.py), says where in its banner, and its
embedded guest images move with it.

QEMU's -kernel always lands at 0x80200000, so these runs load bao.bin with
QEMU's generic loader elsewhere and give OpenSBI a 24-byte jump there as
its payload (the U-Boot flow test loads it as a board would)."""

import re
import struct
import subprocess

import pytest

from conftest import boot, build

# auipc t0, 0; ld t0, 16(t0); jr t0; nop; .dword target (RV64I encodings).
JUMP = (0x00000297, 0x0102B283, 0x00028067, 0x00000013)


def jump_to(tmp_path, addr):
    stub = tmp_path / f"jump-{addr:x}.bin"
    stub.write_bytes(struct.pack("<4IQ", *JUMP, addr))
    return stub


def boot_at(tmp_path, config, addr, mem="4G"):
    return boot(jump_to(tmp_path, addr), mem=mem,
                extra=["-device", f"loader,file={build(config)},addr={addr:#x}"])


# Right after where it is linked, further up, and above 4 GiB (QEMU's RAM
# with -m 8G ends at 0x280000000).
@pytest.mark.parametrize("addr", [0x80400000, 0x90000000, 0x100200000],
                         ids=lambda a: f"{a:#x}")
def test_runs_where_it_is_loaded(tmp_path, addr):
    run = boot_at(tmp_path, "baremetal", addr, mem="8G")
    assert run.has(r"^\[baobab\] Baobab hypervisor \S+ on qemu-riscv64-virt, "
                   rf"config \"baremetal\", boot hart \d+, running at "
                   rf"{addr:#x}$"), run
    # The guest image is copied out of bao.bin from where it now lies.
    assert "[vm0] baremetal: all 1 harts done" in run.output, run
    assert run.has(r"^\[baobab\] no VM left running: powering off$"), run
    assert "FATAL" not in run.output


def image_span(config):
    """Bytes from _image_start to _image_end (its .bss included)."""
    out = subprocess.run(["riscv64-unknown-elf-nm", str(build(config)
                                                        .with_suffix(".elf"))],
                         capture_output=True, text=True, check=True).stdout
    syms = {f[2]: int(f[0], 16) for f in
            (line.split() for line in out.splitlines()) if len(f) == 3}
    return syms["_image_end"] - syms["_image_start"]


def test_its_memory_is_kept_from_the_vms(tmp_path):
    # Loaded in the middle of RAM the VMs are given from, it is not handed
    # out: the VMs get RAM around it, and run their tests.
    load, span = 0x81000000, image_span("two-baremetal")
    run = boot_at(tmp_path, "two-baremetal", load)
    assert f"running at {load:#x}" in run.output
    mem = re.findall(r"^\[baobab\]   mem  0x([0-9a-f]+)-0x([0-9a-f]+) -> "
                     r"0x([0-9a-f]+)", run.output, re.MULTILINE)
    assert len(mem) == 2, run
    for first, last, host in mem:
        host, size = int(host, 16), int(last, 16) - int(first, 16) + 1
        assert host + size <= load or host >= load + span, (hex(host), size)
    assert "[vm0] baremetal: all 3 harts done" in run.output, run
    assert "[vm1] baremetal: all 1 harts done" in run.output, run


def test_a_load_off_a_page_boundary_is_refused(tmp_path):
    run = boot_at(tmp_path, "baremetal", 0x90000800)
    assert ("bao.bin is not at a page boundary: load it at a 2 MiB-aligned "
            "address: cannot boot, powering off") in run.output, run
    assert "[vm0]" not in run.output


def test_a_tree_in_the_image_s_memory_is_refused(tmp_path):
    # With -m 256M both QEMUs put the tree at 0x8fe00000: an image loaded
    # just below, whose .bss reaches over it, must not clear it and go on
    # (the tree would read as none, or as part of one).
    load = 0x8fe00000 - 0x40000
    assert image_span("baremetal") > 0x40000
    run = boot_at(tmp_path, "baremetal", load, mem="256M")
    assert re.search(r"\[baobab\] error: the host device tree at 0x8fe00000 "
                     rf"lies inside the hypervisor's image \({load:#x}-0x",
                     run.output), run
    assert "[baobab] error: host device tree: cannot boot, powering off" in \
        run.output
    assert "[vm0]" not in run.output
