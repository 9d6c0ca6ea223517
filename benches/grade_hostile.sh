#!/usr/bin/env bash
# Benchmark (not a test): `gbl grade` on a clean class of 1,000 submissions
# (examples/gen_class.rs) and on the same class plus 150 hostile ones (15 %): FIFOs as
# NAME.yaml, answers.yaml and trace, 400,000-deep YAML, 71,000 unknown ids, 20 MB traces of
# 10,000,000 lines. Reports wall time and peak memory of each; the hostile class should cost
# about the reading of its extra bytes, and stay well under 200 MB.
#
#   benches/grade_hostile.sh [WORKDIR]      (default: a fresh temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin gbl --example gen_class
GBL="$CARGO_TARGET_DIR/release/gbl"
GEN="$CARGO_TARGET_DIR/release/examples/gen_class"
WORK="${1:-$(mktemp -d)}"
[ -d "$WORK/clean/class" ] || "$GEN" "$WORK/clean" 1000 > /dev/null
if [ ! -d "$WORK/hostile/class" ]; then
  cp -r "$WORK/clean" "$WORK/hostile"
  python3 - "$WORK/hostile/class" <<'PY'
import os, sys
os.chdir(sys.argv[1])
big = "1\n" * 10_000_000
for i in range(150):
    n, k = f"h{i:03d}", i % 6
    if k == 0:
        os.mkfifo(f"{n}.yaml")
    elif k == 1:
        os.mkdir(n); os.mkfifo(f"{n}/answers.yaml")
    elif k == 2:
        os.mkdir(n); open(f"{n}/answers.yaml", "w").write("gd-trace: {trace: t.txt}\n"); os.mkfifo(f"{n}/t.txt")
    elif k == 3:
        open(f"{n}.yaml", "w").write("gd-one-step: " + "[" * 400000 + "]" * 400000 + "\n")
    elif k == 4:
        open(f"{n}.yaml", "w").write("".join(f"nope-{j}: 1\n" for j in range(71000)))
    else:
        os.mkdir(n); open(f"{n}/answers.yaml", "w").write("gd-trace: {trace: t.txt}\n")
        open(f"{n}/t.txt", "w").write(big if i < 60 else "x\n")
PY
fi
for c in clean hostile; do
  /usr/bin/time -f "%e s, peak %M KB" -o "$WORK/time-$c" timeout 60 \
    "$GBL" grade "$WORK/$c/quiz.yaml" "$WORK/$c/class" -q -o "$WORK/$c.csv" || [ $? -eq 1 ]
  printf '%-8s %5d submissions: %s\n' "$c" "$(($(wc -l < "$WORK/$c.csv") - 1))" "$(tail -1 "$WORK/time-$c")"
done
