#!/usr/bin/env bash
# Triage beside CLIPS 6.30 (the clips-api anchor) on the shared ticket-triage workload,
# timed in one run with the anchors' own method (../shared/bench/README.md).
#
#   bench/side_by_side.sh [setup|data|check|bench|latency|report|quick|all]   (default: all)
#
# setup    CLIPS from apt (as run-anchors.sh setup), clips_run built into $WORK/bin
# data     per N: the anchors' data (run-anchors.sh cmds), kb.json -> .rules, tickets converted
# check    per N: triage must fire exactly the rules `ref.py --fired` lists, on CHECK_M tickets
# bench    per N: clips-api and triage, a load-only run (0 tickets) and an M-ticket run, medians
#          of RUNS runs via timeit.py; triage also with the full output line and --threads 2
# latency  interactive `triage ask --json`: time from answer to next question, p50/p99
# report   the markdown table -> $WORK/side_by_side.md (quick: side_by_side.quick.md)
# quick    a one-minute smoke run (MDIV=100 RUNS=1 WARMUP=0 CHECK_M=300): figures mean nothing
#
# Environment (defaults): WORK=/tmp/triage-bench  SIZES="100 1000 10000 100000"  RUNS=5
#   RUNS_BIG=3 (runs at N >= 100,000)  WARMUP=1  SEED=1  MDIV=1 (divide every M)  CHECK_M=3000
#   FULL_DIV=1 (divide the full-line runs' M, already M/2, again)  TRIAGE=<repo>/build-bench/triage
#   ANCHORS=/work/shared/bench  RESULTS=$WORK/side_by_side.jsonl (the table: .md beside it)
#   LATENCY_SIZES="10000" LATENCY_ANSWERS=200
# Everything generated goes under $WORK; nothing is written into the repository.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ANCHORS="${ANCHORS:-/work/shared/bench}"
WORK="${WORK:-/tmp/triage-bench}"
SIZES="${SIZES:-100 1000 10000 100000}"
RUNS="${RUNS:-5}"
RUNS_BIG="${RUNS_BIG:-3}"
WARMUP="${WARMUP:-1}"
SEED="${SEED:-1}"
MDIV="${MDIV:-1}"
CHECK_M="${CHECK_M:-3000}"
FULL_DIV="${FULL_DIV:-1}"
TRIAGE="${TRIAGE:-$ROOT/build-bench/triage}"
RESULTS="${RESULTS:-$WORK/side_by_side.jsonl}"
LATENCY_ANSWERS="${LATENCY_ANSWERS:-200}"
LATENCY_SIZES="${LATENCY_SIZES:-10000}"
PY="${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}"
CLIPS_RUN="$WORK/bin/clips_run"
export WORK SEED MDIV

setup() {
  if ! command -v clips >/dev/null || [ ! -f /usr/lib/libclips.a ] || [ ! -x /usr/bin/time ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clips libclips-dev build-essential time
  fi
  # the anchors' own Makefile, building outside the (read-only) shared folder
  mkdir -p "$WORK/bin"
  make -s -C "$WORK/bin" -f "$ANCHORS/anchors/clips/Makefile" VPATH="$ANCHORS/anchors/clips" clips_run
  [ -x "$TRIAGE" ] || { echo "no triage binary at $TRIAGE (set TRIAGE=...)" >&2; exit 1; }
}

# The anchors' timed command lines for clips-api at N (label TAB command), with the driver
# path pointing at our build. Generates N's data (kb.json, tickets, rules.clp) on the way.
clips_cmds() {  # N
  ENGINES=clips-api SIZES="$1" "$ANCHORS/run-anchors.sh" cmds |
    sed "s#$ANCHORS/anchors/clips/clips_run#$CLIPS_RUN#"
}

clips_m() {  # N -> the anchors' M for clips-api at N (after MDIV), from data_for's list
  sed -n 's/^clips-api N=[0-9]* M=\([1-9][0-9]*\)\t.*/\1/p' "$WORK/n$1.clips-cmds"
}

rules_file() { echo "$WORK/n$1/rules.triage.rules"; }  # rules.* is cleared when the data is regenerated

triage_tickets() {  # N M -> the first M tickets in Triage's format
  local d="$WORK/n$1" f="$WORK/n$1/m$2.triage.jsonl"
  if [ ! -f "$f" ]; then
    if [ "$2" -eq 0 ]; then
      : > "$f"
    else
      head -n "$2" "$d/tickets.jsonl" > "$f.flat"
      "$PY" "$HERE/kb_to_rules.py" tickets "$f.flat" "$f.part"  # no half file left if interrupted
      mv "$f.part" "$f"
      rm -f "$f.flat"
    fi
  fi
  echo "$f"
}

data_for() {  # N
  local n="$1" m
  mkdir -p "$WORK"
  clips_cmds "$n" > "$WORK/n$n.clips-cmds"
  [ -f "$(rules_file "$n")" ] || "$PY" "$HERE/kb_to_rules.py" rules "$WORK/n$n/kb.json" "$(rules_file "$n")"
  m="$(clips_m "$n")"
  triage_tickets "$n" 0 > /dev/null
  triage_tickets "$n" "$m" > /dev/null
  triage_tickets "$n" "$(full_m "$n" "$m")" > /dev/null
}

# The full line (every default field: ranking, fix, fired, ask) costs up to ~2x the three
# fields: half the tickets, so that a run stays within ~20 s like the others.
full_m() {  # N M
  local div=2
  local m=$(( $2 / div / FULL_DIV ))
  [ "$m" -ge 1 ] || m=1
  echo "$m"
}

data() { mkdir -p "$WORK"; for n in $SIZES; do data_for "$n"; done; }

triage_batch() {  # RULES TICKETS [OPTIONS...]: the timed Triage command line
  local rules="$1" tickets="$2"
  shift 2
  echo "$TRIAGE" --rules "$rules" batch "$tickets" "$@"
}

check() {
  local fail=0
  for n in $SIZES; do
    local d="$WORK/n$n" t="$WORK/n$n/m$CHECK_M.check.jsonl"
    mkdir -p "$d"
    [ -f "$d/kb.json" ] || data_for "$n"
    [ -f "$(rules_file "$n")" ] || "$PY" "$HERE/kb_to_rules.py" rules "$d/kb.json" "$(rules_file "$n")"
    # the same ticket stream as the timed files (gen.py's stream does not depend on M)
    [ -f "$t" ] || "$PY" "$ANCHORS/gen.py" --kb "$d/kb.json" --seed "$SEED" --tickets "$CHECK_M" --tickets-out "$t"
    "$PY" "$ANCHORS/ref.py" --fired "$d/kb.json" "$t" > "$d/check.ref.fired"
    "$PY" "$HERE/kb_to_rules.py" tickets "$t" "$d/check.triage-in.jsonl"
    "$TRIAGE" --rules "$(rules_file "$n")" check > "$d/check.triage-check.txt" 2>&1 || {
      echo "check: N=$n: triage check fails on the translated rules, see $d/check.triage-check.txt" >&2
      fail=1
      continue
    }
    "$TRIAGE" --rules "$(rules_file "$n")" batch "$d/check.triage-in.jsonl" --threads 1 --fields id,fired \
      > "$d/check.triage.jsonl"
    "$PY" "$HERE/kb_to_rules.py" fired "$d/check.triage.jsonl" "$d/check.triage.fired"
    local differ
    differ="$(diff "$d/check.ref.fired" "$d/check.triage.fired" | grep -c '^<' || true)"
    if [ "$differ" -eq 0 ] && [ "$(wc -l < "$d/check.triage.fired")" -eq "$CHECK_M" ]; then
      echo "check: N=$n: triage fires exactly ref.py's rules on all $CHECK_M tickets"
    else
      echo "check: N=$n: triage DISAGREES with ref.py --fired on $differ of $CHECK_M tickets;" \
           "diff $d/check.ref.fired $d/check.triage.fired" >&2
      fail=1
    fi
  done
  return "$fail"
}

timed() {  # RUNS LABEL COMMAND...
  local runs="$1" label="$2"
  shift 2
  "$PY" "$ANCHORS/timeit.py" -n "$runs" --warmup "$WARMUP" --label "$label" --json "$RESULTS" -- "$@"
}

bench() {
  mkdir -p "$WORK"
  for n in $SIZES; do
    data_for "$n"
    local runs="$RUNS" m mf rules
    if [ "$n" -ge 100000 ] && [ "$RUNS_BIG" -lt "$RUNS" ]; then runs="$RUNS_BIG"; fi
    m="$(clips_m "$n")"
    mf="$(full_m "$n" "$m")"
    rules="$(rules_file "$n")"
    while IFS=$'\t' read -r label cmd; do
      # shellcheck disable=SC2086
      timed "$runs" "$label" $cmd
    done < "$WORK/n$n.clips-cmds"
    # shellcheck disable=SC2046
    {
      timed "$runs" "triage N=$n M=0" $(triage_batch "$rules" "$(triage_tickets "$n" 0)" --threads 1 --fields id,cause,score)
      timed "$runs" "triage N=$n M=$m" $(triage_batch "$rules" "$(triage_tickets "$n" "$m")" --threads 1 --fields id,cause,score)
      timed "$runs" "triage-t2 N=$n M=$m" $(triage_batch "$rules" "$(triage_tickets "$n" "$m")" --threads 2 --fields id,cause,score)
      timed "$runs" "triage-full N=$n M=$mf" $(triage_batch "$rules" "$(triage_tickets "$n" "$mf")" --threads 1)
    }
  done
}

# Interactive latency: `triage ask --json` on a pipe; each answer's time is from writing the
# answer to reading the next question (or conclusion). Sessions start from a ticket's error
# code and answer each question from the ticket (unknown when the ticket lacks it).
latency() {
  local targets=("bundled:") n
  for n in $LATENCY_SIZES; do targets+=("N=$n:$(rules_file "$n")"); done
  for target in "${targets[@]}"; do
    local name="${target%%:*}" rules="${target#*:}" tickets
    if [ -z "$rules" ]; then
      tickets=/work/shared/tickets/dev.jsonl
    else
      local nn="${name#N=}"
      if [ ! -f "$rules" ] || [ ! -f "$WORK/n$nn.clips-cmds" ]; then data_for "$nn"; fi
      tickets="$(triage_tickets "$nn" "$(clips_m "$nn")")"
    fi
    "$PY" - "$TRIAGE" "$rules" "$tickets" "$LATENCY_ANSWERS" "$name" "$RESULTS" <<'EOF'
import json, subprocess, sys, time
triage, rules, tickets_path, budget, name, results = sys.argv[1:7]
budget = int(budget)
times, sessions = [], 0

def next_state(p):
    """The next question or conclusion the session writes, or None at its end."""
    for line in p.stdout:
        msg = json.loads(line)
        if msg.get("type") in ("question", "conclusion"):
            return msg
    return None

with open(tickets_path) as f:
    tickets = [json.loads(l) for l in f if l.strip()]
for ticket in tickets:
    if len(times) >= budget:
        break
    facts = ticket.get("facts", {})
    given = {k: v for k, v in facts.items() if k == "error_code"}
    cmd = [triage] + (["--rules", rules] if rules else []) + ["ask", "--json", "--lang", "en"]
    facts_file = "/tmp/triage-latency-facts.json"
    with open(facts_file, "w") as g:
        json.dump({"facts": given}, g)
    cmd += ["--facts", facts_file]
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    sessions += 1
    state = next_state(p)
    while state and state["type"] == "question" and len(times) < budget:
        answer = facts.get(state["fact"])
        t0 = time.perf_counter()
        p.stdin.write(json.dumps({"answer": answer}) + "\n")
        p.stdin.flush()
        state = next_state(p)
        times.append(time.perf_counter() - t0)
    p.stdin.close()
    p.wait()
times.sort()
def q(p): return times[min(len(times) - 1, int(p * len(times)))] * 1e3 if times else float("nan")
print(f"latency {name}: {len(times)} answers in {sessions} sessions, next question p50 {q(0.5):.3f} ms, "
      f"p99 {q(0.99):.3f} ms, max {times[-1] * 1e3 if times else float('nan'):.3f} ms (pipe round trip included)")
with open(results, "a") as out:
    out.write(json.dumps({"label": f"latency {name}", "answers": len(times), "sessions": sessions,
                          "p50_ms": q(0.5), "p99_ms": q(0.99), "max_ms": times[-1] * 1e3 if times else None}) + "\n")
EOF
  done
}

report() {
  "$PY" - "$RESULTS" <<'EOF' | tee "${RESULTS%.jsonl}.md"
import json, re, sys
last = {}
for line in open(sys.argv[1]):
    if line.strip():
        r = json.loads(line)
        last[r["label"]] = r
runs = {}  # (engine, N) -> {"load": r, "run": r, "M": m}
for label, r in last.items():
    m = re.fullmatch(r"(\S+) N=(\d+) M=(\d+)", label)
    if m:
        slot = runs.setdefault((m.group(1), int(m.group(2))), {})
        if int(m.group(3)) == 0:
            slot["load"] = r
        else:
            slot["run"], slot["M"] = r, int(m.group(3))
def wall(r): return r["wall"]["median"]
def rate(engine, n, load_engine=None, clock="wall"):
    s, l = runs.get((engine, n), {}), runs.get((load_engine or engine, n), {})
    if "run" not in s or "load" not in l:
        return float("nan")
    ev = s["run"][clock]["median"] - l["load"][clock]["median"]
    return s["M"] / ev if ev > 0 else float("nan")
def num(x):
    if x != x: return "n/a"
    if x >= 100: return f"{x:,.0f}"
    if x >= 10: return f"{x:.1f}"
    return f"{x:.2f}"
sizes = sorted({n for (_, n) in runs})
print("| N | M | Triage tickets/s | clips-api tickets/s | ratio | ratio (CPU s) | Triage us/ticket "
      "| load s (Triage / clips) | peak MiB Triage (load / run) | full-line cost ratio | threads-2 speedup |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
per_ticket = {}
for n in sizes:
    t = rate("triage", n); c = rate("clips-api", n)
    cpu_ratio = rate("triage", n, clock="cpu") / rate("clips-api", n, clock="cpu")
    full = rate("triage-full", n, "triage"); t2 = rate("triage-t2", n, "triage")
    s, cl = runs.get(("triage", n), {}), runs.get(("clips-api", n), {})
    per_ticket[n] = 1e6 / t if t == t and t > 0 else float("nan")
    load = f"{wall(s['load']):.3f} / {wall(cl['load']):.3f}" if "load" in s and "load" in cl else "n/a"
    peak = (f"{s['load']['peak_mib']['median']:.1f} / {s['run']['peak_mib']['median']:.1f}"
            if "load" in s and "run" in s else "n/a")
    print(f"| {n:,} | {s.get('M', 0):,} | {num(t)} | {num(c)} | {num(t / c) if c == c else 'n/a'} | {num(cpu_ratio)} | "
          f"{num(per_ticket[n])} | {load} | {peak} | {num(t / full) if full == full else 'n/a'} | "
          f"{num(t2 / t) if t2 == t2 else 'n/a'} |")
print()
print("tickets/s = M / (median wall of the M-ticket run - median wall of the 0-ticket run); ratio (CPU s): the same "
      "with user+system CPU seconds instead of wall (steadier when other work shares the cores); "
      "full-line cost ratio = per-ticket time with every field / with --fields id,cause,score; "
      "threads-2 speedup = tickets/s with --threads 2 / with --threads 1 (both loads taken out with the 1-thread load run).")
if 10000 in per_ticket and 100000 in per_ticket:
    print(f"\nper-ticket time N=10,000 -> 100,000: x{per_ticket[100000] / per_ticket[10000]:.2f}")
big = runs.get(("triage", max(sizes)), {}) if sizes else {}
if "load" in big:
    mib = big["load"]["peak_mib"]["median"]
    print(f"load at N={max(sizes):,}: {wall(big['load']):.3f} s, peak {mib:.1f} MiB = "
          f"{mib * 1024 / max(sizes):.2f} KiB per rule (process baseline included)")
for label, r in last.items():
    if label.startswith("latency "):
        print(f"{label}: {r['answers']} answers, next question p50 {r['p50_ms']:.3f} ms, p99 {r['p99_ms']:.3f} ms")
EOF
}

quick() {
  MDIV=100 RUNS=1 WARMUP=0 CHECK_M="${QUICK_CHECK_M:-300}" LATENCY_ANSWERS=50 \
    RESULTS="$WORK/side_by_side.quick.jsonl" "$0" all
}

case "${1:-all}" in
  setup) setup ;;
  data) data ;;
  check) check ;;
  bench) bench ;;
  latency) latency ;;
  report) report ;;
  quick) quick ;;
  all) setup; data; check; bench; latency; report ;;
  *) sed -n '2,21p' "$0"; exit 2 ;;
esac
