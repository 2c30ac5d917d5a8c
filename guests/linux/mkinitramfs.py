#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Build the Linux guest's initramfs: an uncompressed newc cpio archive.

Inputs are the unpacked Debian kernel package (for its modules), the
static busybox binary and the rootfs/ overlay next to this script. The
archive is deterministic: entries sorted by path, mtime 0, uid/gid 0,
inode numbers in entry order, so the same inputs give the same bytes and
the hypervisor build relinks only when something really changed.

Python's standard library only: there is no cpio tool on the build host
and the Debian kernel package ships no modules.dep, so both the archive
format and the module dependency walk are done here.
"""

import argparse
import lzma
import os
import stat
import struct
import sys
from pathlib import Path

# Drivers for the devices a Baobab VM (or QEMU virt) gives the guest. Those
# the kernel has built in are skipped; dependencies are added.
WANTED_MODULES = ("virtio_mmio", "virtio_net", "virtio_console", "virtio_blk",
                  "virtio_rng")

# Applets /init and inittab cannot do without: the build fails without them.
ESSENTIAL_APPLETS = ("sh", "mount", "insmod", "init", "mkdir", "cat",
                     "sleep", "cttyhack", "grep")
# Applets the tests and README rely on: missing ones only warn.
USEFUL_APPLETS = ("poweroff", "reboot", "udhcpc", "ip", "httpd", "nc",
                  "devmem", "time", "seq", "date", "lsmod", "modprobe",
                  "umount", "sync", "hostname")

# Empty directories every boot needs; busybox --install -s links applets
# into the four bin directories, which must exist beforehand.
SKELETON_DIRS = ("bin", "sbin", "usr/bin", "usr/sbin", "dev", "proc", "sys",
                 "run", "tmp", "root", "etc", "lib/modules", "var")
# Modes that differ from 0755 for directories.
DIR_MODES = {"tmp": 0o1777, "root": 0o700}

# The kernel opens /dev/console before /init runs, so that node has to be
# in the archive (devtmpfs is mounted later, by /init).
DEVICE_NODES = {"dev/console": (stat.S_IFCHR | 0o600, 5, 1),
                "dev/null": (stat.S_IFCHR | 0o666, 1, 3)}

# One-line data files that cannot carry a license comment.
GENERATED_FILES = {
    "etc/passwd": "root:x:0:0:root:/root:/bin/sh\n",
    "etc/group": "root:x:0:\n",
    "etc/hostname": "baobab\n",
}

MODULE_SUFFIXES = (".ko.xz", ".ko")


class Archive:
    """In-memory file tree written out as a newc cpio archive.

    Collecting everything first lets the writer sort the entries and add
    missing parent directories, which is what makes the output independent
    of the order things were added in and of the build host's file system.
    """

    def __init__(self):
        self.entries = {}  # path -> (mode, data, rdevmajor, rdevminor)

    def _put(self, path, mode, data=b"", rdev=(0, 0)):
        path = path.strip("/")
        parent = os.path.dirname(path)
        while parent and parent not in self.entries:
            self.entries[parent] = (_dir_mode(parent), b"", 0, 0)
            parent = os.path.dirname(parent)
        self.entries[path] = (mode, data, rdev[0], rdev[1])

    def add_dir(self, path):
        """Adds an (empty) directory with its conventional mode."""
        self._put(path, _dir_mode(path.strip("/")))

    def add_file(self, path, data, executable=False):
        """Adds a regular file: mode 0755 or 0644, nothing in between."""
        self._put(path, stat.S_IFREG | (0o755 if executable else 0o644), data)

    def add_symlink(self, path, target):
        """Adds a symbolic link; newc stores the target as the file data."""
        self._put(path, stat.S_IFLNK | 0o777, target.encode())

    def add_node(self, path, mode, major, minor):
        """Adds a device node (no root privilege needed to describe one)."""
        self._put(path, mode, b"", (major, minor))

    def write(self, out):
        """Writes the entries sorted by path, then the trailer, padded to
        a multiple of 512 bytes as cpio tools do."""
        size = 0
        for ino, path in enumerate(sorted(self.entries), start=1):
            mode, data, rmaj, rmin = self.entries[path]
            nlink = 2 if stat.S_ISDIR(mode) else 1
            size += _write_entry(out, path, ino, mode, nlink, data, rmaj,
                                 rmin)
        size += _write_entry(out, "TRAILER!!!", 0, 0, 1, b"", 0, 0)
        out.write(b"\0" * (-size % 512))


def _dir_mode(path):
    """Directory mode bits: 0755 unless DIR_MODES says otherwise."""
    return stat.S_IFDIR | DIR_MODES.get(path, 0o755)


def _pad4(length):
    """Bytes of zero padding newc needs to bring length to a multiple of 4."""
    return b"\0" * (-length % 4)


def _write_entry(out, name, ino, mode, nlink, data, rdevmajor, rdevminor):
    """Writes one newc header, name and data; returns the bytes written.

    Header fields are 8 hex digits each: ino, mode, uid, gid, nlink, mtime,
    filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check.
    """
    name_bytes = name.encode() + b"\0"
    fields = (ino, mode, 0, 0, nlink, 0, len(data), 0, 0, rdevmajor,
              rdevminor, len(name_bytes), 0)
    header = b"070701" + b"".join(b"%08X" % f for f in fields)
    head = header + name_bytes
    chunk = head + _pad4(len(head)) + data + _pad4(len(data))
    out.write(chunk)
    return len(chunk)


def module_name(filename):
    """Kernel module name of a .ko[.xz] file: kbuild turns '-' into '_'."""
    for suffix in MODULE_SUFFIXES:
        if filename.endswith(suffix):
            return filename[: -len(suffix)].replace("-", "_")
    return None


def index_modules(moddir):
    """Maps module name -> path relative to moddir, for every module."""
    index = {}
    for dirpath, dirnames, filenames in os.walk(moddir / "kernel"):
        dirnames.sort()
        for filename in sorted(filenames):
            name = module_name(filename)
            if name:
                path = Path(dirpath) / filename
                index.setdefault(name, path.relative_to(moddir))
    return index


def builtin_modules(moddir):
    """Names of the modules compiled into the kernel (modules.builtin)."""
    path = moddir / "modules.builtin"
    if not path.exists():
        return set()
    return {module_name(os.path.basename(line.strip()))
            for line in path.read_text().splitlines() if line.strip()}


def read_module(path):
    """The module's ELF bytes, decompressed if the package xz-compressed it."""
    data = path.read_bytes()
    return lzma.decompress(data) if path.name.endswith(".xz") else data


def modinfo(elf):
    """key=value pairs of the ELF .modinfo section (first value per key).

    Parsed directly from the section headers because the package has no
    modules.dep and the host has no riscv64 modinfo/depmod to ask.
    """
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)

    def section(i):
        name, _type, _flags, _addr, offset, size = struct.unpack_from(
            "<IIQQQQ", elf, shoff + i * shentsize)
        return name, elf[offset:offset + size]

    _, names = section(shstrndx)
    for i in range(shnum):
        name_off, body = section(i)
        if names[name_off:names.index(b"\0", name_off)] == b".modinfo":
            info = {}
            for item in body.split(b"\0"):
                key, sep, value = item.decode(errors="replace").partition("=")
                if sep:
                    info.setdefault(key, value)
            return info
    return {}


def resolve_modules(moddir, wanted):
    """Modules to load, dependencies first, and their decompressed bytes.

    Returns (order, blobs, deps, skipped): order lists relative .ko paths,
    blobs maps them to content, deps maps them to their dependencies'
    paths, skipped names the wanted modules that are built in.
    """
    index = index_modules(moddir)
    builtin = builtin_modules(moddir)
    order, blobs, deps, skipped = [], {}, {}, []
    visiting = set()

    def visit(name, chain):
        if name in builtin:
            return None
        if name not in index:
            raise SystemExit(f"mkinitramfs: module {name} (needed by "
                             f"{' -> '.join(chain) or 'the wanted list'}) "
                             f"is neither built in nor in {moddir}")
        ko = str(index[name]).removesuffix(".xz")
        if ko in blobs:
            return ko
        if name in visiting:
            raise SystemExit(f"mkinitramfs: dependency cycle at {name}")
        visiting.add(name)
        elf = read_module(moddir / index[name])
        needs = sorted(d.replace("-", "_") for d in
                       modinfo(elf).get("depends", "").split(",") if d)
        dep_paths = [p for p in (visit(d, chain + [name]) for d in needs) if p]
        visiting.discard(name)
        blobs[ko] = elf
        deps[ko] = dep_paths
        order.append(ko)
        return ko

    for name in wanted:
        if name in builtin:
            skipped.append(name)
        else:
            visit(name, [])
    return order, blobs, deps, skipped


def modules_dep(order, deps):
    """modules.dep text, so busybox modprobe also works inside the guest.

    Each line names a module and its full dependency closure, nearest
    first, which is the order modprobe expects.
    """
    lines = []
    for ko in order:
        closure, stack = [], list(deps[ko])
        while stack:
            dep = stack.pop(0)
            if dep not in closure:
                closure.append(dep)
                stack.extend(deps[dep])
        lines.append(f"{ko}: {' '.join(closure)}".rstrip())
    return "".join(line + "\n" for line in sorted(lines))


def busybox_applets(binary):
    """Applet names compiled into busybox, or None if they cannot be found.

    The riscv64 binary cannot run on the build host, but busybox keeps its
    applet names as one NUL-separated, sorted string that starts with the
    "[" and "[[" applets; reading that string is enough to check it.
    """
    start = binary.find(b"[\0[[\0")
    if start < 0:
        return None
    end = binary.find(b"\0\0", start)
    return set(binary[start:end].decode(errors="replace").split("\0"))


def check_applets(binary):
    """Fails on a missing essential applet, warns on a missing useful one."""
    applets = busybox_applets(binary)
    if applets is None:
        print("mkinitramfs: warning: cannot list busybox applets; not checked",
              file=sys.stderr)
        return
    missing = [a for a in ESSENTIAL_APPLETS if a not in applets]
    if missing:
        raise SystemExit(f"mkinitramfs: busybox lacks {', '.join(missing)}")
    missing = [a for a in USEFUL_APPLETS if a not in applets]
    if missing:
        print(f"mkinitramfs: warning: busybox lacks {', '.join(missing)}",
              file=sys.stderr)


def add_overlay(archive, rootfs):
    """Adds the rootfs/ tree; only the executable bit of files is kept."""
    for dirpath, dirnames, filenames in os.walk(rootfs):
        dirnames.sort()
        for name in sorted(dirnames) + sorted(filenames):
            path = Path(dirpath) / name
            rel = str(path.relative_to(rootfs))
            if path.is_symlink():
                archive.add_symlink(rel, os.readlink(path))
            elif path.is_dir():
                archive.add_dir(rel)
            else:
                executable = bool(path.stat().st_mode & 0o111)
                archive.add_file(rel, path.read_bytes(), executable)


def build(args):
    """Assembles the archive from the command line's inputs."""
    archive = Archive()
    for path in SKELETON_DIRS:
        archive.add_dir(path)
    for path, (mode, major, minor) in DEVICE_NODES.items():
        archive.add_node(path, mode, major, minor)

    binary = args.busybox.read_bytes()
    check_applets(binary)
    archive.add_file("bin/busybox", binary, executable=True)
    # /init is a #!/bin/sh script: the shell must exist before /init runs
    # busybox --install.
    archive.add_symlink("bin/sh", "busybox")

    moddir = args.kernel_tree / "usr/lib/modules" / args.kernel_version
    order, blobs, deps, skipped = resolve_modules(moddir, args.modules)
    prefix = f"lib/modules/{args.kernel_version}"
    for ko in order:
        archive.add_file(f"{prefix}/{ko}", blobs[ko])
    # Our own modules (out of tree, no dependencies): loaded last.
    for path in args.extra_modules:
        ko = f"extra/{path.name}"
        archive.add_file(f"{prefix}/{ko}", path.read_bytes())
        order.append(ko)
        deps[ko] = []
    load = "".join(ko + "\n" for ko in order)
    archive.add_file(f"{prefix}/modules.load", load.encode())
    archive.add_file(f"{prefix}/modules.dep",
                     modules_dep(order, deps).encode())
    if (moddir / "modules.builtin").exists():
        archive.add_file(f"{prefix}/modules.builtin",
                         (moddir / "modules.builtin").read_bytes())

    for path, text in GENERATED_FILES.items():
        archive.add_file(path, text.encode())
    add_overlay(archive, args.rootfs)
    for dest, src in args.programs:
        archive.add_file(dest, src.read_bytes(), executable=True)
    if "init" not in archive.entries:
        raise SystemExit(f"mkinitramfs: {args.rootfs} has no init script")

    names = [os.path.basename(k).removesuffix(".ko") for k in order]
    print(f"mkinitramfs: modules {' '.join(names) or '(none)'}"
          + (f"; built in: {' '.join(skipped)}" if skipped else ""))
    return archive


def _program(value):
    """DEST=FILE of --program: archive path and host file."""
    dest, sep, src = value.partition("=")
    if not sep or not dest.strip("/") or not src:
        raise argparse.ArgumentTypeError(f"expected DEST=FILE, not {value!r}")
    return dest.strip("/"), Path(src)


def parse_args(argv):
    """Command line; build.sh passes every path explicitly."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel-tree", type=Path, required=True,
                        help="unpacked linux-image package")
    parser.add_argument("--kernel-version", required=True,
                        help="directory name under usr/lib/modules")
    parser.add_argument("--busybox", type=Path, required=True,
                        help="static riscv64 busybox binary")
    parser.add_argument("--rootfs", type=Path, required=True,
                        help="overlay tree copied into the archive")
    parser.add_argument("--module", dest="modules", action="append",
                        default=[], help="module to add to the default "
                        "set (repeatable): " + ", ".join(WANTED_MODULES))
    parser.add_argument("--extra-module", dest="extra_modules",
                        action="append", default=[], type=Path,
                        metavar="FILE", help="an out-of-tree module (.ko) "
                        "stored under extra/ and loaded last (repeatable)")
    parser.add_argument("--program", dest="programs", action="append",
                        default=[], type=_program, metavar="DEST=FILE",
                        help="executable FILE stored at DEST in the archive "
                        "(repeatable), e.g. bin/rdtime=build/.../rdtime")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    args.modules = list(WANTED_MODULES) + args.modules
    return args


def main(argv):
    args = parse_args(argv)
    archive = build(args)
    with open(args.output, "wb") as out:
        archive.write(out)


if __name__ == "__main__":
    main(sys.argv[1:])
