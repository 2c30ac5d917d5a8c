#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/debug.sh BAO_ELF [GUEST_ELF] -- QEMU ARGS...   (make debug)
#
# Starts QEMU halted at its first instruction with its gdb stub on
# GDB_PORT, the console on a pty (its path is printed; the console is also
# logged to DEBUG_LOG), and runs gdb connected to it with the hypervisor's
# symbols and, given one, a guest's. QEMU stops when gdb exits.
#
# Environment: GDB (default gdb-multiarch), GDB_PORT (1234), DEBUG_LOG,
# GDB_BATCH (a file of gdb commands to run instead of a session: scripts
# and the test of this script).
set -euo pipefail

die() { printf 'debug: error: %s\n' "$*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: debug.sh BAO_ELF [GUEST_ELF] -- QEMU ARGS..."
bao_elf=$1; shift
guest_elf=""
if [ "$1" != "--" ]; then guest_elf=$1; shift; fi
[ "${1:-}" = "--" ] || die "usage: debug.sh BAO_ELF [GUEST_ELF] -- QEMU ARGS..."
shift

GDB=${GDB:-gdb-multiarch}
GDB_PORT=${GDB_PORT:-1234}
DEBUG_LOG=${DEBUG_LOG:-$(dirname "$bao_elf")/debug-console.log}
command -v "$GDB" >/dev/null ||
    die "$GDB not found: run scripts/setup-deps.sh (package gdb-multiarch)"
[ -f "$bao_elf" ] || die "$bao_elf: no such file"
[ -z "$guest_elf" ] || [ -f "$guest_elf" ] || die "$guest_elf: no such file"

qemu_out=$(mktemp)
trap 'kill "$qemu_pid" 2>/dev/null || true; rm -f "$qemu_out"' EXIT
"$@" -S -gdb "tcp:127.0.0.1:$GDB_PORT" -display none -monitor none \
    -chardev "pty,id=con,logfile=$DEBUG_LOG" -serial chardev:con \
    >"$qemu_out" 2>&1 &
qemu_pid=$!

# QEMU names the pty once it is up; the stub listens from then on.
for _ in $(seq 100); do
    grep -q "char device redirected.*(label con)" "$qemu_out" && break
    kill -0 "$qemu_pid" 2>/dev/null || die "QEMU did not start: $(cat "$qemu_out")"
    sleep 0.1
done
pty=$(sed -n 's/.*char device redirected to \(\S*\) (label con).*/\1/p' \
    "$qemu_out")
[ -n "$pty" ] || die "QEMU gave no console pty: $(cat "$qemu_out")"
echo "debug: QEMU waits for gdb on port $GDB_PORT; console: $pty" \
     "(e.g. picocom $pty), logged to $DEBUG_LOG"

gdb_cmds=(-ex "set confirm off" -ex "set architecture riscv:rv64"
          -ex "file $bao_elf")
if [ -n "$guest_elf" ]; then
    # A guest's addresses are its own (guest-virtual): they mean the guest
    # while a hart runs it, and may be the hypervisor's otherwise.
    gdb_cmds+=(-ex "add-symbol-file $guest_elf")
fi
gdb_cmds+=(-ex "target remote 127.0.0.1:$GDB_PORT")
[ -z "${GDB_BATCH:-}" ] || gdb_cmds+=(-batch -x "$GDB_BATCH")
"$GDB" -q -nx "${gdb_cmds[@]}"
