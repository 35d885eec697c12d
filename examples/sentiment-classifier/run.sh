#!/usr/bin/env bash
# Compares the sentiment classifiers with 5-fold cross-validation; writes out/comparison.md and out/report/.
# Run from anywhere; needs a JDK >= 21 (found as the kiln launcher finds it) and ../shared/datasets.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${SENTENCES:-$root/../shared/datasets/sentiment_labelled_sentences/sentences.csv}"
[ -f "$data" ] || { echo "run.sh: no $data; set SENTENCES=FILE" >&2; exit 2; }
"$root/kiln" --version > /dev/null          # builds Kiln once
java_bin=""
for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -x "$candidate" ] || continue
  version="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
  if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then java_bin="$candidate"; break; fi
done
[ -n "$java_bin" ] || { echo "run.sh: no JDK >= 21 found" >&2; exit 2; }
exec "$java_bin" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dkiln.progress=off \
  -cp "$root/kiln-cli/target/lib/*" "$here/CompareSentiment.java" "$data" "${OUT:-$here/out}"
