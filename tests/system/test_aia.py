# SPDX-License-Identifier: Apache-2.0
"""The AIA platform (qemu-riscv64-virt-aia: QEMU's virt with an APLIC in
MSI mode and IMSICs). The hypervisor takes its console's interrupts as
MSIs in its own interrupt files; VMs without an interrupt controller run
as on the PLIC platform (the fault-containment demo: bad accesses reported
and contained, the other VM ticking); a VM with
platform.arch.irqc.aia.aplic.base gets a virtual APLIC in direct mode,
through which a passed-through device's interrupt and an emulated UART's
reach the guest; with platform.arch.irqc.aia.imsic.base too (MSI mode) its
vCPUs get their harts' guest interrupt files, where a passed-through
device's MSIs go straight from the physical APLIC and an emulated UART's
from the hypervisor. A machine without the AIA the build expects is named
and refused."""

import re
import subprocess

import pexpect
import pytest

from conftest import (ROOT, boot, build, build_output, echo_through_passed_uart,
                      qemu_env, spawn)

AIA = "qemu-riscv64-virt-aia"
CONFIGS = "tests/system/configs"
AIA_MACHINE = qemu_env.machine(AIA)
FOCUS_ESCAPE = "\x1c"  # Ctrl-\
REPORT = (r"\[baobab\] warning: VM 0 vCPU 0: {} at 0x40000000 outside its "
          r"memory \(pc 0x[0-9a-f]+\)")


def test_the_platform_names_its_qemu_machine():
    assert AIA_MACHINE == "virt,aia=aplic-imsic,aia-guests=1"


def test_vms_run_and_console_input_comes_by_msi():
    child = spawn(build("fault-containment", platform=AIA),
                  machine=AIA_MACHINE)
    try:
        child.expect(rf"\[baobab\] Baobab hypervisor \S+ on {AIA}, ")
        # The hypervisor's own IPIs go through the harts' interrupt files
        # (identity 97), not through the firmware.
        child.expect(r"\[baobab\] interrupts: APLIC at 0xd000000 in MSI "
                     r"mode, IMSICs at 0x28000000, guest interrupt files per "
                     r"hart: 1; IPIs between harts through the files")
        for access in ("load", "store", "fetch"):
            child.expect(REPORT.format(access))
        child.expect(r"\[vm0\] fault: ok")
        child.expect(r"\[vm1\] ticker: 3")
        # Typed input is the console UART's interrupt: APLIC source 10,
        # an MSI into this hart's supervisor interrupt file.
        child.send(FOCUS_ESCAPE + "1")
        child.expect(r"\[baobab\] console: input goes to VM 1")
        child.send(FOCUS_ESCAPE + "0")
        child.expect(r"\[baobab\] console: input goes to VM 0")
        child.expect(r"\[vm1\] ticker: \d+")
    finally:
        child.close(force=True)
    assert "FATAL" not in child.text()


def assert_refused(run, line):
    assert run.has(line), run
    assert run.has(r"^\[baobab\] cannot boot on this machine: powering off$")
    assert not run.vm_lines(0), run
    assert run.status == 0, run


def test_a_plic_machine_is_refused():
    run = boot(build("baremetal", platform=AIA), machine="virt")
    assert_refused(run, r"^\[baobab\] error: this machine has a PLIC at "
                        r"0xc000000 and no APLIC; the build expects an APLIC "
                        rf"at 0xd000000 \(platform {AIA}\)$")


def test_an_aplic_without_imsics_is_refused():
    run = boot(build("baremetal", platform=AIA), machine="virt,aia=aplic")
    assert_refused(run, r"^\[baobab\] error: this machine's APLIC at "
                        r"0xd000000 delivers directly \(no IMSIC\); the build "
                        rf"needs it in MSI mode with IMSICs \(platform {AIA}\)$")


def test_a_plic_config_stops_the_build():
    # baremetal-uart gives its VM a PLIC: not on this board.
    res = subprocess.run(["make", f"PLATFORM={AIA}", "CONFIG=baremetal-uart"],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode != 0
    assert ("VM 0: platform.arch.irqc.plic.base is set, but this platform's "
            "interrupt controller is an APLIC: use "
            "platform.arch.irqc.aia.aplic.base") in res.stderr, res.stderr
    assert not (ROOT / "bin" / AIA / "baremetal-uart" / "bao.bin").exists()


# On hart 3 the vCPU's interrupts go to another hart's interrupt file than
# the hypervisor's console's (on the boot hart). Direct mode: through the
# hypervisor's file into the vAPLIC; MSI mode: into the vCPU's guest file.
@pytest.mark.parametrize("config,irqc", [("aia-uart", "aplic"),
                                         ("aia-msi-uart", "aplic-msi")])
@pytest.mark.parametrize("harts", ["0", "0x8"])
def test_a_passed_through_devices_interrupts_reach_the_guest(config, irqc,
                                                             harts):
    child = spawn(build(config, config_repo=CONFIGS, platform=AIA,
                        cppflags=f"-DUART_VM_HARTS={harts}"),
                  machine=AIA_MACHINE)
    try:
        echo_through_passed_uart(child, f"baobab {irqc}")
    finally:
        child.close(force=True)
    text = child.text()
    assert (f"uart: ready (printing through the 16550 at 0x10000000, "
            f"interrupts through the {irqc})") in text
    # In MSI mode the UART's interrupts went from the APLIC into the guest
    # file: none through the hypervisor. In direct mode every one did.
    taken = int(re.findall(r'uart: got "quit" \((\d+) interrupts\)', text)[0])
    m = re.search(r"\[baobab\] VM 0: (\d+) device interrupts came through "
                  r"the hypervisor", text)
    assert m, text
    if irqc == "aplic-msi":
        assert int(m.group(1)) == 0, text
    else:
        assert int(m.group(1)) >= taken, text


def test_an_msi_vm_needs_guest_interrupt_files():
    # aia-guests=0: the harts have no guest file to give the VM.
    run = boot(build("aia-msi-uart", config_repo=CONFIGS, platform=AIA),
               machine="virt,aia=aplic-imsic")
    assert run.has(r"^\[baobab\] error: VM 0: platform\.arch\.irqc\.aia\."
                   r"imsic\.base is set, but this machine's harts have no "
                   r"guest interrupt file for it \(QEMU: -M virt,"
                   r"aia=aplic-imsic,aia-guests=1\)$"), run
    assert run.has(r"^\[baobab\] error: VM setup: cannot boot, powering "
                   r"off$"), run
    assert not run.vm_lines(0), run


def test_the_guest_tree_of_an_msi_vm_has_its_interrupt_files():
    build("aia-msi-uart", config_repo=CONFIGS, platform=AIA)
    dts = (ROOT / "bin" / AIA / "aia-msi-uart" / "vm0.dts").read_text()
    aplic = re.search(r"aplic: interrupt-controller@d000000 \{(.*?)\};", dts,
                      re.S)
    imsics = re.search(r"imsics: interrupt-controller@28000000 \{(.*?)\};",
                       dts, re.S)
    assert aplic and imsics, dts
    # The APLIC sends MSIs to the files: no IDCs.
    assert "msi-parent = <&imsics>;" in aplic.group(1)
    assert "interrupts-extended" not in aplic.group(1)
    # One file (page) per vCPU, each its supervisor external interrupt.
    for prop in ('compatible = "riscv,imsics";',
                 "reg = <0x0 0x28000000 0x0 0x1000>;",
                 "#interrupt-cells = <0>;", "msi-controller;",
                 "riscv,num-ids = <255>;",
                 "interrupts-extended = <&cpu0_intc 9>;"):
        assert prop in imsics.group(1), imsics.group(1)
    # Ssaia only here: a direct-mode VM has no file behind stopei.
    assert re.search(r'riscv,isa = "[^"]*_ssaia[_"]', dts), dts
    build("aia-uart", config_repo=CONFIGS, platform=AIA)
    direct = (ROOT / "bin" / AIA / "aia-uart" / "vm0.dts").read_text()
    assert "ssaia" not in direct


def test_the_guest_tree_has_a_direct_mode_aplic():
    build("aia-uart", config_repo=CONFIGS, platform=AIA)
    dts = (ROOT / "bin" / AIA / "aia-uart" / "vm0.dts").read_text()
    aplic = re.search(r"aplic: interrupt-controller@d000000 \{(.*?)\};", dts,
                      re.S)
    assert aplic, dts
    assert 'compatible = "riscv,aplic";' in aplic.group(1)
    assert "#interrupt-cells = <2>;" in aplic.group(1)
    assert "riscv,num-sources = <96>;" in aplic.group(1)
    # Direct mode: one IDC per vCPU, no msi-parent.
    assert "interrupts-extended = <&cpu0_intc 9>;" in aplic.group(1)
    assert "msi-parent" not in dts
    # The UART: source 10, level-high (4).
    assert re.search(r"serial@10000000 \{[^}]*interrupt-parent = <&aplic>;"
                     r"[^}]*interrupts = <10 4>;", dts), dts


@pytest.mark.parametrize("config", ["aia-shared-uart", "aia-msi-shared-uart"])
def test_an_emulated_uarts_interrupt_reaches_the_focus_vm(config):
    out = build_output(config, config_repo=CONFIGS, platform=AIA)
    assert "emulated 16550" in out, out
    child = spawn(ROOT / "bin" / AIA / config / "bao.bin",
                  machine=AIA_MACHINE)
    try:
        child.expect_lines([f"[vm{vm}] uart: burst 8 of 8 "
                            "abcdefghijklmnopqrstuvwxyz0123456789"
                            for vm in (0, 1)])
        child.send("hello\r")
        child.expect(r'\[vm0\] uart: got "hello" \((\d+) interrupts\)')
        assert int(child.match.group(1)) >= 1
        child.send(FOCUS_ESCAPE + "1")
        child.expect(r"\[baobab\] console: input goes to VM 1")
        child.send("world\r")
        child.expect(r'\[(vm\d)\] uart: got "world"')
        assert child.match.group(1) == "vm1"
        child.send("quit\r")
        child.expect(r"\[baobab\] VM 1 shut down")
        child.send(FOCUS_ESCAPE + "0")
        child.expect(r"\[baobab\] console: input goes to VM 0")
        child.send("quit\r")
        child.expect(r"\[baobab\] no VM left running: powering off")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)


# The guest's IPIs are stores into its vCPUs' guest interrupt files (as
# Linux sends them): nothing of the hypervisor's is in their way. A store
# beyond the files is the VM's fault, reported and contained. The same
# image natively on the machine's own files.
@pytest.mark.parametrize("where", ["vm", "native"])
def test_ipis_are_stores_into_the_vcpus_interrupt_files(where):
    if where == "vm":
        run = boot(build("aia-ipi", config_repo=CONFIGS, platform=AIA),
                   machine=AIA_MACHINE)
        prefix = r"\[vm0\] "
    else:
        build("aia-ipi", config_repo=CONFIGS, platform=AIA)
        run = boot(ROOT / "build" / "guests" / "baremetal" /
                   "baremetal-aiaipi.bin", smp=2, mem="256M",
                   machine="virt,aia=aplic-imsic")
        prefix = ""
    assert run.has(rf"^{prefix}aiaipi: 10 round trips by stores into the "
                   r"interrupt files$"), run
    assert run.has(rf"^{prefix}aiaipi: a store beyond the files faulted "
                   r"\(scause 7\)$"), run
    if where == "vm":
        assert run.has(r"^\[baobab\] warning: VM 0 vCPU 0: store at "
                       r"0x28002000 outside its memory"), run
    assert "FAIL" not in run.output
