#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# The README's second command, and what CI runs: install what is missing,
# then every test (host unit tests under ASan+UBSan, lint, QEMU system tests).
set -eu
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
exec make test
