#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Style and static checks: clang-format (the repo's .clang-format),
# cppcheck, an SPDX line on every file, and the layering rules of
# docs/hacking.md (check_layers.py; with --objs DIR, repeatable, also on
# the objects of a build). `scripts/lint.sh --fix`
# reformats instead of checking.
set -eu
cd "$(dirname "$0")/.."

FILES=$(git ls-files --cached --others --exclude-standard \
        'src/*.c' 'src/*.h' 'guests/*.c' 'guests/*.h' 'tests/unit/*.c' \
        'tests/unit/*.h' 'tools/*.c' 'tools/*.h')

OBJS=
while [ "${1:-}" = "--objs" ]; do
    OBJS="$OBJS --objs $2"
    shift 2
done

if [ "${1:-}" = "--fix" ]; then
    # shellcheck disable=SC2086
    clang-format -i $FILES
    echo "lint: reformatted $(echo "$FILES" | wc -w) files"
    exit 0
fi

echo "lint: clang-format"
# shellcheck disable=SC2086
clang-format --dry-run --Werror $FILES

echo "lint: cppcheck"
cppcheck --quiet --error-exitcode=1 --inline-suppr \
    --enable=warning,style,performance,portability \
    --std=c11 --platform=unix64 \
    -D__riscv -D__GNUC__ \
    --suppress=missingIncludeSystem --suppress=unusedFunction \
    --suppress=constParameter --suppress=constParameterPointer \
    --suppress=constVariable \
    -Isrc/core/inc -Isrc/lib/inc -Isrc/arch/riscv/inc -Isrc/arch/riscv/irqc \
    src guests/baremetal tools tests/fuzz
echo "lint: spdx"
# Every tracked file but the license itself, prose, tool settings and the
# fuzzers' seed inputs (binary; tests/fuzz/corpus/README.md).
MISSING=$(git ls-files | grep -vE '(^LICENSE|\.md|^\.gitignore|^\.clang-format)$' |
          grep -v '^tests/fuzz/corpus/' |
          xargs grep -L 'SPDX-License-Identifier' || true)
if [ -n "$MISSING" ]; then
    echo "$MISSING" | sed 's/$/: no SPDX-License-Identifier line/'
    exit 1
fi
echo "lint: layers"
# shellcheck disable=SC2086
/usr/bin/python3 scripts/check_layers.py $OBJS
echo "lint: clean"
