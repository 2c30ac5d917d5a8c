#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# The README's second command, and what CI runs: install what is missing,
# then every test (host unit tests under ASan+UBSan, lint, a short run of
# every fuzzer, QEMU system tests)
# on each QEMU users have: Debian 12's 7.2 and bookworm-backports' 10.0
# (scripts/qemu.sh). QEMU_VERSIONS="10.0" scripts/test.sh runs one only.
set -eu
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
versions=${QEMU_VERSIONS:-7.2 10.0}
# Get every QEMU first: a missing one stops the run before hours of tests.
for v in $versions; do scripts/qemu.sh "$v" >/dev/null; done

make test-unit lint bench-build fuzz-smoke
for v in $versions; do
    echo "test.sh: system tests on QEMU $v"
    make test-system QEMU="$v"
done
