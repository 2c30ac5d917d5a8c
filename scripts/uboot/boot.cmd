# SPDX-License-Identifier: Apache-2.0
# U-Boot boot script (mkimage -T script makes boot.scr of it): U-Boot's
# distro boot finds boot.scr on the boot partition and sets devtype,
# devnum, distro_bootpart and prefix. It loads bao.bin and starts it as it
# would start a Linux Image, with the device tree U-Boot runs on (on QEMU,
# QEMU's own); booti moves it to RAM base + 2 MiB (its header's
# text_offset). docs/boards/README.md explains the alternatives.
echo "Baobab: booting ${prefix}bao.bin from ${devtype} ${devnum}:${distro_bootpart}"
load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} ${prefix}bao.bin
booti ${kernel_addr_r} - ${fdtcontroladdr}
