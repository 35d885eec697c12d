#!/usr/bin/env bash
# RAG throughput and latency: `kiln rag ingest` (chunks and sentences embedded per second) and the ask latency of
# `kiln rag eval` (extractive answers, p50/p95 over the 100 python_docs_qa questions) on two knowledge bases:
#   small: python_docs_qa's 978 passages;
#   large: the same plus ../shared/datasets/sotu (233 speeches) and jane_austen (10,029 paragraphs), about 8x the text.
# The large one answers the same questions, so its quality columns show what the distractors cost.
# Writes kiln-bench/results/rag.md. Run from the project root, on a quiet machine:
#   kiln-bench/tools/rag-bench.sh [SHARED_DATASETS_DIR]    (default: ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
kiln_select_jdk
shared=${1:-../shared/datasets}
qa=examples/similarity-search/data/python_docs_qa
for f in "$qa/corpus.jsonl" "$qa/qa.jsonl" "$shared/sotu/speeches.jsonl" "$shared/jane_austen/paragraphs.jsonl"; do
  [ -f "$f" ] || { echo "rag-bench.sh: no $f" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "rag-bench.sh: needs jq" >&2; exit 2; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
out=kiln-bench/results/rag.md
./kiln -q rag -h >/dev/null 2>&1 || true   # builds Kiln when stale, outside the timings

# ingest KB LABEL FILE [--title-field F]: one ingest, its JSON kept as $root/KB-LABEL.json
ingest() {
  local kb=$1 label=$2 file=$3
  shift 3
  ./kiln -q rag ingest --home "$root" --kb "$kb" "$@" --json "$file" > "$root/$kb-$label.json"
}
ingest small docs "$qa/corpus.jsonl"
ingest large docs "$qa/corpus.jsonl"
ingest large sotu "$shared/sotu/speeches.jsonl" --title-field name
ingest large austen "$shared/jane_austen/paragraphs.jsonl" --title-field book

ingest_rows=""
for kb in small large; do
  read -r docs chunks sentences secs < <(jq -s -r '[ (map(.added) | add), (map(.chunks) | add), (map(.sentences_embedded) | add),
      (map(.timings.ingest_seconds) | add) ] | @tsv' "$root"/$kb-*.json)
  bytes=$(du -sb "$root/kb/$kb" | cut -f1)
  ingest_rows+=$(awk -v kb="$kb" -v d="$docs" -v c="$chunks" -v s="$sentences" -v t="$secs" -v b="$bytes" \
      'BEGIN { printf "| %s | %d | %d | %d | %.0f | %.0f | %.0f | %.0f |", kb, d, c, s, t, c / t, (c + s) / t, b / 1048576 }')
  ingest_rows+=$'\n'
done

ask_rows=""
for kb in small large; do
  ./kiln -q rag eval --home "$root" --kb "$kb" --qa "$qa/qa.jsonl" --json > "$root/eval-$kb.json"
  # One whole `kiln rag ask` command (JVM start, model load, one answer), median of three.
  walls=()
  for i in 1 2 3; do
    t0=$(date +%s.%N)
    ./kiln -q rag ask --home "$root" --kb "$kb" "How do I make a copy of an object in Python?" > /dev/null
    walls+=("$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')")
  done
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
  ask_rows+=$(jq -r --arg kb "$kb" --arg wall "$wall" '.metrics | "| \($kb) | \(.timings.ask_p50_seconds * 1000 | .*10|round/10) ms | \(.timings.ask_p95_seconds * 1000 | .*10|round/10) ms | \($wall | tonumber | .*100|round/100) s | \(.hit_at_5) | \(.mrr | .*1000|round/1000) | \(.key_sentence) | \(.faithfulness | .*1000|round/1000) |"' "$root/eval-$kb.json")
  ask_rows+=$'\n'
done

{
  echo "# RAG: ingest throughput and ask latency"
  echo
  echo "Two knowledge bases, all-MiniLM-L6-v2 (ONNX Runtime, 2 threads), chunks of 224 word pieces with 32 of overlap:"
  echo "**small** is python_docs_qa's 978 passages (2.0 MB of JSON Lines); **large** adds the 233 State of the Union"
  echo "speeches (\`sotu\`, 10.3 MB) and Jane Austen's 10,029 paragraphs (\`jane_austen\`, 4.8 MB), about 8.5 times the text."
  echo
  echo "## Ingest"
  echo
  echo "\`kiln rag ingest\` reads, chunks, embeds and indexes every chunk, then embeds every quotable sentence of the"
  echo "chunks once (the extractive answerer reads these stored vectors instead of running the encoder at ask time)."
  echo "Seconds are the command's own timing (reading to commit), summed over the ingests that built the knowledge base."
  echo
  echo "| knowledge base | documents | chunks | sentences embedded | seconds | chunks/s | texts embedded/s | size on disk (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$ingest_rows"
  echo
  echo "## Ask"
  echo
  echo "\`kiln rag eval\` asks python_docs_qa's 100 questions in one process (hybrid retrieval of 20 candidates, MMR to 5"
  echo "sources, extractive answer); p50 and p95 are of the time from question to answer, the encoder warm. The whole"
  echo "\`kiln rag ask\` command adds the JVM's start and the model's load to one answer (median of three runs)."
  echo
  echo "| knowledge base | ask p50 | ask p95 | one \`kiln rag ask\` command | hit@5 | MRR | key sentence | faithfulness |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$ask_rows"
  echo
  echo "Targets (issue 8): p50 under 50 ms on the small corpus and under 150 ms on the large one."
  echo
  echo "**Reading.** Ask time hardly grows with the corpus: the HNSW graph is searched in about logarithmic time, BM25 reads"
  echo "only the question's postings, and the answer scores at most 24 stored sentences by dot products, so the one encoder"
  echo "run (the question) dominates. Ingest is bound by the encoder, about 230 texts a second on two cores; storing every"
  echo "sentence's vector roughly doubles the texts embedded and takes ingest from about 37 s to 60 s on the small corpus,"
  echo "in exchange for asks that no longer embed anything but the question (69 ms at the median before). The large"
  echo "knowledge base answers the Python questions as well as the small one: 23,000 chunks of speeches and novels do not"
  echo "displace the right passages. A single command pays the JVM's start and the model's load (about 1.5 s) once."
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); Kiln $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%d)."
  echo
  echo "Command: \`kiln-bench/tools/rag-bench.sh\`, which runs \`./kiln rag ingest --kb small $qa/corpus.jsonl\`;"
  echo "\`./kiln rag ingest --kb large\` with the same file, then \`$shared/sotu/speeches.jsonl --title-field name\`, then"
  echo "\`$shared/jane_austen/paragraphs.jsonl --title-field book\`; \`./kiln rag eval --kb KB --qa $qa/qa.jsonl --json\`"
  echo "and \`./kiln rag ask --kb KB \"How do I make a copy of an object in Python?\"\` for each."
} > "$out"
echo "wrote $out"
