# SPDX-License-Identifier: Apache-2.0
"""The device trees generated for VMs (tools/vm_dtb.c): each describes
exactly what its VM has, compiles with dtc without a warning, and the
blobs are embedded and indexed in vm_dtbs.o. The trees are read back by
compiling bin/.../vm<i>.dts with dtc and walking the flattened blob."""

import struct
import subprocess

import pytest

from conftest import PLATFORM, ROOT, boot, build

FDT_MAGIC = 0xD00DFEED
FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9
DTB_SLOT = 64 * 1024  # VM_DTB_SLOT_SIZE in src/core/inc/vm_layout.h
PLIC_BASE = 0xC000000
PLIC_SIZE = 0x600000
M_EXT, S_EXT = 11, 9
TEST_CONFIGS = "tests/system/configs"


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.props = {}
        self.children = {}

    @property
    def path(self):
        if self.parent is None:
            return "/"
        up = self.parent.path
        return (up if up.endswith("/") else up + "/") + self.name

    def child(self, name):
        return self.children.get(name)

    def find(self, path):
        node = self
        for part in filter(None, path.split("/")):
            node = node.children[part]
        return node

    def cells(self, prop):
        data = self.props[prop]
        assert len(data) % 4 == 0, f"{self.path}:{prop} is not cells"
        return list(struct.unpack(f">{len(data) // 4}I", data))

    def u64s(self, prop):
        c = self.cells(prop)
        assert len(c) % 2 == 0
        return [(c[i] << 32) | c[i + 1] for i in range(0, len(c), 2)]

    def strings(self, prop):
        data = self.props[prop]
        assert data.endswith(b"\0"), f"{self.path}:{prop} is not a string"
        return data[:-1].decode().split("\0")

    def string(self, prop):
        (s,) = self.strings(prop)
        return s


def parse_fdt(blob):
    """The tree of a flattened device tree blob (Devicetree Spec ch. 5)."""
    (magic, total, off_struct, off_strings, _rsv, version, _last, _cpu,
     size_strings, size_struct) = struct.unpack_from(">10I", blob, 0)
    assert magic == FDT_MAGIC and total == len(blob) and version >= 17
    strings = blob[off_strings:off_strings + size_strings]
    pos, end = off_struct, off_struct + size_struct
    root, node = None, None
    while pos < end:
        (token,) = struct.unpack_from(">I", blob, pos)
        pos += 4
        if token == FDT_BEGIN_NODE:
            nul = blob.index(b"\0", pos)
            name = blob[pos:nul].decode()
            pos = (nul + 4) & ~3
            new = Node(name, node)
            if node is None:
                root = new
            else:
                assert name not in node.children, f"duplicate node {name}"
                node.children[name] = new
            node = new
        elif token == FDT_END_NODE:
            node = node.parent
        elif token == FDT_PROP:
            length, nameoff = struct.unpack_from(">II", blob, pos)
            pos += 8
            pname = strings[nameoff:strings.index(b"\0", nameoff)].decode()
            node.props[pname] = blob[pos:pos + length]
            pos = (pos + length + 3) & ~3
        elif token == FDT_NOP:
            continue
        elif token == FDT_END:
            break
        else:
            raise AssertionError(f"bad FDT token {token:#x}")
    return root


def compile_dts(path):
    """dtc must accept the source without a single warning."""
    assert path.exists(), f"{path} was not generated"
    res = subprocess.run(["dtc", "-I", "dts", "-O", "dtb", "-o", "-",
                          str(path)], capture_output=True)
    assert res.returncode == 0, res.stderr.decode()
    assert res.stderr == b"", f"dtc warned about {path}:\n" \
                              f"{res.stderr.decode()}"
    return parse_fdt(res.stdout)


def phandles(root):
    out = {}

    def walk(n):
        if "phandle" in n.props:
            out[n.cells("phandle")[0]] = n
        for c in n.children.values():
            walk(c)
    walk(root)
    return out


def isa_parts(isa):
    assert isa.startswith("rv64"), isa
    base, *multi = isa[4:].split("_")
    return base, multi


# What each configuration gives each VM: vCPUs, memory (base, size),
# devices by node name: (size, interrupt or None), and Linux extras. A VM
# that does not own the UART has the emulated one in its place.
GUEST_BIN = ROOT / "build" / "guests" / "baremetal" / "baremetal.bin"
VIRTIO = {f"virtio_mmio@{0x10001000 + n * 0x1000:x}": (0x1000, 1 + n)
          for n in range(8)}
CASES = {
    "baremetal-4cpu": (None, [
        dict(cpus=4, mem=[(0x80000000, 0x8000000)], plic=True,
             devs={"serial@10000000": (0x100, 10)}, stdout=True),
    ]),
    "two-baremetal": (None, [
        dict(cpus=3, mem=[(0x80000000, 0x4000000)], plic=False,
             devs={"serial@10000000": (0x100, None)}, stdout=True),
        dict(cpus=1, mem=[(0x80000000, 0x4000000)], plic=False,
             devs={"serial@10000000": (0x100, None)}, stdout=True),
    ]),
    "baremetal-uart": (None, [
        dict(cpus=1, mem=[(0x80000000, 0x4000000)], plic=True,
             devs={"serial@10000000": (0x100, 10)}, stdout=True),
    ]),
    "dtb-full": (TEST_CONFIGS, [
        dict(cpus=2, mem=[(0x80000000, 0x4000000), (0x90000000, 0x200000)],
             plic=True,
             devs={"serial@10000000": (0x100, 10), **VIRTIO,
                   "passthrough@200000": (0x1000, None),
                   "bao-ipc@f0000000": (0x10000, 52)},
             stdout=True, bootargs="console=ttyS0 earlycon", initrd=True,
             other_irqs=[20]),
        None,  # VM 1 brings its own dtb
    ]),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def built(request):
    name = request.param
    repo, vms = CASES[name]
    build(name, config_repo=repo)
    return name, vms


def dts_of(name, vm, sstc=True):
    if sstc:
        return ROOT / "bin" / PLATFORM / name / f"vm{vm}.dts"
    return ROOT / "build" / PLATFORM / name / "dtb" / f"vm{vm}-nosstc.dts"


def test_one_tree_per_vm_without_its_own(built):
    name, vms = built
    for i, vm in enumerate(vms):
        assert dts_of(name, i).exists() == (vm is not None), i
        assert dts_of(name, i, sstc=False).exists() == (vm is not None), i
    assert not dts_of(name, len(vms)).exists()


def test_root_and_cpus(built):
    name, vms = built
    for i, vm in enumerate(vms):
        if vm is None:
            continue
        for sstc in (True, False):
            root = compile_dts(dts_of(name, i, sstc))
            assert root.cells("#address-cells") == [2]
            assert root.cells("#size-cells") == [2]
            assert root.strings("compatible") == ["baobab,vm"]
            assert root.string("model") == f"Baobab VM {i} on {PLATFORM}"
            cpus = root.child("cpus")
            assert cpus.cells("#address-cells") == [1]
            assert cpus.cells("#size-cells") == [0]
            assert cpus.cells("timebase-frequency") == [10000000]
            assert sorted(cpus.children) == \
                sorted(f"cpu@{n:x}" for n in range(vm["cpus"]))
            for n in range(vm["cpus"]):
                cpu = cpus.child(f"cpu@{n:x}")
                assert cpu.cells("reg") == [n]
                assert cpu.string("device_type") == "cpu"
                assert cpu.string("status") == "okay"
                assert cpu.strings("compatible") == ["riscv"]
                assert cpu.string("mmu-type") == "riscv,sv48"
                assert cpu.string("riscv,isa-base") == "rv64i"
                base, multi = isa_parts(cpu.string("riscv,isa"))
                assert "h" not in base and base.startswith("i"), base
                assert ("sstc" in multi) == sstc
                exts = cpu.strings("riscv,isa-extensions")
                assert exts == list(base) + multi
                assert "h" not in exts
                intc = cpu.child("interrupt-controller")
                assert intc.strings("compatible") == ["riscv,cpu-intc"]
                assert intc.cells("#interrupt-cells") == [1]
                assert "interrupt-controller" in intc.props
                # Referred to by the PLIC, when there is one.
                assert ("phandle" in intc.props) == vm["plic"]


def test_memory_matches_the_config(built):
    name, vms = built
    for i, vm in enumerate(vms):
        if vm is None:
            continue
        root = compile_dts(dts_of(name, i))
        mems = {n: c for n, c in root.children.items()
                if n.startswith("memory")}
        assert sorted(mems) == sorted(f"memory@{b:x}" for b, _ in vm["mem"])
        for base, size in vm["mem"]:
            node = mems[f"memory@{base:x}"]
            assert node.string("device_type") == "memory"
            assert node.u64s("reg") == [base, size]


def test_plic_serves_exactly_the_vcpus(built):
    name, vms = built
    for i, vm in enumerate(vms):
        if vm is None:
            continue
        root = compile_dts(dts_of(name, i))
        soc = root.child("soc")
        plic = soc and soc.child(f"interrupt-controller@{PLIC_BASE:x}")
        if not vm["plic"]:
            assert plic is None
            continue
        assert plic.strings("compatible") == ["sifive,plic-1.0.0",
                                              "riscv,plic0"]
        assert plic.u64s("reg") == [PLIC_BASE, PLIC_SIZE]
        assert plic.cells("#interrupt-cells") == [1]
        assert plic.cells("#address-cells") == [0]
        assert plic.cells("riscv,ndev") == [95]
        assert "interrupt-controller" in plic.props
        handles = phandles(root)
        ext = plic.cells("interrupts-extended")
        pairs = [(handles[ext[k]].parent.path, ext[k + 1])
                 for k in range(0, len(ext), 2)]
        want = []
        for n in range(vm["cpus"]):
            want += [(f"/cpus/cpu@{n:x}", M_EXT), (f"/cpus/cpu@{n:x}", S_EXT)]
        assert pairs == want


def test_devices_at_their_guest_address_with_their_interrupt(built):
    name, vms = built
    for i, vm in enumerate(vms):
        if vm is None:
            continue
        root = compile_dts(dts_of(name, i))
        soc = root.child("soc")
        devs = {n: c for n, c in (soc.children.items() if soc else ())
                if not n.startswith("interrupt-controller@")}
        assert sorted(devs) == sorted(vm["devs"]), "unexpected soc nodes"
        if soc:
            assert soc.strings("compatible") == ["simple-bus"]
            assert soc.props["ranges"] == b""
        plic = soc and soc.child(f"interrupt-controller@{PLIC_BASE:x}")
        for nname, (size, irq) in vm["devs"].items():
            node = devs[nname]
            base = int(nname.split("@")[1], 16)
            assert node.u64s("reg") == [base, size], nname
            if irq is None:
                assert "interrupts" not in node.props, nname
                continue
            assert node.cells("interrupts") == [irq], nname
            assert node.cells("interrupt-parent") == plic.cells("phandle")
        if "serial@10000000" in devs:
            serial = devs["serial@10000000"]
            assert serial.strings("compatible") == ["ns16550a"]
            assert serial.cells("clock-frequency") == [0x384000]
        other = root.child("passthrough-interrupts")
        if vm.get("other_irqs"):
            assert other.cells("interrupts") == vm["other_irqs"]
            assert other.cells("interrupt-parent") == plic.cells("phandle")
        else:
            assert other is None


def test_chosen(built):
    name, vms = built
    for i, vm in enumerate(vms):
        if vm is None:
            continue
        chosen = compile_dts(dts_of(name, i)).child("chosen")
        assert chosen is not None
        if vm.get("stdout"):
            assert chosen.string("stdout-path") == "/soc/serial@10000000"
        else:
            assert "stdout-path" not in chosen.props
        if vm.get("bootargs"):
            assert chosen.string("bootargs") == vm["bootargs"]
        else:
            assert "bootargs" not in chosen.props
        if not vm.get("initrd"):
            assert "linux,initrd-start" not in chosen.props
            continue
        # Right below the DTB slot at the top of the region holding entry.
        size = GUEST_BIN.stat().st_size
        top = 0x80000000 + 0x4000000 - DTB_SLOT
        start = (top - size) & ~0xFFF
        assert chosen.u64s("linux,initrd-start") == [start]
        assert chosen.u64s("linux,initrd-end") == [start + size]


def test_blobs_are_embedded_and_indexed(built):
    name, vms = built
    obj = ROOT / "build" / PLATFORM / name / "vm_dtbs.o"
    dtbs = ROOT / "build" / PLATFORM / name / "dtb"
    syms = subprocess.run(["riscv64-unknown-elf-nm", "-S", str(obj)],
                          capture_output=True, text=True, check=True).stdout
    sizes = {l.split()[3]: int(l.split()[1], 16)
             for l in syms.splitlines() if len(l.split()) == 4}
    assert sizes["vm_dtb_table"] == 32 * len(vms)
    assert sizes["vm_dtb_count"] == 8
    raw = dtbs / "rodata.bin"
    subprocess.run(["riscv64-unknown-elf-objcopy", "-O", "binary",
                    "--only-section=.rodata", str(obj), str(raw)], check=True)
    data = raw.read_bytes()
    raw.unlink()
    offs = {l.split()[3]: int(l.split()[0], 16)
            for l in syms.splitlines() if len(l.split()) == 4}
    (count,) = struct.unpack_from("<Q", data, offs["vm_dtb_count"])
    assert count == len(vms)
    for i, vm in enumerate(vms):
        _, ssize, _, nsize = struct.unpack_from(
            "<4Q", data, offs["vm_dtb_table"] + 32 * i)
        if vm is None:
            assert (ssize, nsize) == (0, 0)
            continue
        for sfx, size in (("", ssize), ("-nosstc", nsize)):
            blob = (dtbs / f"vm{i}{sfx}.dtb").read_bytes()
            assert size == len(blob) <= DTB_SLOT
            assert blob in data


def test_guest_reads_the_tree_it_is_given():
    """The guest parses the tree at a1 and reports what it found."""
    run = boot(build("dtb-guest", config_repo="tests/system/configs"))
    lines = run.vm_lines(0)
    assert "dtb: 0x83ff0000" in lines, run
    assert "dtb: cpus 2 timebase 10000000" in lines, run
    assert "dtb: memory 0x80000000 0x4000000" in lines, run
    assert "dtb: memory 0x100000000 0x200000" in lines, run
    for n in range(8):
        assert f"dtb: device virtio_mmio@{0x10001000 + n * 0x1000:x} " \
               f"irq {n + 1}" in lines, run
    # The RTC at its guest address, not its physical one.
    assert "dtb: device rtc@20000000 irq 11" in lines, run
    assert "dtb: plic interrupt-controller@c000000" in lines, run
    assert 'dtb: bootargs "hello from the config"' in lines, run
    assert "baremetal: all 2 harts done" in lines, run
