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
# Inference clamps the range of a column that was never negative at 0; Seattle's maximum temperature was never below 0 °C
# in the training days, but it can be. Expectations are a starting point to edit by hand:
sed -i.bak '/^- expect: range$/{N;/column: temp_max/{N;s/min: 0.0/min: -15.0/;};}' "$out/expectations.yaml"
grep -A3 'column: temp_max' "$out/expectations.yaml" | grep -A2 'expect: range' || grep -B1 -A3 'min: -15.0' "$out/expectations.yaml"
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

step "7. A challenger: a random forest, registered as version 2 with the same baseline"
./kiln train --data "$out/train.csv" --target weather --model random-forest --param n_estimators=100 --param seed=1 \
  --out "$out/weather-v2"
./kiln models register weather "$out/weather-v2" --home "$home" --alias challenger \
  --reference "$out/train.csv" --expectations "$out/expectations.yaml"
cat > "$out/experiment.yaml" <<'YAML'
id: forest-vs-logistic
model: weather
variants:
  - {name: logistic, version: 1, weight: 1}
  - {name: forest, version: 2, weight: 1}
unit: X-User-Id
metric: conversion              # here: the forecast was right
baseline_rate: 0.75
minimum_detectable_effect: 0.05
YAML
./kiln experiments create --file "$out/experiment.yaml" --server "$base"

step "8. Three passes over the held-out days, one user and one request a day, then the outcomes"
awk -F, 'NR > 1 { for (pass = 1; pass <= 3; pass++)
    printf "req-%d-%d user-%d-%d {\"instances\":[[%s,%s,%s,%s]]} %s\n", pass, NR, pass, NR, $1, $2, $3, $4, $5 }' \
  "$out/traffic.csv" > "$out/requests.txt"
: > "$out/answers.txt"
while read -r id user body truth; do
  label=$(post /api/models/weather/predict "$body" -H "X-User-Id: $user" -H "X-Request-Id: $id" \
    | grep -o '"label":"[a-z]*"' | head -n 1 | cut -d'"' -f4)
  echo "$id $label $truth" >> "$out/answers.txt"
done < "$out/requests.txt"
awk 'BEGIN { printf "{\"outcomes\": [" }
  { printf "%s{\"request_id\": \"%s\", \"label\": \"%s\", \"converted\": %s}", (NR > 1 ? "," : ""), $1, $3, ($2 == $3 ? "true" : "false") }
  END { print "]}" }' "$out/answers.txt" > "$out/outcomes.json"
post /api/experiments/forest-vs-logistic/outcomes "$(cat "$out/outcomes.json")" | cut -c 1-120
echo
./kiln experiments status forest-vs-logistic --server "$base" | tee "$out/experiment-status.txt"

step "9. Promote: the forest becomes the champion"
./kiln experiments promote forest-vs-logistic --variant forest --server "$base"
./kiln models list --home "$home"
echo "reports: $out/validation-summer.html $out/drift-summer.html; status: $out/experiment-status.txt"
