# SPDX-License-Identifier: Apache-2.0
# Any board whose device tree describes it (src/platform/generic/
# platform.c): `make run` and the tests use QEMU's virt machine, whose
# PLIC and AIA flavours it runs on alike.
QEMU_MACHINE := virt
