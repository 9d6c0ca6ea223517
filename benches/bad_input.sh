#!/usr/bin/env bash
# How long gbl takes to refuse hostile expressions (the target: well under a second).
# Needs hyperfine and a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
gbl=./target/release/gbl
[ -x "$gbl" ] || cargo build --release --quiet
deep=$(python3 -c "print('('*60000 + 'x' + ')'*60000)")
long=$(python3 -c "print('+'.join(['x']*50000))")
chain=$(python3 -c "print('-'*3000 + 'x')")
hyperfine -N -i --warmup 3 --runs 30 \
  "$gbl derive '(x+1'" \
  "$gbl derive $deep" \
  "$gbl derive $long" \
  "$gbl derive $chain" 2>/dev/null | grep -E "Time|Benchmark" | sed 's/^\(Benchmark [0-9]*: .\{60\}\).*/\1…/'
