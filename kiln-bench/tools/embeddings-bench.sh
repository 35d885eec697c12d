#!/usr/bin/env bash
# Times the sentence encoder under several ONNX Runtime versions, beside langchain4j's in-process model,
# and writes the "encoder" section of kiln-bench/results/embeddings.md. Run from the project root:
#   kiln-bench/tools/embeddings-bench.sh [ROUNDS [VERSION…]]   (default: 2 rounds of 1.20.0 1.22.0 1.23.2 1.24.2 1.29.0)
# Each version runs in its own JVM with its onnxruntime jar (fetched from Maven Central into ~/.m2 by Maven)
# in place of the one the build chose. Every version gets the main configurations; the options (optimisation
# level, batch size, token limit) and the peer run under the first version only. Rounds repeat the whole
# sequence, so that load from other work on the machine falls on every version alike; the report lists every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
kiln_select_jdk
args="$*"
rounds=${1:-2}
shift || true
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(1.20.0 1.22.0 1.23.2 1.24.2 1.29.0)
./kiln bench -h >/dev/null 2>&1 || true   # builds kiln-bench and its lib/ folder when stale
rm -f kiln-bench/target/embeddings-runs.jsonl
base=$(find kiln-bench/target/lib -name '*.jar' ! -name 'onnxruntime-*' | sort | tr '\n' ':')
for ((r = 1; r <= rounds; r++)); do
  for v in "${versions[@]}"; do
    jar="$HOME/.m2/repository/com/microsoft/onnxruntime/onnxruntime/$v/onnxruntime-$v.jar"
    [ -f "$jar" ] || ./mvnw -B -q dependency:get -Dartifact="com.microsoft.onnxruntime:onnxruntime:$v" -Dtransitive=false
    configs=(kiln:2:all:nospin:32:float:128 kiln:2:all:spin:32:float:128 kiln:1:all:nospin:32:float:128
             kiln:2:all:nospin:32:quantized:128)
    if [ "$v" = "${versions[0]}" ]; then
      configs+=(kiln:2:basic:nospin:32:float:128 kiln:2:extended:nospin:32:float:128 kiln:2:all:nospin:8:float:128
                kiln:2:all:nospin:64:float:128 kiln:2:all:nospin:32:float:256 langchain4j)
    fi
    "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dkiln.progress=off \
      -cp "kiln-bench/target/classes:${base}${jar}" dev.kiln.bench.Bench embeddings run "${configs[@]}"
  done
done
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "kiln-bench/target/classes:${base}" \
  dev.kiln.bench.Bench embeddings report encoder "kiln-bench/tools/embeddings-bench.sh $args"
