#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The files a loader takes bao.bin in, made with Debian's tools, no root:

    boot_images.py fit BAO_BIN OUT.itb NAME
        a FIT image for U-Boot's bootm (mkimage, u-boot-tools): bao.bin
        as a kernel that runs where it lies (kernel_noload), its data
        page-aligned in the file.
    boot_images.py script OUT.scr
        boot.scr, the boot script U-Boot's distro boot runs
        (scripts/uboot/boot.cmd, wrapped by mkimage).
    boot_images.py disk OUT.img FILE...
        a disk image like an SD card: an MBR with one FAT partition at
        1 MiB (mtools) holding FILE... (boot.scr, bao.bin, bao.itb).
    boot_images.py firmware STUB FW_DYNAMIC BAO_BIN OUT.bin
        one file for QEMU's -bios, OpenSBI's FW_PAYLOAD shape made of
        Debian's fw_dynamic.bin: our stub (tools/firmware/dynamic_stub.S)
        at 0, fw_dynamic at FW_DYNAMIC_OFFSET, bao.bin at PAYLOAD_OFFSET.
"""

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOOT_CMD = HERE / "uboot" / "boot.cmd"
STUB_H = HERE.parent / "tools" / "firmware" / "dynamic_stub.h"

SECTOR = 512
PART_START = 1 << 20  # the partition's first byte: 1 MiB, as SD cards do
DISK_MARGIN = 8 << 20  # free space left on the FAT beyond the files
DISK_MIN = 64 << 20  # FAT32 wants at least 65525 clusters
HEADS, TRACK_SECTORS = 64, 32  # the CHS geometry mformat is told
MBR_FAT32_LBA = 0x0C  # partition type: FAT32 with LBA addressing
MBR_BOOTABLE = 0x80
MBR_SIGNATURE = b"\x55\xaa"
# bao.bin's data in the FIT starts on a page: boot.S refuses anything less.
FIT_DATA_ALIGN = "1000"


# Where each tool comes from (scripts/setup-deps.sh installs them).
PACKAGES = {"mkimage": "u-boot-tools", "mformat": "mtools", "mcopy": "mtools",
            "dtc": "device-tree-compiler"}


def run(*cmd):
    try:
        res = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit(f"boot_images: error: {cmd[0]} not found: install Debian's "
                 f"{PACKAGES.get(cmd[0], cmd[0])} (scripts/setup-deps.sh)")
    if res.returncode:
        sys.exit(f"boot_images: error: {' '.join(map(str, cmd))}:\n"
                 f"{res.stdout}{res.stderr}")


def fit(bao_bin, out, name):
    its = f"""/dts-v1/;
/ {{
    description = "Baobab hypervisor, {name}";
    #address-cells = <1>;
    images {{
        baobab {{
            description = "bao.bin";
            data = /incbin/("{Path(bao_bin).resolve()}");
            type = "kernel_noload";
            arch = "riscv";
            os = "linux";
            compression = "none";
            load = <0>;
            entry = <0>;
            hash-1 {{ algo = "sha256"; }};
        }};
    }};
    configurations {{
        default = "baobab";
        baobab {{ kernel = "baobab"; }};
    }};
}};
"""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bao.its"
        src.write_text(its)
        run("mkimage", "-E", "-B", FIT_DATA_ALIGN, "-f", src, out)


def mbr(part_sectors):
    """One bootable FAT32 partition from PART_START to the end."""
    entry = struct.pack("<B3sB3sII", MBR_BOOTABLE, b"\xff\xff\xff",
                        MBR_FAT32_LBA, b"\xff\xff\xff", PART_START // SECTOR,
                        part_sectors)
    return bytes(446) + entry + bytes(48) + MBR_SIGNATURE


def script(out):
    run("mkimage", "-A", "riscv", "-O", "linux", "-T", "script", "-C",
        "none", "-n", "Baobab", "-d", BOOT_CMD, out)


def disk(out, files):
    size = PART_START + DISK_MARGIN + sum(Path(f).stat().st_size
                                          for f in files)
    size = max(DISK_MIN, (size + (1 << 20) - 1) & ~((1 << 20) - 1))
    sectors = (size - PART_START) // SECTOR
    with open(out, "wb") as f:
        f.write(mbr(sectors))
        f.truncate(size)
    part = f"{out}@@{PART_START}"
    run("mformat", "-i", part, "-F", "-T", str(sectors), "-h", str(HEADS),
        "-s", str(TRACK_SECTORS), "-H", str(PART_START // SECTOR),
        "-v", "BAOBAB", "::")
    run("mcopy", "-i", part, *files, "::")


def stub_layout():
    """FW_DYNAMIC_OFFSET and PAYLOAD_OFFSET, as the stub has them."""
    text = STUB_H.read_text()
    return [int(re.search(rf"^#define {name} (0x[0-9a-fA-F]+)$", text,
                          re.MULTILINE).group(1), 16)
            for name in ("FW_DYNAMIC_OFFSET", "PAYLOAD_OFFSET")]


def firmware(stub, fw_dynamic, bao_bin, out):
    fw_off, payload_off = stub_layout()
    parts = [(stub, 0, fw_off), (fw_dynamic, fw_off, payload_off)]
    image = bytearray()
    for path, start, end in parts:
        data = Path(path).read_bytes()
        if start + len(data) > end:
            sys.exit(f"boot_images: error: {path} ({len(data)} bytes) does "
                     f"not fit between 0x{start:x} and 0x{end:x}")
        image += data.ljust(end - start, b"\0")
    Path(out).write_bytes(image + Path(bao_bin).read_bytes())


def main(argv):
    if len(argv) == 5 and argv[1] == "fit":
        fit(*argv[2:])
    elif len(argv) == 3 and argv[1] == "script":
        script(argv[2])
    elif len(argv) >= 4 and argv[1] == "disk":
        disk(argv[2], argv[3:])
    elif len(argv) == 6 and argv[1] == "firmware":
        firmware(*argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
