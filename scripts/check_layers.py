#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The layering rules of docs/hacking.md, checked (make lint runs this).

1. Includes: each layer includes only the layers below it (LAYERS).
2. core/ names no RISC-V mechanism (CORE_FORBIDDEN).
3. Symbols (with --objs DIR, a built tree): core objects reach arch objects
   only through the hooks declared in HOOK_HEADERS.
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARCH = "src/arch/riscv"

# Where an #include <...> is looked up, in order, and the layer it names.
SEARCH = [
    ("src/core/inc", "core"),
    ("src/lib/inc", "lib"),
    (f"{ARCH}/inc", "arch"),
    (f"{ARCH}/irqc", "arch"),
    ("src/platform/drivers", "platform"),
]
# The arch headers core may see: data types only (the architecture's part
# of the configuration, platform and machine; its vCPU and VM state), so
# that core can embed them.
ARCH_TYPES = {"arch/types.h", "arch/vcpu_regs.h"}
# The arch headers the host tools may use: the ISA-string code, which they
# share with the hypervisor to write guests' riscv,isa, and the geometry of
# the interrupt controller VMs are shown, which their trees describe.
TOOLS_ARCH = {"arch/isa.h", "arch/vm_irqc.h"}
# Where core declares the hooks arch implements: the hypervisor's, and the
# configuration checker's (which the host tools link too).
HOOK_HEADERS = ("src/core/inc/core/arch_hooks.h",
                "src/core/inc/core/config_check_arch.h")
# Core headers a platform description may use: the description itself and
# the hypervisor's log.
PLATFORM_CORE = {"core/platform.h", "core/console.h"}

# Layer of a source directory, and the layers it may include.
LAYERS = {
    "lib": {"lib"},
    "core": {"core", "lib"},
    "arch": {"arch", "core", "lib"},
    "platform": {"platform", "lib"},
    "tools": {"tools", "core", "lib"},
}

CORE_FORBIDDEN = re.compile(
    r"\b(v?plic\w*|aplic\w*|imsic\w*|sstc\w*|csr\w*|sv39\w*|sv48\w*|"
    r"risc-?v\w*|ecall\w*|hgatp|vsstatus|htinst|htval|stval|scause|sbi_\w*)",
    re.IGNORECASE)


def layer_of(path):
    p = path.relative_to(ROOT).as_posix()
    for prefix, layer in (("src/lib/", "lib"), ("src/core/", "core"),
                          ("src/arch/", "arch"), ("src/platform/", "platform"),
                          ("tools/", "tools")):
        if p.startswith(prefix):
            return layer
    return None


def resolve(name, including):
    """The layer a header belongs to, or None for a system header."""
    local = including.parent / name
    if local.exists():
        return layer_of(local.resolve())
    for d, layer in SEARCH:
        if (ROOT / d / name).exists():
            return layer
    return None


def sources():
    for d in ("src", "tools"):
        for f in sorted((ROOT / d).rglob("*")):
            if f.suffix in (".c", ".h", ".S"):
                yield f


def check_includes(errors):
    inc = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
    for f in sources():
        layer = layer_of(f)
        allowed = LAYERS[layer]
        for m in inc.finditer(f.read_text()):
            name = m.group(1)
            target = resolve(name, f)
            if target is None or target in allowed:
                continue
            if layer == "core" and name in ARCH_TYPES:
                continue
            if layer == "platform" and name in PLATFORM_CORE:
                continue
            if layer == "tools" and name in TOOLS_ARCH:
                continue
            line = f.read_text().count("\n", 0, m.start()) + 1
            errors.append(f"{f.relative_to(ROOT)}:{line}: {layer} includes "
                          f"<{name}> ({target})")


def check_core_terms(errors):
    for f in sources():
        if layer_of(f) != "core":
            continue
        for n, text in enumerate(f.read_text().splitlines(), 1):
            m = CORE_FORBIDDEN.search(text)
            if m:
                errors.append(f"{f.relative_to(ROOT)}:{n}: core names a "
                              f"RISC-V mechanism: {m.group(0)!r}")


def hooks():
    text = "".join((ROOT / h).read_text() for h in HOOK_HEADERS)
    return set(re.findall(r"\b(arch_\w+)\s*\(", text))


def nm(objs, *flags):
    out = subprocess.run(["riscv64-unknown-elf-nm", *flags, *map(str, objs)],
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def check_symbols(objdir, errors):
    core = sorted((objdir / "src/core").glob("*.o"))
    arch = sorted((objdir / ARCH).rglob("*.o"))
    if not core or not arch:
        errors.append(f"{objdir}: no objects to check")
        return
    defined = {l.split()[-1] for l in nm(arch, "--defined-only")
               if len(l.split()) == 3 and l.split()[1] in "TDRBSG"}
    needed = {l.split()[-1] for l in nm(core, "-u") if l.strip()}
    declared = hooks()
    for sym in sorted(needed & defined):
        if sym not in declared:
            errors.append(f"core uses {sym}, defined in arch but not a hook "
                          f"declared in {' or '.join(HOOK_HEADERS)}")
    # arch_ names a hook and nothing else.
    for sym in sorted(s for s in defined if s.startswith("arch_")):
        if sym not in declared:
            errors.append(f"arch defines {sym}: arch_ is for hooks declared "
                          f"in {' or '.join(HOOK_HEADERS)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--objs", type=pathlib.Path, action="append", default=[],
                    help="a build's object directory, for the symbol check "
                         "(again for each build: one per interrupt "
                         "controller)")
    args = ap.parse_args()
    errors = []
    check_includes(errors)
    check_core_terms(errors)
    for objdir in args.objs:
        check_symbols(objdir, errors)
    for e in errors:
        print(e)
    if errors:
        print(f"layers: {len(errors)} violation(s) of docs/hacking.md")
        return 1
    print("layers: clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
