#!/usr/bin/env bash
# Runs the JMH benchmarks with the GC profiler, keeps the JSON results and prints them as Markdown tables.
#
# Usage: benchmarks/run.sh [--quick] [--no-build] [REGEX...] [-- EXTRA_JMH_ARGS...]
#   --quick      smoke run (1 fork, 1x1 s warmup, 1x1 s measurement): proves the benchmarks work, measures nothing;
#                output goes to benchmarks/target/smoke/, never to benchmarks/results/
#   --no-build   use the existing benchmarks/target/benchmarks.jar
#   REGEX        JMH benchmark filters, e.g. 'ConfigCatRaw' or '\.s1_bool$' (default: every benchmark)
#   --           everything after it goes to JMH unchanged, e.g. -- -f 3 -t 2
# A full run takes the settings of the benchmark classes (1 fork, 3x2 s warmup, 5x2 s measurement): about
# 25 s per benchmark, 10 minutes for the peers alone. Run it on an otherwise idle machine.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
quick=0
build=1
filters=()
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --) shift; extra=("$@"); break ;;
    *) filters+=("$1") ;;
  esac
  shift
done

if [[ $build -eq 1 ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
jmh_args=(-prof gc -rf json)
if [[ $quick -eq 1 ]]; then
  out="$root/benchmarks/target/smoke"
  jmh_args+=(-f 1 -wi 1 -i 1 -w 1s -r 1s)
else
  out="$root/benchmarks/results"
fi
mkdir -p "$out"
json="$out/jmh-$stamp.json"
markdown="$out/results-$stamp.md"

java -jar "$jar" "${filters[@]}" "${jmh_args[@]}" -rff "$json" "${extra[@]}" | tee "$out/jmh-$stamp.log"

model="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
machine="$(nproc)-core ${model:-unknown CPU}"
{
  if [[ $quick -eq 1 ]]; then
    echo "> Smoke run (--quick): it proves the benchmarks start and answer correctly. These numbers are not results."
    echo
  fi
  java -cp "$jar" dev.vexilla.bench.report.ResultsTable "$json" --machine "$machine"
} > "$markdown"
echo
cat "$markdown"
echo "JSON: $json"
echo "Markdown: $markdown"
