#!/usr/bin/env bash
# The whole walk-through of README.md: prepares the data, trains a credit model, audits it for
# sex, age and foreign-worker bias, writes an HTML report and tries the three mitigations.
# Run from anywhere; writes into examples/bias-audit/out/. Exits 0 (the audits are expected to fail their checks).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
out=examples/bias-audit/out
mkdir -p "$out"

# 1. data: add a 'sex' column derived from personal_status, split 700 / 300 rows
awk -F, 'BEGIN { OFS = "," } NR == 1 { print $0, "sex"; next } { print $0, ($9 ~ /^female/ ? "female" : "male") }' \
  examples/bias-audit/german_credit.csv > "$out/credit.csv"
head -n 701 "$out/credit.csv" > "$out/train.csv"
{ head -n 1 "$out/credit.csv"; tail -n 300 "$out/credit.csv"; } > "$out/test.csv"

# 2. train
./kiln train --data "$out/train.csv" --test "$out/test.csv" --target class --model logistic-regression --out "$out/credit-model"

# 3. audit each sensitive feature, then an intersection with a report (exit code 1 = a check failed)
./kiln audit --model "$out/credit-model" --data "$out/test.csv" --sensitive sex --privileged sex=male || true
./kiln audit --model "$out/credit-model" --data "$out/test.csv" --sensitive age:25 --privileged 'age=>=25' || true
./kiln audit --model "$out/credit-model" --data "$out/test.csv" --sensitive foreign_worker --privileged foreign_worker=no || true
./kiln audit --model "$out/credit-model" --data "$out/test.csv" --sensitive sex,age:25 --report "$out/audit.html" \
  --json > "$out/audit.json" || true

# 4. mitigations and their trade-off
for method in threshold-dp threshold-eo reweighing; do
  ./kiln audit --model "$out/credit-model" --data "$out/test.csv" --sensitive sex --privileged sex=male \
    --mitigate "$method" --train "$out/train.csv" --report "$out/mitigation-$method.html" || true
done
echo "reports: $out/audit.html $out/mitigation-*.html"
