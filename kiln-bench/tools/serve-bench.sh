#!/usr/bin/env bash
# Serving load test (issue 9): `kiln serve` beside FastAPI + uvicorn + scikit-learn, one-record predictions of a
# random forest (100 trees) on breast_cancer, driven by wrk over loopback. Prints markdown ready to paste into
# kiln-bench/results/serving.md. Run from anywhere; needs Debian's wrk, python3-fastapi, python3-uvicorn and
# python3-sklearn (apt-get install wrk python3-fastapi python3-uvicorn python3-sklearn; python3-uvloop and
# python3-httptools too, for uvicorn's fastest set-up), curl and a JDK 21+. Skips (exit 0) when they are missing.
#   kiln-bench/tools/serve-bench.sh [throughput] [SECONDS]  requests/s, p50, p99 at 1, 8, 32 connections (default 25 s a run)
#   kiln-bench/tools/serve-bench.sh soak [SECONDS]          Kiln at a fixed rate (default 600 s): errors, memory over time
#   kiln-bench/tools/serve-bench.sh profile [SECONDS]       where Kiln's time goes: health vs predict, logging, syscalls, steps
#   kiln-bench/tools/serve-bench.sh all                     the three
# Environment: BC_CSV (default ../shared/datasets/breast_cancer/breast_cancer.csv), WARMUP (10 s at 32 connections
# before each server's series), CONNECTIONS ("1 8 32"), TREES (100), SERVERS ("kiln kiln-q fastapi-1 fastapi-2":
# kiln as shipped, logging a line per request to its log file; kiln-q with -q, no request lines; FastAPI with 1 and
# 2 uvicorn workers, no access log), SOAK_CONNECTIONS (4) and SOAK_DELAY_MS (10: each connection waits that long
# before each request, so about 4 / 11 ms = 360 requests/s), SOAK_SAMPLE_S (20), KILN_JAVA_OPTS (JVM options for
# kiln serve), PY (/usr/bin/python3), KEEP=1 keeps the work folder (wrk output, server logs, memory samples).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=kiln-bench/tools/serving

mode=throughput
case "${1:-}" in
  throughput|soak|profile|all) mode=$1; shift ;;
  ''|[0-9]*) ;;
  -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "serve-bench.sh: unknown mode '$1' (throughput, soak, profile or all)" >&2; exit 2 ;;
esac
run_seconds=${1:-}
PY=${PY:-/usr/bin/python3}
BC_CSV=${BC_CSV:-../shared/datasets/breast_cancer/breast_cancer.csv}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-1 8 32}
TREES=${TREES:-100}
SERVERS=${SERVERS:-kiln kiln-q fastapi-1 fastapi-2}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-4}
SOAK_DELAY_MS=${SOAK_DELAY_MS:-10}
SOAK_SAMPLE_S=${SOAK_SAMPLE_S:-20}

skip() { echo "serve-bench.sh: skipped: $*" >&2; exit 0; }
say() { echo "serve-bench.sh: $*" >&2; }
[ -f "$BC_CSV" ] || skip "no dataset at $BC_CSV (set BC_CSV to breast_cancer.csv)"
command -v wrk >/dev/null || skip "needs wrk (apt-get install wrk)"
command -v curl >/dev/null || skip "needs curl"
[ -x "$PY" ] || skip "needs $PY (Debian's python3; set PY)"
"$PY" -c 'import fastapi, uvicorn, sklearn, numpy' 2>/dev/null \
  || skip "$PY lacks fastapi, uvicorn or scikit-learn (apt-get install python3-fastapi python3-uvicorn python3-sklearn)"
. bin/jdk.sh
kiln_select_jdk || skip "no JDK 21+"

root=$(mktemp -d "${TMPDIR:-/tmp}/serve-bench.XXXXXX")
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then say "kept $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT

# --- the data, the request body, the two models --------------------------------------------------------------
say "building Kiln when stale, training the models"
kiln_quiet() { ./kiln -q "$@" 2> >(grep -v 'Using incubator modules' >&2); }
kiln_quiet --version > /dev/null
# Kiln trains on the numeric columns: a copy of the CSV without target_name (the label spelt out).
# The request body is the first row's 30 features by column name, as Kiln's predict route and the FastAPI app take it.
"$PY" - "$BC_CSV" "$root" <<'EOF'
import csv, json, sys
src, root = sys.argv[1], sys.argv[2]
with open(src, newline="") as f:
    rows = list(csv.DictReader(f))
cols = [c for c in rows[0] if c != "target_name"]
with open(f"{root}/bc.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
record = {c: float(rows[0][c]) for c in cols if c != "target"}
json.dump({"instances": [record]}, open(f"{root}/body.json", "w"))
EOF
kiln_quiet train --data "$root/bc.csv" --target target --model random-forest --param n_estimators="$TREES" --param seed=0 \
  --out "$root/rf" --json > "$root/train.json"
kiln_quiet models register bc "$root/rf" --alias champion --home "$root/home" > /dev/null

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wait_ready URL PID LOG: until URL answers 200, or the server dies, or 120 s pass.
wait_ready() {
  local url=$1 pid=$2 log=$3 i
  for ((i = 0; i < 600; i++)); do
    curl -sf -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || { say "the server exited:"; tail -20 "$log" >&2; exit 1; }
    sleep 0.2
  done
  say "no answer from $url after 120 s"; tail -20 "$log" >&2; exit 1
}

# start SERVER: starts it on a free loopback port; sets url (predict), health, pid.
start() {
  local server=$1 port log
  port=$(free_port)
  log="$root/$server.log"
  case $server in
    kiln|kiln-q)
      local quiet=()
      [ "$server" = kiln-q ] && quiet=(-q)
      ./kiln "${quiet[@]}" serve --host 127.0.0.1 --port "$port" --home "$root/home" > "$log" 2>&1 &
      pid=$!
      url=http://127.0.0.1:$port/api/models/bc/predict
      health=http://127.0.0.1:$port/v2/health/live
      ;;
    fastapi-*)
      BC_CSV="$root/bc.csv" BC_TREES="$TREES" "$PY" -m uvicorn fastapi_server:app --app-dir "$here" --host 127.0.0.1 \
        --port "$port" --workers "${server#fastapi-}" --no-access-log > "$log" 2>&1 &
      pid=$!
      url=http://127.0.0.1:$port/predict
      health=http://127.0.0.1:$port/health
      ;;
    *) say "unknown server $server (kiln, kiln-q, fastapi-N)"; exit 2 ;;
  esac
  pids+=("$pid")
  wait_ready "$health" "$pid" "$log"
  local answer
  answer=$(curl -s -w ' %{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$root/body.json" "$url")
  case $answer in
    *' 200') say "$server on port $port answers: ${answer% 200}" ;;
    *) say "$server answers the prediction with: $answer"; exit 1 ;;
  esac
}

stop() {
  local p=$1 i
  kill -TERM "$p" 2>/dev/null || return 0
  for ((i = 0; i < 150; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  local keep=() q
  for q in "${pids[@]}"; do [ "$q" = "$p" ] || keep+=("$q"); done
  pids=("${keep[@]}")
}

# load CONNECTIONS SECONDS URL OUT [BODY|GET [DELAY_MS]]: one wrk run, its report in OUT; sets the RESULT fields
# (requests seconds rps p50_ms p90_ms p99_ms max_ms non200 connect_err read_err write_err timeout_err status_err) as shell
# variables, and errors: the non-200 responses and the socket errors together.
# shellcheck disable=SC2034  # seconds, p90_ms and status_err are set for whoever wants them
requests=0 seconds=0 rps=0 p50_ms=0 p90_ms=0 p99_ms=0 max_ms=0 non200=0 connect_err=0 read_err=0 write_err=0 timeout_err=0 status_err=0 errors=0 other_cpu=0 pid=$$
# Also sets other_cpu: the CPU that processes other than the server and wrk used during the run, in % of one core
# (the machine's busy ticks in /proc/stat less the server's process tree and wrk), a measure of the noise.
load() {
  local c=$1 d=$2 u=$3 out=$4 body=${5:-$root/body.json} delay=${6:-0} t m0 s0 w0 t0 m1 s1 w1 t1
  t=$((c < 2 ? c : 2))
  m0=$(machine_ticks) s0=$(tree_ticks "$pid") w0=$(child_ticks) t0=$(date +%s%N)
  wrk -t "$t" -c "$c" -d "${d}s" --latency -s "$here/predict.lua" "$u" -- "$body" "$delay" > "$out" 2>&1 \
    || { say "wrk failed:"; cat "$out" >&2; exit 1; }
  w1=$(child_ticks) s1=$(tree_ticks "$pid") m1=$(machine_ticks) t1=$(date +%s%N)
  other_cpu=$(awk -v m="$((m1 - m0))" -v s="$((s1 - s0))" -v w="$((w1 - w0))" -v ns="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { o = (m - s - w) / hz / (ns / 1e9) * 100; printf "%.0f", o < 0 ? 0 : o }')
  local line
  line=$(grep '^RESULT ' "$out") || { say "no RESULT line from wrk:"; cat "$out" >&2; exit 1; }
  eval "${line#RESULT }"
  errors=$((non200 + connect_err + read_err + write_err + timeout_err))
  if [ "$errors" -gt 0 ]; then
    say "$errors errors in $out (non-200 $non200, connect $connect_err, read $read_err, write $write_err, timeout $timeout_err)"
    grep '^FIRST_NON200 ' "$out" >&2 || true
  fi
}

# machine_ticks: busy CPU ticks of the whole machine: user, nice, system and steal (not the interrupt time, which the
# loopback traffic itself causes).
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $9 }' /proc/stat; }
# tree_ticks PID: the CPU ticks PID and its descendants have used (all their threads).
tree_ticks() {
  local sum kid
  sum=$(awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0)
  for kid in $(pgrep -P "$1" || true); do sum=$((sum + $(tree_ticks "$kid"))); done
  echo "$sum"
}
# child_ticks: the CPU ticks of this shell's children that have ended (wrk, once it has).
child_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }

machine() {
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME")," \
    "kernel $(uname -r)."
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}');" \
    "$("$PY" -c 'import sys, fastapi, uvicorn, sklearn, numpy, pydantic; print("Python %s, FastAPI %s, uvicorn %s, pydantic %s, scikit-learn %s, NumPy %s" % (sys.version.split()[0], fastapi.__version__, uvicorn.__version__, pydantic.VERSION, sklearn.__version__, numpy.__version__))');" \
    "uvicorn's loop and HTTP parser: $("$PY" -c '
try:
    import uvloop; loop = "uvloop"
except ImportError:
    loop = "asyncio"
try:
    import httptools; http = "httptools"
except ImportError:
    http = "h11"
print(loop + " + " + http)')."
  echo "Kiln $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC')."
}

loadavg() { cut -d' ' -f1 /proc/loadavg; }

# --- throughput ---------------------------------------------------------------------------------------------
throughput() {
  local d=${1:-25} server c rows=""
  declare -A R_RPS R_P99
  for server in $SERVERS; do
    say "$server: warm-up ${WARMUP} s, then ${d} s at each of $CONNECTIONS connections"
    start "$server"
    load 32 "$WARMUP" "$url" "$root/$server-warmup.txt"
    for c in $CONNECTIONS; do
      local before
      before=$(loadavg)
      load "$c" "$d" "$url" "$root/$server-c$c.txt"
      R_RPS[$server,$c]=$rps R_P99[$server,$c]=$p99_ms
      rows+=$(printf '| %s | %s | %.0f | %.2f | %.2f | %d | %s | %s %% |' "$c" "$(label "$server")" "$rps" "$p50_ms" "$p99_ms" "$errors" \
        "$before" "$other_cpu")
      rows+=$'\n'
      say "  $c connections: $(printf '%.0f' "$rps") requests/s, p50 $p50_ms ms, p99 $p99_ms ms, errors $errors, other CPU $other_cpu %"
    done
    stop "$pid"
  done
  echo "### Throughput and latency: ${d} s per run after a ${WARMUP} s warm-up, wrk threads = min(connections, 2)"
  echo
  echo "| connections | server | requests/s | p50 ms | p99 ms | non-200 + socket errors | load average (1 min) before the run | other processes' CPU during the run (of one core) |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$rows"
  echo
  local fast=() s
  for s in $SERVERS; do case $s in fastapi-*) fast+=("$s") ;; esac; done
  local kilns=() k
  for s in $SERVERS; do case $s in kiln*) kilns+=("$s") ;; esac; done
  if [ ${#fast[@]} -gt 0 ] && [ ${#kilns[@]} -gt 0 ]; then
    echo "Kiln beside FastAPI's best configuration at each connection count (the higher of its worker counts):"
    echo
    local head="| connections | FastAPI best (requests/s) |" line="|---:|---:|"
    for k in "${kilns[@]}"; do head+=" $(label "$k") requests/s | ÷ FastAPI best | p99 ms |"; line+="---:|---:|---:|"; done
    echo "$head"
    echo "$line"
    for c in $CONNECTIONS; do
      local best=0 bestname=""
      for s in "${fast[@]}"; do
        if awk -v a="${R_RPS[$s,$c]}" -v b="$best" 'BEGIN { exit !(a > b) }'; then best=${R_RPS[$s,$c]}; bestname=$s; fi
      done
      local row
      row=$(printf '| %s | %.0f (%s) |' "$c" "$best" "$(label "$bestname")")
      for k in "${kilns[@]}"; do
        row+=$(awk -v r="${R_RPS[$k,$c]}" -v b="$best" -v p="${R_P99[$k,$c]}" 'BEGIN { printf " %.0f | %.1f× | %.2f |", r, r / b, p }')
      done
      echo "$row"
    done
    echo
    if [[ " $CONNECTIONS " == *" 32 "* ]]; then
      for k in "${kilns[@]}"; do
        local best=0
        for s in "${fast[@]}"; do
          if awk -v a="${R_RPS[$s,32]}" -v b="$best" 'BEGIN { exit !(a > b) }'; then best=${R_RPS[$s,32]}; fi
        done
        awk -v r="${R_RPS[$k,32]}" -v b="$best" -v p="${R_P99[$k,32]}" -v k="$(label "$k")" 'BEGIN {
          printf "Target at 32 connections, %s: ≥ 10× FastAPI'"'"'s best throughput: %.1f× (%s); p99 under 10 ms: %.2f ms (%s).\n",
            k, r / b, (r >= 10 * b ? "met" : "not met"), p, (p < 10 ? "met" : "not met") }'
      done
      echo
    fi
  fi
  echo "Load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  machine
  echo
  echo "Command: \`kiln-bench/tools/serve-bench.sh throughput $d\` (SERVERS=\"$SERVERS\" CONNECTIONS=\"$CONNECTIONS\" WARMUP=$WARMUP)."
  echo
}

label() {
  case $1 in
    kiln) echo "Kiln" ;;
    kiln-q) echo "Kiln -q" ;;
    fastapi-1) echo "FastAPI, 1 worker" ;;
    fastapi-*) echo "FastAPI, ${1#fastapi-} workers" ;;
    *) echo "$1" ;;
  esac
}

# --- soak ---------------------------------------------------------------------------------------------------
metric() {   # metric TEXT PATTERN: the sum of the values of the lines starting with PATTERN
  awk -v p="$2" 'index($0, p) == 1 { s += $NF } END { printf "%.0f", s }' <<< "$1"
}

sample() {   # sample T: one line of the soak's memory table
  local m rss
  m=$(curl -s "${url%/api/*}/metrics")
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(metric "$m" 'jvm_memory_used_bytes{area="heap"')" \
    "$(metric "$m" 'jvm_memory_used_bytes{area="heap",id="G1 Old Gen"')" "$rss" \
    "$(metric "$m" 'kiln_http_requests_seconds_count{method="POST"')" "$(metric "$m" 'jvm_gc_pause_seconds_count')"
}

live_heap() {   # the heap in use just after a full collection, in MB
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run > /dev/null
  sleep 1
  metric "$(curl -s "${url%/api/*}/metrics")" 'jvm_memory_used_bytes{area="heap"' | awk '{ printf "%.1f", $1 / 1048576 }'
}

soak() {
  local d=${1:-600} samples=$root/soak-samples.tsv
  say "soak: Kiln for $d s, $SOAK_CONNECTIONS connections each waiting $SOAK_DELAY_MS ms before each request"
  start kiln
  load "$SOAK_CONNECTIONS" 20 "$url" "$root/soak-warmup.txt" "$root/body.json" "$SOAK_DELAY_MS"
  local live_start live_end
  live_start=$(live_heap)
  (
    t0=$(date +%s)
    while kill -0 "$pid" 2>/dev/null; do
      sample "$(( $(date +%s) - t0 ))" >> "$samples"
      sleep "$SOAK_SAMPLE_S"
    done
  ) &
  local sampler=$!
  load "$SOAK_CONNECTIONS" "$d" "$url" "$root/soak.txt" "$root/body.json" "$SOAK_DELAY_MS"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  sample "$d" >> "$samples"
  live_end=$(live_heap)
  local logged_errors
  # ERROR and WARN lines, less the warning at start that the server has no API keys
  logged_errors=$(grep -E ' (ERROR|WARN) ' "$root/kiln.log" | grep -vc 'no API keys' || true)
  stop "$pid"
  echo "### Soak: ${d} s at a fixed rate"
  echo
  echo "$SOAK_CONNECTIONS connections, each waiting $SOAK_DELAY_MS ms (wrk's \`delay()\`) before each request, after a 20 s warm-up"
  echo "at the same rate; Kiln as shipped (default JVM options${KILN_JAVA_OPTS:+ plus \`$KILN_JAVA_OPTS\`}, a log line per request)."
  echo
  echo "| requests | achieved requests/s | p50 ms | p99 ms | max ms | non-200 | socket errors (connect, read, write, timeout) | ERROR/WARN log lines |"
  echo "|---:|---:|---:|---:|---:|---:|---|---:|"
  printf '| %d | %.1f | %.2f | %.2f | %.1f | %d | %d, %d, %d, %d | %d |\n' "$requests" "$rps" "$p50_ms" "$p99_ms" "$max_ms" \
    "$non200" "$connect_err" "$read_err" "$write_err" "$timeout_err" "$logged_errors"
  echo
  if [ "$errors" -eq 0 ] && [ "$logged_errors" -eq 0 ]; then echo "Errors: none (pass)."; else echo "Errors: $errors from wrk, $logged_errors in the log (FAIL)."; fi
  echo
  echo "Memory, sampled every $SOAK_SAMPLE_S s (heap used: the sum of \`jvm_memory_used_bytes{area=\"heap\"}\` from /metrics,"
  echo "a sawtooth between young collections; old gen: its G1 Old Gen part; RSS: VmRSS of the java process):"
  echo
  awk -F'\t' -v live0="$live_start" -v live1="$live_end" -v every=$(( 60 / SOAK_SAMPLE_S > 0 ? 60 / SOAK_SAMPLE_S : 1 )) '
    function spark(v, lo, hi,   k) { k = hi > lo ? int((v - lo) / (hi - lo) * 7 + 0.5) : 0; return glyph[k + 1] }
    BEGIN { split("▁ ▂ ▃ ▄ ▅ ▆ ▇ █", glyph, " ") }
    { t[NR] = $1; heap[NR] = $2 / 1048576; old[NR] = $3 / 1048576; rss[NR] = $4 / 1024; req[NR] = $5; gc[NR] = $6; n = NR }
    END {
      print "| seconds | heap used MB | old gen MB | RSS MB | requests served | requests/s since the last row | GC pauses |"
      print "|---:|---:|---:|---:|---:|---:|---:|"
      last = 0
      for (i = 1; i <= n; i++) {
        if (i == 1 || i == n || (i - 1) % every == 0) {
          r = last ? sprintf("%.0f", (req[i] - req[last]) / (t[i] - t[last])) : ""
          printf "| %d | %.1f | %.1f | %.1f | %d | %s | %d |\n", t[i], heap[i], old[i], rss[i], req[i], r, gc[i]
          last = i
        }
      }
      hmin = hmax = heap[1]; rmin = rmax = rss[1]; omin = omax = old[1]
      for (i = 1; i <= n; i++) {
        if (heap[i] < hmin) hmin = heap[i]; if (heap[i] > hmax) hmax = heap[i]
        if (rss[i] < rmin) rmin = rss[i]; if (rss[i] > rmax) rmax = rss[i]
        if (old[i] < omin) omin = old[i]; if (old[i] > omax) omax = old[i]
      }
      s1 = s2 = s3 = ""
      for (i = 1; i <= n; i++) { s1 = s1 spark(heap[i], hmin, hmax); s2 = s2 spark(old[i], omin, omax); s3 = s3 spark(rss[i], rmin, rmax) }
      print ""
      print "| | first | last | min | max | every sample, first to last |"
      print "|---|---:|---:|---:|---:|---|"
      printf "| heap used MB | %.1f | %.1f | %.1f | %.1f | %s |\n", heap[1], heap[n], hmin, hmax, s1
      printf "| old gen MB | %.1f | %.1f | %.1f | %.1f | %s |\n", old[1], old[n], omin, omax, s2
      printf "| RSS MB | %.1f | %.1f | %.1f | %.1f | %s |\n", rss[1], rss[n], rmin, rmax, s3
      print ""
      printf "Heap in use just after a full collection (`jcmd PID GC.run`): %.1f MB before the soak, %.1f MB after it.\n", live0, live1
    }' "$samples"
  echo
  machine
  echo
  echo "Command: \`kiln-bench/tools/serve-bench.sh soak $d\` (SOAK_CONNECTIONS=$SOAK_CONNECTIONS SOAK_DELAY_MS=$SOAK_DELAY_MS SOAK_SAMPLE_S=$SOAK_SAMPLE_S)."
  echo
}

# --- profile ------------------------------------------------------------------------------------------------
profile() {
  local d=${1:-15}
  say "profile: ${d} s runs at 32 connections"
  # Deep stacks in the JFR recording: a prediction's stacks reach 80 frames (KilnServer.predict is called 38 frames deep,
  # through Jetty, Javalin and the virtual thread), past JFR's default of 64.
  local -x KILN_JAVA_OPTS="${KILN_JAVA_OPTS:-} -XX:FlightRecorderOptions=stackdepth=256"
  echo "### Where Kiln's time goes"
  echo
  echo "| run (32 connections, ${d} s after a ${WARMUP} s warm-up) | requests/s | p50 ms | p99 ms | errors |"
  echo "|---|---:|---:|---:|---:|"
  local server
  for server in kiln kiln-q; do
    start "$server"
    load 32 "$WARMUP" "$url" "$root/profile-$server-warmup.txt"
    load 32 "$d" "$health" "$root/profile-$server-health.txt" GET
    printf '| %s: GET /v2/health/live | %.0f | %.2f | %.2f | %d |\n' "$(label "$server")" "$rps" "$p50_ms" "$p99_ms" "$errors"
    load 32 "$d" "$url" "$root/profile-$server-predict.txt"
    printf '| %s: POST /api/models/bc/predict | %.0f | %.2f | %.2f | %d |\n' "$(label "$server")" "$rps" "$p50_ms" "$p99_ms" "$errors"
    if [ "$server" = kiln ]; then
      local m0 m1
      m0=$(curl -s "${url%/api/*}/metrics")
      load 8 5 "$url" "$root/profile-alloc.txt"
      m1=$(curl -s "${url%/api/*}/metrics")
      alloc_per_request=$(awk -v a="$(metric "$m0" 'jvm_gc_memory_allocated_bytes_total')" -v b="$(metric "$m1" 'jvm_gc_memory_allocated_bytes_total')" \
        -v r="$requests" 'BEGIN { printf "%.0f", (b - a) / r / 1024 }')
      # A JFR recording (settings=profile: a sample every 10 ms per thread) of a further run, apart from the timed ones.
      "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=serve-bench settings=profile > /dev/null
      load 32 "$d" "$url" "$root/profile-jfr.txt"
      "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=serve-bench filename="$root/predict.jfr" > /dev/null
      "$JAVA_HOME/bin/jfr" print --json --stack-depth 300 --events jdk.ExecutionSample "$root/predict.jfr" > "$root/samples.json"
      "$PY" "$here/jfr_top.py" "$root/samples.json" 15 > "$root/jfr-top.md"
      if command -v strace > /dev/null; then
        strace -f -qq -e trace=openat,statx,newfstatat,getdents64 -o "$root/strace.txt" -p "$pid" 2>/dev/null &
        local tracer=$!
        sleep 2
        for _ in $(seq 100); do
          curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary @"$root/body.json" "$url"
        done
        sleep 1
        kill -INT "$tracer" 2>/dev/null || true
        wait "$tracer" 2>/dev/null || true
      fi
    fi
    stop "$pid"
  done
  echo
  echo "Allocation (from \`jvm_gc_memory_allocated_bytes_total\`, 5 s at 8 connections): about ${alloc_per_request} KB per prediction."
  echo
  if [ -s "$root/strace.txt" ]; then
    echo "File-system calls of 100 predictions, one at a time (\`strace -f -e trace=openat,statx,newfstatat,getdents64\`):"
    echo
    echo "| call | per request |"
    echo "|---|---:|"
    awk '{ sub(/^[0-9]+ +/, ""); split($0, a, "("); n[a[1]]++ } END { for (c in n) if (c ~ /^(openat|statx|newfstatat|getdents64)$/) printf "| %s | %.1f |\n", c, n[c] / 100 }' \
      "$root/strace.txt" | sort
    echo
    echo "Files opened per request:"
    echo
    grep -o 'openat([^"]*"[^"]*"' "$root/strace.txt" | sed 's/.*"\(.*\)"/\1/' | sed "s|$root|HOME|" | sort | uniq -c \
      | awk '$1 >= 100 { printf "- `%s` (%d times in 100 requests)\n", $2, $1 }'
    echo
  fi
  if [ -s "$root/jfr-top.md" ]; then
    echo "JFR execution samples of Kiln (as shipped) serving predictions at 32 connections for $d s; each sample is put"
    echo "in the first part of a request found on its stack (\`$here/jfr_top.py\`):"
    echo
    cat "$root/jfr-top.md"
    echo
  fi
  echo "The steps of one prediction timed apart on one thread (\`$here/ServeProbe.java\`):"
  echo
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp kiln-cli/target/kiln.jar \
    "$here/ServeProbe.java" "$root/home" bc "$root/body.json" 2> >(grep -v 'Using incubator modules' >&2)
  echo
  echo "Command: \`kiln-bench/tools/serve-bench.sh profile $d\`; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
}

case $mode in
  throughput) throughput "${run_seconds:-25}" ;;
  soak) soak "${run_seconds:-600}" ;;
  profile) profile "${run_seconds:-15}" ;;
  all) throughput 25; profile 15; soak 600 ;;
esac
