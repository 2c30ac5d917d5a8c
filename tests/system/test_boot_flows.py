# SPDX-License-Identifier: Apache-2.0
"""bao.bin started as users start it beyond `-kernel` (boot_flows.py): as
one firmware file (`make firmware`), and the board flow, Debian's U-Boot
loading it from a disk with its boot script (booti) or as the FIT image
typed at its prompt (bootm, where bao.bin runs in place, relocated). The
seed configs run as they do under -kernel: the baremetal VM's checks, and
Linux beside a baremetal VM, talking over IPC."""

import os
import re

import pexpect
import pytest

import boot_flows
import boot_images
import qemu_env
from conftest import MACHINE, PLATFORM, QEMU, Console, scaled
from linux import Machine, no_trouble

FLOWS = ["firmware", "booti", "bootm"]
DEFAULT_LOAD = 0x80200000  # where -kernel, fw_jump and booti put it
# bootm: U-Boot's kernel_addr_r on QEMU, where the FIT is loaded; bao.bin
# lies in it on a page boundary (scripts/boot_images.py).
FIT_LOAD = 0x84000000


def boot_baremetal(boot, timeout=90):
    args = ["-nographic", "-M", MACHINE, "-cpu", "rv64", "-m", "4G", "-smp",
            "4", *boot_flows.qemu_args(boot, "baremetal")]
    console = Console(pexpect.spawn(QEMU, args, timeout=scaled(timeout),
                                    encoding="utf-8", codec_errors="replace"))
    try:
        if boot == "bootm":
            boot_flows.bootm_fit(console)
        console.expect(r"\[baobab\] no VM left running: powering off")
        console.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        pytest.fail(f"{boot}: no power-off ({type(e).__name__}); console:\n"
                    f"{console.text()[-4000:]}")
    finally:
        console.close(force=True)
    return console.text()


def assert_where_it_ran(boot, text):
    at = boot_flows.running_at(text)
    if boot == "bootm":
        assert FIT_LOAD < at < FIT_LOAD + 0x200000 and at % 0x1000 == 0, \
            hex(at)
    else:
        assert at == DEFAULT_LOAD, hex(at)


@pytest.mark.parametrize("boot", FLOWS)
def test_the_baremetal_config_runs(boot):
    text = boot_baremetal(boot)
    assert_where_it_ran(boot, text)
    assert "[vm0] baremetal: all 1 harts done" in text, text[-3000:]
    assert not re.search(r"FATAL|\[baobab\] error", text), text[-3000:]
    if boot == "firmware":
        # Debian's OpenSBI, entered through our stub, handed bao.bin
        # QEMU's own tree: not fw_jump's copy at a fixed address.
        assert re.search(r"^Domain0 Next Address\s+: 0x0*80200000$", text,
                         re.MULTILINE), text[:3000]
        assert not re.search(r"^Domain0 Next Arg1\s+: 0x0*82200000$", text,
                             re.MULTILINE), text[:3000]
    else:
        assert re.search(r"^U-Boot 20\d\d\.\d\d", text, re.MULTILINE), \
            text[:3000]
    if boot == "booti":
        assert "Found U-Boot script /boot.scr" in text
        assert "Baobab: booting /bao.bin from virtio 0:1" in text
        assert "Moving Image from 0x84000000 to 0x80200000" in text


def test_the_firmware_file_holds_the_opensbi_of_the_qemu_named_to_make():
    # As users type it: QEMU= on make's command line, not in the
    # environment. The file must hold that QEMU's fw_dynamic (on QEMU 10.0,
    # OpenSBI 1.5.1, not Debian 12's 1.1).
    env = {k: v for k, v in os.environ.items() if k != "QEMU"}
    chosen = os.environ.get("QEMU", "qemu-system-riscv64")
    image = boot_flows.make("firmware", "baremetal", args=[f"QEMU={chosen}"],
                            env=env).read_bytes()
    fw = (qemu_env.opensbi_dir() / "fw_dynamic.bin").read_bytes()
    fw_off, _ = boot_images.stub_layout()
    assert image[fw_off:fw_off + len(fw)] == fw, \
        f"firmware.bin does not hold {qemu_env.opensbi_dir()}/fw_dynamic.bin"


@pytest.fixture(scope="module", params=FLOWS)
def linux(request):
    m = Machine("baremetal-linux-shmem", boot=request.param)
    m.boot = request.param
    try:
        m.wait_console(r"^\[vm0\] ipc: ready$")
        m.wait_console(r"^\[vm1\] Enter 'help'")
        m.open_hvc()
        yield m
    finally:
        m.close()


def test_linux_and_ipc_run(linux):
    # bao.bin with Linux and its initramfs is 35 MB: past the 32 MiB at
    # which fw_jump would have copied the tree over it.
    assert_where_it_ran(linux.boot, linux.log)
    linux.sh("killall cat; cat /dev/baoipc0 > /tmp/in & true")
    linux.sh("printf 'Hello, Bao!\\n' > /dev/baoipc0")
    linux.wait_console(r'^\[vm0\] ipc: received "Hello, Bao!"$')
    assert linux.sh("nproc").strip() == "3"
    no_trouble(linux.log)
