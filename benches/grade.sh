#!/usr/bin/env bash
# Benchmark of `gbl grade` (not a test): grades synthetic classes of 1,000 and 10,000
# submissions (examples/gen_class.rs), and reports submissions per second, the ratio to
# `cat` reading the same files, and the peak memory (/usr/bin/time -v) for CSV and JSON.
#
#   benches/grade.sh [WORKDIR]      (default: a fresh temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin gbl --example gen_class
GBL="$CARGO_TARGET_DIR/release/gbl"
GEN="$CARGO_TARGET_DIR/release/examples/gen_class"
WORK="${1:-$(mktemp -d)}"
echo "cores: $(nproc)   work folder: $WORK"

secs() { date +%s.%N; }

for n in 1000 10000; do
  dir="$WORK/class-$n"
  [ -d "$dir/class" ] || "$GEN" "$dir" "$n" > /dev/null
  files=$(find "$dir/class" -type f | wc -l)
  bytes=$(du -sb "$dir/class" | cut -f1)
  # Warm the page cache, then time cat over the same files.
  find "$dir/class" -type f -exec cat {} + > /dev/null
  t0=$(secs); find "$dir/class" -type f -exec cat {} + > /dev/null; t1=$(secs)
  cat_s=$(echo "$t1 - $t0" | bc -l)
  for fmt in csv json; do
    t0=$(secs)
    /usr/bin/time -v "$GBL" grade "$dir/quiz.yaml" "$dir/class" --format "$fmt" -q \
      -o "$dir/grades.$fmt" 2> "$dir/time-$fmt.txt" || [ $? -eq 1 ]
    t1=$(secs)
    s=$(echo "$t1 - $t0" | bc -l)
    rss=$(grep "Maximum resident set size" "$dir/time-$fmt.txt" | awk '{print $NF}')
    printf '%6d submissions (%d files, %d KB) %-4s: %6.2f s, %7.0f submissions/s, %6.0f× cat (%.3f s), peak RSS %d MB\n' \
      "$n" "$files" "$((bytes / 1024))" "$fmt" "$s" "$(echo "$n / $s" | bc -l)" \
      "$(echo "$s / $cat_s" | bc -l)" "$cat_s" "$((rss / 1024))"
  done
done
