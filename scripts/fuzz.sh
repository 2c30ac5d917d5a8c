#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# scripts/fuzz.sh NAME SECONDS [SEED...]   run build/fuzz/NAME (make fuzz)
# scripts/fuzz.sh --total                   say what the runs since did
#
# Runs one libFuzzer harness for SECONDS on its corpus, build/fuzz/corpus/
# NAME, first seeded from tests/fuzz/corpus/NAME and the SEED files given.
# Prints one line: executions, coverage (edges and features), corpus size.
# A crash, a leak, a sanitizer report or a hang (10 s on one input) fails
# it, with libFuzzer's report and the input kept in build/fuzz/crash-NAME-*.
set -eu

OUT=build/fuzz
TOTALS=$OUT/totals

if [ "$1" = --total ]; then
    [ -f "$TOTALS" ] || exit 0
    awk '{ runs += $2; n++ } END {
        printf "fuzz: %d harnesses, %d executions in all, no crash\n", n, runs
    }' "$TOTALS"
    rm -f "$TOTALS"
    exit 0
fi

name=$1
seconds=$2
shift 2
corpus=$OUT/corpus/$name
log=$OUT/$name.log
mkdir -p "$corpus"
if [ -d "tests/fuzz/corpus/$name" ]; then
    cp tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
fi
for seed in "$@"; do cp "$seed" "$corpus"/; done

if ! "$OUT/$name" "$corpus" -max_total_time="$seconds" -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$OUT/crash-$name-" \
        >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz: $name FAILED; the input is in $OUT/crash-$name-*, the log" \
         "in $log" >&2
    exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
files=$(ls "$corpus" | wc -l)
echo "fuzz: $name: $runs executions in $seconds s, $cov, corpus $files inputs"
echo "$name $runs" >>"$TOTALS"
