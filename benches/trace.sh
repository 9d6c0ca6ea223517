#!/usr/bin/env bash
# Checking a 1,000,000-line trace: `gbl check` against `numdiff -a 1e-4` on the same files.
# Needs hyperfine, numdiff and python3 (apt-get install -y hyperfine numdiff).
# Usage: benches/trace.sh   (uses $CARGO_TARGET_DIR, default target/)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
gbl="$target/release/gbl"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/exercises"
sed 's/steps: 20/steps: 1000000/' exercises/gd-trace.yaml > "$dir/exercises/gd-big.yaml"
# The student's program: our own solution with a million updates.
sed 's/updates = 20/updates = 1_000_000/' solutions/programs/gd-trace.py > "$dir/gd.py"
python3 "$dir/gd.py" > "$dir/printed.txt"
cp "$dir/printed.txt" "$dir/reference.txt"
wc -l "$dir/printed.txt"
"$gbl" check gd-big --trace "$dir/printed.txt" --exercises "$dir/exercises" --color never
numdiff -q -a 1e-4 "$dir/reference.txt" "$dir/printed.txt" && echo "numdiff: equal"
hyperfine --warmup 1 --runs 10 --export-json "$dir/times.json" \
  -n gbl "$gbl check gd-big --trace $dir/printed.txt --exercises $dir/exercises --color never" \
  -n numdiff "numdiff -q -a 1e-4 $dir/reference.txt $dir/printed.txt"
python3 - "$dir/times.json" <<'PY'
import json, sys
r = {b["command"]: b["median"] for b in json.load(open(sys.argv[1]))["results"]}
print(f"medians: gbl {r['gbl']:.3f} s, numdiff {r['numdiff']:.3f} s, ratio {r['numdiff'] / r['gbl']:.2f}x")
PY
for cmd in "$gbl check gd-big --trace $dir/printed.txt --exercises $dir/exercises --color never" \
           "numdiff -q -a 1e-4 $dir/reference.txt $dir/printed.txt"; do
  /usr/bin/time -v $cmd 2>&1 >/dev/null | grep -E "Maximum resident" | sed "s|^|${cmd%% *}: |"
done
