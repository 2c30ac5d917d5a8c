# SPDX-License-Identifier: Apache-2.0
"""The board ports (src/platform/<board>/, configs/<board>.c,
docs/boards/): each ready config builds, with the board's devices in its
VMs' generated trees; an image for a board started on another machine says
which and stops, through the firmware's console; and the boards' harts, as
far as QEMU can model them, run the generic image (the P550's in
test_cpu_models.py)."""

import re
import subprocess

import pytest

import boot_flows
from conftest import ROOT, boot, build, build_output, scaled

BOARDS = {
    "eswin-eic7700x": {
        "config": "hifive-premier-p550",
        "uart": 'serial@50900000 {\n\t\t\tcompatible = "snps,dw-apb-uart";',
        "timebase": 1000000,
        "irqc": "plic: interrupt-controller@c000000",
    },
    "spacemit-k3": {
        "config": "spacemit-k3",
        "uart": 'serial@d4017000 {\n\t\t\tcompatible = "intel,xscale-uart";',
        "timebase": 24000000,
        "irqc": "aplic: interrupt-controller@e0804000",
    },
}


def board_dts(board, vm):
    path = ROOT / "build" / board / BOARDS[board]["config"] / "dtb" / \
        f"vm{vm}.dts"
    return path.read_text()


@pytest.mark.parametrize("board", list(BOARDS))
def test_the_ready_config_builds(board):
    out = build_output(BOARDS[board]["config"], platform=board)
    assert f"2 VMs checked for {board}" in out, out
    binary = ROOT / "bin" / board / BOARDS[board]["config"]
    assert (binary / "bao.bin").stat().st_size > 0
    assert (binary / "bao.itb").stat().st_size > 0
    linux = board_dts(board, 1)
    # Linux sees the board's console UART (emulated, in its own layout),
    # its timebase and the board's kind of interrupt controller.
    assert BOARDS[board]["uart"] in linux, linux
    assert "reg-shift = <2>; reg-io-width = <4>;" in linux, linux
    assert f"timebase-frequency = <{BOARDS[board]['timebase']}>;" in linux
    assert BOARDS[board]["irqc"] in linux, linux
    assert "bao,ipcshmem" in linux


@pytest.mark.parametrize("board", list(BOARDS))
def test_a_board_image_on_another_machine_says_so(board):
    image = build(BOARDS[board]["config"], platform=board)
    run = boot(image)
    assert re.search(r"\[baobab\] error: this machine has its NS16550-family "
                     r"UART at 0x10000000; the build expects its console UART "
                     rf"at 0x[0-9a-f]+ \(platform {board}\)", run.output), run
    assert "[vm" not in run.output


@pytest.mark.parametrize("target", ["run", "firmware"])
def test_qemu_cannot_run_a_board(target):
    # firmware.bin is QEMU's -bios file; a board's firmware is its own.
    res = subprocess.run(["make", "PLATFORM=spacemit-k3",
                          "CONFIG=spacemit-k3", target],
                         cwd=ROOT, capture_output=True, text=True,
                         timeout=scaled(600))
    assert res.returncode != 0
    assert ("PLATFORM=spacemit-k3 is a board, not a QEMU machine: boot it as "
            "docs/boards/spacemit-k3.md says") in res.stderr, res.stderr


@pytest.mark.parametrize("board", list(BOARDS))
def test_make_bootdisk_leaves_the_files_of_the_sd_card(board):
    # docs/boards/<board>.md copies them to the card's FAT partition, or
    # writes the whole disk image to it.
    out = boot_flows.make("bootdisk", BOARDS[board]["config"],
                          platform=board).parent
    scr = (out / "boot.scr").read_bytes()
    # A U-Boot legacy image (magic 0x27051956) of type script (6).
    assert scr[:4] == bytes.fromhex("27051956") and scr[30] == 6, scr[:64]
    on_disk = subprocess.run(
        ["mtype", "-i", f"{out / 'bootdisk.img'}@@1M", "::boot.scr"],
        check=True, capture_output=True, timeout=scaled(60)).stdout
    assert on_disk == scr
    for name in ("bao.bin", "bao.itb"):
        assert (out / name).stat().st_size > 0, name


def test_eight_aia_harts_with_vectors_run_the_generic_image():
    # As far as QEMU goes towards the K3: eight harts with vectors and the
    # AIA in MSI mode, seven guest files each (the K3 has eight). Its UART
    # layout, RAM above 4 GiB and ISA list are unit-tested on its tree.
    run = boot(build("two-baremetal", platform="generic"), smp=8,
               cpu="rv64,v=true,vlen=256,elen=64",
               machine="virt,aia=aplic-imsic,aia-guests=7")
    assert re.search(r"\[baobab\] generic: APLIC at 0xd000000 .* in MSI mode",
                     run.output), run
    assert "[vm0] baremetal: all 3 harts done" in run.output, run
    assert "[vm1] baremetal: all 1 harts done" in run.output, run
