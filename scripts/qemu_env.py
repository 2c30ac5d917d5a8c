# SPDX-License-Identifier: Apache-2.0
"""The QEMU the system tests and make bench run, chosen in one place: the
QEMU environment variable (also a make variable). It is a command or path,
or a version scripts/qemu.sh knows ("7.2", Debian 12's; "10.0",
bookworm-backports'). Default: the system's qemu-system-riscv64."""

import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_OPENSBI = Path("/usr/lib/riscv64-linux-gnu/opensbi/generic")
VERSION_RE = r"\d+\.\d+"


@lru_cache(maxsize=None)
def qemu():
    """The qemu-system-riscv64 to run (a path or a command)."""
    chosen = os.environ.get("QEMU", "qemu-system-riscv64")
    if not re.fullmatch(VERSION_RE, chosen):
        return chosen
    res = subprocess.run([ROOT / "scripts" / "qemu.sh", chosen],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"QEMU={chosen}: {res.stderr.strip()}")
    return res.stdout.strip()


def machine(platform):
    """QEMU's -M value for `platform`: QEMU_MACHINE in its platform.mk."""
    mk = ROOT / "src" / "platform" / platform / "platform.mk"
    m = re.search(r"^QEMU_MACHINE\s*:?=\s*(\S+)\s*$", mk.read_text(),
                  re.MULTILINE)
    if not m:
        raise RuntimeError(f"{mk}: no QEMU_MACHINE")
    return m.group(1)


@lru_cache(maxsize=None)
def version():
    """(major, minor) of the QEMU, from its --version."""
    out = subprocess.run([qemu(), "--version"], capture_output=True,
                         text=True).stdout
    m = re.search(r"version (\d+)\.(\d+)", out)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def _wrapper_dir():
    """The directory of a QEMU that scripts/qemu.sh made, else None."""
    path = shutil.which(qemu())
    if path is None:
        return None
    here = Path(path).resolve().parent
    return here if (here / "versions").is_file() else None


def opensbi_dir():
    """The OpenSBI generic firmware that goes with this QEMU."""
    here = _wrapper_dir()
    return here / "opensbi" if here else SYSTEM_OPENSBI


def fw_jump():
    """fw_jump as a flat binary: OpenSBI 1.5's fw_jump.elf is linked at 0
    (position independent) and would be loaded over QEMU's boot ROM; the
    .bin goes to the start of RAM for either version."""
    return opensbi_dir() / "fw_jump.bin"


@lru_cache(maxsize=None)
def describe():
    """One line naming the QEMU and OpenSBI versions."""
    here = _wrapper_dir()
    if here:
        return (here / "versions").read_text().strip()
    out = subprocess.run([qemu(), "--version"], capture_output=True,
                         text=True).stdout
    m = re.search(r"version (.+)", out)
    qemu_version = m.group(1) if m else "unknown"
    sbi = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "opensbi"],
                         capture_output=True, text=True).stdout.strip()
    sbi_upstream = re.sub(r"^\d+:|[+~-].*$", "", sbi) or "unknown"
    return (f"QEMU {qemu_version}, OpenSBI {sbi_upstream} "
            f"(Debian {sbi or 'package not installed'})")



if __name__ == "__main__":
    # For the Makefile: `qemu_env.py opensbi` prints the directory of the
    # OpenSBI generic firmware that goes with QEMU=.
    import sys
    if sys.argv[1:] != ["opensbi"]:
        sys.exit("usage: qemu_env.py opensbi")
    print(opensbi_dir())
