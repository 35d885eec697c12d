#!/usr/bin/env bash
# Trains the two Fashion-MNIST classifiers of this example and prints their test accuracy.
# Run from anywhere; needs a JDK >= 21 (the kiln launcher finds it) and ../shared/datasets.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${FASHION_MNIST:-$root/../shared/datasets/fashion_mnist}"
out="${OUT:-$here/out}"
if [ ! -f "$data/train-images-idx3-ubyte.gz" ] && [ ! -f "$data/train-images-idx3-ubyte" ]; then
  echo "run.sh: no Fashion-MNIST IDX files in $data; set FASHION_MNIST=DIR" >&2
  exit 2
fi
cd "$root"
echo "== MLP 784-256-128-10, 5 epochs =="
./kiln train --model mlp --data "$data" --test "$data" --param hidden=256,128 --param epochs=5 \
  --param schedule=cosine --out "$out/mlp" --report "$out/mlp-report"
echo
echo "== CNN conv32-pool-conv64-pool-fc128, 5 epochs =="
./kiln train --model cnn --data "$data" --test "$data" --param filters=32,64 --param dense=128 --param epochs=5 \
  --param schedule=cosine --out "$out/cnn" --report "$out/cnn-report"
