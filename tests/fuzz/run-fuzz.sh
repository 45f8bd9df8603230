#!/bin/sh
# Runs a libFuzzer binary for a short while over the seed corpus.
#   run-fuzz.sh FUZZER SEED-CORPUS WORK-DIR SECONDS
# New inputs go to WORK-DIR (never the source tree); a crash leaves its
# input there as crash-* and fails the test.
set -eu
fuzzer=$(realpath "$1") seeds=$(realpath "$2") work=$3 seconds=$4
mkdir -p "$work/corpus"
cd "$work"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 corpus "$seeds"
