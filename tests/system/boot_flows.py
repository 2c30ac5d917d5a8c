# SPDX-License-Identifier: Apache-2.0
"""How a test starts bao.bin, besides QEMU's -kernel:

- "firmware": `make firmware`'s one file as -bios (our stub, Debian's
  OpenSBI fw_dynamic, bao.bin), no -kernel;
- "booti", "bootm": the board flow. OpenSBI starts Debian's S-mode U-Boot
  (package u-boot-qemu), which loads bao.bin from a disk as a board's
  U-Boot loads it from an SD card: with its boot script (booti) or, typed
  at its prompt, the FIT image (bootm). The disk is `make bootdisk`'s
  (scripts/boot_images.py), on virtio-blk-pci: VMs are given QEMU's
  virtio-mmio transports, so the boot disk must not take one of them."""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import PLATFORM, ROOT, build, scaled

UBOOT = Path("/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin")
UBOOT_TIMEOUT = 60  # seconds to U-Boot's prompt; it takes about 1
PROMPT = "=> "


def make(target, config, platform=PLATFORM, config_repo=None, args=(),
         env=None):
    """`make <target>` for `config` (with `args`, in `env`, by default the
    tests' own); the file it builds."""
    cmd = ["make", f"PLATFORM={platform}", f"CONFIG={config}", *args, target]
    if config_repo:
        cmd.append(f"CONFIG_REPO={config_repo}")
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                         env=env)
    if res.returncode != 0:
        pytest.fail(f"make {target} for {config} failed:\n{res.stdout}\n"
                    f"{res.stderr}")
    name = {"bootdisk": "bootdisk.img", "firmware": "firmware.bin"}[target]
    return ROOT / "bin" / platform / config / name


def qemu_args(boot, config, config_repo=None, cppflags=None,
              platform=PLATFORM):
    """-bios, -kernel and the disk for a QEMU command line."""
    if boot == "kernel":
        return ["-bios", "default", "-kernel",
                str(build(config, config_repo=config_repo, cppflags=cppflags,
                          platform=platform))]
    assert cppflags is None, "only -kernel boots take CPPFLAGS"
    if boot == "firmware":
        return ["-bios", str(make("firmware", config, platform, config_repo))]
    assert boot in ("booti", "bootm"), boot
    if not UBOOT.is_file():
        pytest.fail(f"{UBOOT} is missing: run scripts/setup-deps.sh "
                    "(Debian package u-boot-qemu)")
    disk = make("bootdisk", config, platform, config_repo)
    # snapshot=on: the image is never written.
    return ["-bios", "default", "-kernel", str(UBOOT),
            "-drive", f"file={disk},if=none,format=raw,id=hd0,snapshot=on",
            "-device", "virtio-blk-pci,drive=hd0"]


def stop_autoboot(console):
    """At U-Boot's countdown, take its prompt."""
    console.expect("Hit any key to stop autoboot",
                   timeout=scaled(UBOOT_TIMEOUT))
    console.send("\n")
    console.expect(PROMPT, timeout=scaled(UBOOT_TIMEOUT))


def bootm_fit(console):
    """What a board engineer types: load the FIT from the disk's FAT and
    bootm it; bao.bin then runs where it lies in the FIT."""
    stop_autoboot(console)
    for command, answer in (
            ("virtio scan", PROMPT),
            ("load virtio 0:1 ${kernel_addr_r} bao.itb", r"bytes read"),
            ("bootm ${kernel_addr_r} - ${fdtcontroladdr}",
             r"Starting kernel \.\.\.")):
        console.send(command + "\n")
        console.expect(answer, timeout=scaled(UBOOT_TIMEOUT))


def running_at(text):
    """The address bao.bin's banner says it runs at."""
    m = re.search(r"^\[baobab\] Baobab hypervisor .*, running at "
                  r"(0x[0-9a-f]+)$", text, re.MULTILINE)
    assert m, text[-3000:]
    return int(m.group(1), 16)
