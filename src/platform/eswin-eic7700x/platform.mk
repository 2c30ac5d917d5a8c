# SPDX-License-Identifier: Apache-2.0
# The ESWIN EIC7700X boards: SiFive HiFive Premier P550, Milk-V Megrez
# (docs/boards/eswin-eic7700x.md). A board, not a QEMU machine: QEMU can
# model its harts (tests/system/test_cpu_models.py) but not its devices.
QEMU_MACHINE :=
