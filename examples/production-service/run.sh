#!/usr/bin/env bash
# The whole walk-through of README.md, end to end against a real server on a free port:
# profile -> expectations -> register with a baseline -> serve with validation -> watch drift ->
# run an A/B test -> promote. Run from anywhere; writes into examples/production-service/out/.
# Needs a JDK 21+, curl and awk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
out=examples/production-service/out
data=examples/drift-monitoring/data
rm -rf "$out" && mkdir -p "$out"
home="$out/home"
step() { printf '\n== %s\n' "$*"; }

# Rows [from, to) of a Seattle CSV as a predict body: rows in schema order (precipitation, temp_max, temp_min, wind).
batch() {
  awk -F, -v from="$2" -v to="$3" 'NR > 1 && NR - 2 >= from && NR - 2 < to {
      rows = rows (n++ ? "," : "") "[" $1 "," $2 "," $3 "," $4 "]" }
    END { print "{\"instances\": [" rows "]}" }' "$1"
}

step "1. Split Seattle's 2012-2013 weather: three days in four to train on, every fourth day as live traffic"
awk 'NR == 1 || NR % 4 != 0' "$data/seattle-2012-2013.csv" > "$out/train.csv"
awk 'NR == 1 || NR % 4 == 0' "$data/seattle-2012-2013.csv" > "$out/traffic.csv"
./kiln train --data "$out/train.csv" --target weather --model logistic-regression --out "$out/weather-v1"

step "2. Profile the training data and infer expectations"
./kiln profile --data "$out/train.csv" --out "$out/profile.json"
./kiln expect infer --profile "$out/profile.json" --out "$out/expectations.yaml"
./kiln validate --data "$data/seattle-summer.csv" --expectations "$out/expectations.yaml" --report "$out/validation-summer.html" || true

step "3. Register the model with its baseline: the expectations and a reference sample"
./kiln models register weather "$out/weather-v1" --home "$home" --alias champion \
  --reference "$out/train.csv" --expectations "$out/expectations.yaml"

step "4. Serve, checking every request against the expectations and comparing traffic with the reference"
./kiln serve --home "$home" --host 127.0.0.1 --port 0 --validation warn --drift-interval 5 --drift-window 300 --drift-min-rows 100 \
  > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  base=$(grep -o 'at http://127.0.0.1:[0-9]*' "$out/server.log" | head -n 1 | cut -c 4-) || true
  [ -n "${base:-}" ] && break
  sleep 0.1
done
[ -n "${base:-}" ] || { cat "$out/server.log"; exit 1; }
echo "serving at $base"
post() { curl -sS -X POST "$base$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }

step "5. Traffic like the training data: the held-out days"
for from in 0 50 100 150; do
  post /api/models/weather/predict "$(batch "$out/traffic.csv" "$from" $((from + 50)))" > /dev/null
done
post /api/models/weather/predict '{"instances": [[0.0, 61.0, 12.0, 3.1]]}'
echo
curl -sS "$base/api/models/weather/drift?refresh=true" > "$out/drift-held-out.json"
grep -o '"dataset_drift":[a-z]*,"drift_share":[0-9.]*' "$out/drift-held-out.json"

step "6. Summer traffic (2012-2015): the inputs and the predictions drift"
for from in 0 100 200; do
  post /api/models/weather/predict "$(batch "$data/seattle-summer.csv" "$from" $((from + 100)))" > /dev/null
done
curl -sS "$base/api/models/weather/drift?refresh=true" > "$out/drift-summer.json"
grep -o '"dataset_drift":[a-z]*,"drift_share":[0-9.]*' "$out/drift-summer.json"
curl -sS "$base/api/models/weather/drift?format=html" > "$out/drift-summer.html"
curl -sS "$base/metrics" | grep -E '^kiln_(dataset_drift|drift_share|drift_detected|validation_failures_total)' | tee "$out/metrics.txt"
