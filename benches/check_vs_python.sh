#!/usr/bin/env bash
# One `gbl check` of one exercise against the time CPython takes to start (`python3 -S -c pass`).
# Needs hyperfine (apt-get install hyperfine) and a release build (cargo build --release).
# Prints both medians and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
gbl=./target/release/gbl
[ -x "$gbl" ] || cargo build --release --quiet
# `python3` may be a launcher script (pyenv); time the interpreter itself too, for fairness.
real_python=$(python3 -c 'import sys; print(sys.executable)')
out=$(mktemp)
hyperfine --warmup 20 --runs 300 -N -i --export-json "$out" \
  "$gbl check gd-one-step grad=0.6 x1=2.4 --color never" \
  "$gbl check chain-rule-x5 z=3 y=18 dy_dz=12 dy_dx=20 --color never" \
  "python3 -S -c pass" \
  "$real_python -S -c pass" >/dev/null
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for x in r:
    print(f"{x['command']:<70} median {x['median']*1e3:7.3f} ms")
for py in r[-2:]:
    for x in r[:-2]:
        print(f"ratio ({py['command'].split()[0]}) / gbl check {x['command'].split()[2]}: {py['median'] / x['median']:.1f}x")
PY
