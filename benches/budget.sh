#!/usr/bin/env bash
# Work budgets, measured (not a timed test): each expression built to explode is derived,
# descended 10 steps and judged in under 1 s or refused by the budget (exit 2 with a sentence
# naming it); `descend --format json` of 1,000,000 steps peaks under 50 MB.
# Prints, per case, the median wall time of 5 runs, the peak RSS and the exit code.
# Needs a release build and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
gbl=./target/release/gbl
[ -x "$gbl" ] || cargo build --release --quiet
python3 - "$gbl" <<'PY'
import statistics, subprocess, sys, tempfile, os
gbl = sys.argv[1]
n = lambda k: ",".join(f"x{i}=1.0" for i in range(k))
sin199 = "sin(" * 199 + "x" + ")" * 199
tower = "^".join(["x"] * 199)
towern = "^".join(f"x{i}" for i in range(200))
prod = "*".join(f"(x+{i})" for i in range(200))
expx = "exp(" * 150 + "x/1000" + ")" * 150
sumsq = "+".join(f"x{i}^2" for i in range(200))
# The largest of each family that the budget still accepts.
sin150 = "sin(" * 150 + "x" + ")" * 150
tower70 = "^".join(["x"] * 70)
prod75 = "*".join(f"(x+{i})" for i in range(75))
cases = [
    ("derive sin∘…∘sin 199", ["derive", sin199]),
    ("derive x^x^…^x 397 chars", ["derive", tower]),
    ("derive x0^…^x199 by x5", ["derive", towern, "--wrt", "x5"]),
    ("derive product of 200 sums", ["derive", prod]),
    ("descend sin∘…∘sin 199", ["descend", sin199, "--from", "1", "--steps", "10"]),
    ("descend x^x^…^x", ["descend", tower, "--from", "1.1", "--lr", "0.01", "--steps", "10"]),
    ("descend x0^…^x199", ["descend", towern, "--from", n(200), "--lr", "0.01", "--steps", "10"]),
    ("descend product of 200 sums", ["descend", prod, "--from", "0.5", "--lr", "1e-9", "--steps", "10"]),
    ("descend exp∘…∘exp 150", ["descend", expx, "--from", "0.001", "--lr", "1e-9", "--steps", "10"]),
    ("descend sin∘…∘sin 150 (accepted)", ["descend", sin150, "--from", "1", "--steps", "10"]),
    ("descend x^x^…^x 70 (accepted)", ["descend", tower70, "--from", "1.1", "--lr", "0.001", "--steps", "10"]),
    ("descend product of 75 sums (accepted)", ["descend", prod75, "--from", "0.5", "--lr", "1e-30", "--steps", "10"]),
    ("descend x^2/10 with 5,000 unused variables", ["descend", "x^2/10", "--from", "x=3," + ",".join(f"u{i}=1.0" for i in range(5000)), "--steps", "10", "--format", "json"]),
    ("descend sum of 200 squares", ["descend", sumsq, "--from", n(200), "--lr", "0.1", "--steps", "10"]),
    ("descend --format json 1,000,000 steps", ["descend", "x^2/10", "--from", "3", "--lr", "0.1", "--steps", "1000000", "--format", "json"]),
    ("descend --format json 50 vars x 200,000 steps", ["descend", "+".join(f"x{i}^2/10" for i in range(50)), "--from", n(50), "--lr", "0.1", "--steps", "200000", "--format", "json"]),
    ("descend table 1,000,000 steps", ["descend", "x^2/10", "--from", "3", "--lr", "0.1", "--steps", "1000000"]),
]
for name, args in cases:
    times, rss, code, err = [], [], None, ""
    for _ in range(5):
        with tempfile.NamedTemporaryFile() as t:
            p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name, gbl, *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            e, m = open(t.name).read().split()[-2:]
            times.append(float(e)); rss.append(int(m)); code = p.returncode
            err = p.stderr.strip().splitlines()[0][:90] if p.stderr.strip() else ""
    print(f"{name:48} median {statistics.median(times):6.2f} s  peak {max(rss)/1024:7.1f} MB  exit {code}  {err}")
PY
