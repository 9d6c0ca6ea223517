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

# Hostile files (issue #16): each must be refused, or finish, in well under a second and well
# under 200 MB. Prints the wall time and peak memory of each.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys, os
w = sys.argv[1]
open(f"{w}/deep.yaml", "w").write("gd-one-step: " + "[" * 400000 + "]" * 400000 + "\n")
open(f"{w}/dash.yaml", "w").write("- " * 400000)
open(f"{w}/ids.yaml", "w").write("".join(f"nope-{i}: 1\n" for i in range(71000)))
open(f"{w}/big.yaml", "w").write('gd-one-step: {grad: "' + "a" * 1000000 + '"}\n')
PY
mkfifo "$work/fifo.yaml"
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e s %M KB" -o "$work/time" timeout 20 "$@" > /dev/null 2>&1 || true
  printf '%-40s %s\n' "$name" "$(cat "$work/time" | tail -1)"
}
measure "400,000-deep flow sequence" "$gbl" check --answers "$work/deep.yaml"
measure "400,000-deep block sequence" "$gbl" check --answers "$work/dash.yaml"
measure "71,000 unknown exercise ids (1 MB)" "$gbl" check --answers "$work/ids.yaml"
measure "a 1,000,000-character answer" "$gbl" check --answers "$work/big.yaml"
measure "a FIFO as answer file" "$gbl" check --answers "$work/fifo.yaml"
measure "a FIFO as --trace" "$gbl" check gd-trace --trace "$work/fifo.yaml"
