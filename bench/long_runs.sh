#!/usr/bin/env bash
# Triage alone on long ticket runs, for the figures that short side-by-side
# runs leave in the noise: growth of the time per ticket from N=10,000 to
# 100,000, and the --threads 2 speedup. Uses the rule files and kb.json that
# `bench/side_by_side.sh data` left in $WORK, generates the longer ticket files
# (gen.py's stream, seed 1: the first M tickets are those of any shorter run),
# then times load, one thread and two threads (timeit.py, medians of RUNS).
#
#   bench/long_runs.sh            # N=100 and 1,000: 1,000,000 tickets; 10,000 and 100,000: 200,000
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
ANCHORS="${ANCHORS:-/work/shared/bench}"
WORK="${WORK:-/tmp/triage-bench}"
TRIAGE="${TRIAGE:-$ROOT/build/triage}"
RUNS="${RUNS:-5}"
RESULTS="${RESULTS:-$WORK/long_runs.jsonl}"
PY="${PYTHON:-python3}"

: > "$RESULTS"

timed() {  # LABEL COMMAND...
  "$PY" "$ANCHORS/timeit.py" -n "$RUNS" --warmup 1 --label "$1" --json "$RESULTS" -- "${@:2}" | tail -1
}

for spec in "100 1000000" "1000 1000000" "10000 200000" "100000 200000"; do
  read -r n m <<< "$spec"
  dir="$WORK/n$n"
  [ -f "$dir/rules.triage.rules" ] || { echo "no $dir/rules.triage.rules: run bench/side_by_side.sh data" >&2; exit 1; }
  tickets="$dir/m$m.triage.jsonl"
  if [ ! -f "$tickets" ]; then
    "$PY" "$ANCHORS/gen.py" --kb "$dir/kb.json" --seed 1 --tickets "$m" --tickets-out "$dir/m$m.flat.jsonl"
    "$PY" "$HERE/kb_to_rules.py" tickets "$dir/m$m.flat.jsonl" "$tickets"
  fi
  batch=("$TRIAGE" --rules "$dir/rules.triage.rules" batch)
  timed "long N=$n load" "${batch[@]}" "$dir/m0.triage.jsonl" --threads 1 --fields id,cause,score
  timed "long N=$n M=$m threads 1" "${batch[@]}" "$tickets" --threads 1 --fields id,cause,score
  timed "long N=$n M=$m threads 2" "${batch[@]}" "$tickets" --threads 2 --fields id,cause,score
done

# us per ticket = (run - load) / M, from the medians just written.
"$PY" - "$RESULTS" <<'PYEOF'
import json, sys
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    rows[r["label"]] = r
def wall(label): return rows[label]["wall_median"] if "wall_median" in rows[label] else rows[label]["wall"]["median"]
per = {}
for label in rows:
    if not label.endswith("threads 1"): continue
    n = label.split()[1]; m = int(label.split()[2][2:])
    load = wall(f"long {n} load")
    one = (wall(label) - load) / m * 1e6
    two = (wall(label.replace("threads 1", "threads 2")) - load) / m * 1e6
    per[n] = one
    print(f"{n}: {one:.3f} us/ticket one thread, threads-2 speedup {one / two:.2f}")
if "N=10000" in per and "N=100000" in per:
    print(f"growth N=10,000 -> 100,000: x{per['N=100000'] / per['N=10000']:.2f}")
PYEOF
