# SPDX-License-Identifier: Apache-2.0
# The SpacemiT K3 boards: K3 Pico-ITX, CoM260 (docs/boards/spacemit-k3.md).
# A board, not a QEMU machine.
QEMU_MACHINE :=
