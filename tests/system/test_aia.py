# SPDX-License-Identifier: Apache-2.0
"""The AIA platform (qemu-riscv64-virt-aia: QEMU's virt with an APLIC in
MSI mode and IMSICs). The hypervisor takes its console's interrupts as
MSIs in its own interrupt files; VMs without an interrupt controller run
as on the PLIC platform (the fault-containment demo: bad accesses reported
and contained, the other VM ticking). A VM's virtual APLIC is not there
yet, and the build says so; a machine without the AIA the build expects is
named and refused."""

import subprocess

from conftest import ROOT, boot, build, qemu_env, spawn

AIA = "qemu-riscv64-virt-aia"
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
