#!/usr/bin/env bash
# Runs SimilaritySearch.java (exact top-5 sentences, then a persistent HNSW + BM25 index) on data/notes.md.
# Run from anywhere; needs a JDK >= 21 (found as the kiln launcher finds it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/kiln" --version > /dev/null          # builds Kiln once
. "$root/bin/jdk.sh"
kiln_select_jdk
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dkiln.progress=off \
  -cp "$root/kiln-cli/target/lib/*" "$here/SimilaritySearch.java" "${1:-$here/data/notes.md}"
