# SPDX-License-Identifier: Apache-2.0
"""The direct-only AIA machine (qemu-riscv64-virt-aplic: QEMU's virt with
aia=aplic, an APLIC and no IMSICs). The hypervisor runs the supervisor
APLIC in direct delivery mode and claims at each hart's interrupt delivery
control (IDC): its console's input, and a VM's passed-through device, whose
interrupts it forwards into the VM's virtual APLIC (direct mode; there are
no guest interrupt files for MSI mode). A level source is held masked from
its forwarding until the guest has served it, so a device that keeps its
line up does not interrupt the hart again and again. The build for this
machine refuses MSI-mode VMs and an MSI machine; the MSI build refuses
this machine (test_aia.py)."""

import re
import subprocess

import pexpect
import pytest

from conftest import (ROOT, boot, build, echo_through_passed_uart, qemu_env,
                      spawn)

APLIC = "qemu-riscv64-virt-aplic"
CONFIGS = "tests/system/configs"
MACHINE = qemu_env.machine(APLIC)
FOCUS_ESCAPE = "\x1c"  # Ctrl-\


def test_the_platform_names_its_qemu_machine():
    assert MACHINE == "virt,aia=aplic"


def test_vms_run_and_console_input_is_claimed_at_the_idc():
    child = spawn(build("fault-containment", platform=APLIC), machine=MACHINE)
    try:
        child.expect(rf"\[baobab\] Baobab hypervisor \S+ on {APLIC}, ")
        child.expect(r"\[baobab\] interrupts: APLIC at 0xd000000 in direct "
                     r"mode \(no IMSICs\): VMs get direct-mode APLICs")
        child.expect(r"\[vm0\] fault: ok")
        child.expect(r"\[vm1\] ticker: 3")
        # Typed input is the console UART's interrupt: source 10, claimed
        # at this hart's IDC.
        child.send(FOCUS_ESCAPE + "1")
        child.expect(r"\[baobab\] console: input goes to VM 1")
        child.send(FOCUS_ESCAPE + "0")
        child.expect(r"\[baobab\] console: input goes to VM 0")
        child.expect(r"\[vm1\] ticker: \d+")
    finally:
        child.close(force=True)
    assert "FATAL" not in child.text()


# On hart 3 the VM's interrupts come to another hart's IDC than the
# hypervisor's console's (on the boot hart).
@pytest.mark.parametrize("harts", ["0", "0x8"])
def test_a_passed_through_devices_interrupts_reach_the_guest(harts):
    child = spawn(build("aia-uart", config_repo=CONFIGS, platform=APLIC,
                        cppflags=f"-DUART_VM_HARTS={harts}"),
                  machine=MACHINE)
    try:
        echo_through_passed_uart(child, "baobab aplic direct host")
    finally:
        child.close(force=True)
    text = child.text()
    assert ("uart: ready (printing through the 16550 at 0x10000000, "
            "interrupts through the aplic)") in text
    taken = int(re.findall(r'uart: got "quit" \((\d+) interrupts\)', text)[0])
    m = re.search(r"\[baobab\] VM 0: (\d+) device interrupts came through "
                  r"the hypervisor", text)
    assert m, text
    # Every one came through the hypervisor; and as the source is held
    # until the guest served it, not many more than the guest took (an
    # unheld level source would come back until the guest got to it).
    assert taken <= int(m.group(1)) <= 2 * taken + 2, text


def test_an_msi_mode_vm_stops_the_build():
    res = subprocess.run(["make", f"PLATFORM={APLIC}", "CONFIG=aia-msi-uart",
                          f"CONFIG_REPO={CONFIGS}"],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode != 0
    assert ("VM 0: platform.arch.irqc.aia.imsic.base is set, but this "
            "platform has no IMSICs (its APLIC delivers directly), so no "
            "guest interrupt files for an MSI-mode VM; leave it 0 (direct "
            "mode)") in res.stderr, res.stderr
    assert not (ROOT / "bin" / APLIC / "aia-msi-uart" / "bao.bin").exists()


@pytest.mark.parametrize("machine,line", [
    ("virt,aia=aplic-imsic",
     r"this machine's APLIC at 0xd000000 delivers by MSIs to IMSICs at "
     rf"0x28000000; the build drives it in direct mode \(platform {APLIC}\)"),
    ("virt",
     r"this machine has a PLIC at 0xc000000 and no APLIC; the build expects "
     rf"an APLIC at 0xd000000 \(platform {APLIC}\)"),
])
def test_another_machine_is_refused(machine, line):
    run = boot(build("baremetal", platform=APLIC), machine=machine)
    assert run.has(rf"^\[baobab\] error: {line}$"), run
    assert run.has(r"^\[baobab\] cannot boot on this machine: powering off$")
    assert not run.vm_lines(0), run
    assert run.status == 0, run


def test_an_emulated_uarts_interrupt_reaches_the_focus_vm():
    child = spawn(build("aia-shared-uart", config_repo=CONFIGS,
                        platform=APLIC), machine=MACHINE)
    try:
        child.expect_lines([f"[vm{vm}] uart: burst 8 of 8 "
                            "abcdefghijklmnopqrstuvwxyz0123456789"
                            for vm in (0, 1)])
        child.send("hello\r")
        child.expect(r'\[vm0\] uart: got "hello" \((\d+) interrupts\)')
        child.send("quit\r")
        child.expect(r"\[baobab\] VM 0 shut down")
        child.send(FOCUS_ESCAPE + "1")
        child.expect(r"\[baobab\] console: input goes to VM 1")
        child.send("quit\r")
        child.expect(r"\[baobab\] no VM left running: powering off")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
