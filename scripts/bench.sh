#!/usr/bin/env bash
# wisex against Wizer on the benchmark corpus, then wisex's own microbenchmarks; prints one table.
#
#   scripts/bench.sh                 # corpus from $PEERS (default /tmp/peers, else /tmp/peers2)
#   RUNS=5 NODE_MS=1000 MVN_FLAGS="-o -Dmaven.repo.local=..." scripts/bench.sh   # MVN_FLAGS: for the build
#   SKIP_MICRO=1 scripts/bench.sh    # corpus table only
#   MODULES="uap sqlite" scripts/bench.sh   # some of the modules
#   SKIP_ENGINES=1 scripts/bench.sh  # without the engine table (scripts/bench-engines.sh, its own header)
#   ENGINE_MODULES="quickjs ruby" ENGINE_RUNS=3 scripts/bench.sh   # its modules (default: all) and runs (1)
#
# For each module (the four of shared/bench-corpus plus SQLite from bench/sqlite), with the same flags for
# both tools (`-f wizex.initialize`, plus `--allow-wasi` for quickjs and sqlite): median of $RUNS CLI
# wall times (process start to exit, JVM start included for wisex), output
# size and data segments, start-up speedup of the output in Node (`harness/bench.mjs`: instantiate + run
# of the original, which initializes lazily, over instantiate + run of the output) and in Chicory
# (`BenchMain startup`: the same, through wisex's backend SPI with its WASI host), and wisex's library-mode
# time (warm JVM, JMH). "without CDS" is the wisex wall time with WISEX_CDS=0, i.e. without
# the class-data-sharing archive the build makes; "with C2" is with the JVM's default tiered compilation
# instead of the launcher's C1-only flag. Library mode is the JMH benchmark LibraryModeBenchmark. Needs the corpus of shared/bench-corpus built with
# Wizer 11 and Node 20+; the wisex jars are built here when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/find-jdk.sh

. scripts/bench-common.sh

RUNS=${RUNS:-5}
NODE_MS=${NODE_MS:-1000}
# shellcheck disable=SC2206 # MODULES is a list of names
modules=(${MODULES:-${corpus_modules[*]}})
declare -A inputs=(
  [tiny]="hello, world"
  [regex]="john.doe@example.com"
  [uap]="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
  [quickjs]=$'# Title\n\nSome *markdown* with a [link](https://example.com) and `code`.\n\n- one\n- two\n'
  [sqlite]="user 1"
)

command -v node >/dev/null || missing "node is not on PATH (Node.js 20+ runs the start-up benchmark)"
[ -f "$PEERS/harness/bench.mjs" ] || missing "the Node harness is missing: $PEERS/harness/bench.mjs"
[ -f "$PEERS/tools/segstats.mjs" ] || missing "the segment counter is missing: $PEERS/tools/segstats.mjs"
check_modules "${modules[@]}"

cli_jar=wisex-cli/target/wisex.jar
bench_jar=wisex-bench/target/wisex-bench.jar
stale=$(find wisex-*/src/main -newer "$cli_jar" -print -quit 2>/dev/null || echo missing)
if [ ! -f "$cli_jar" ] || [ ! -f "$bench_jar" ] || [ -n "$stale" ]; then
  echo "bench: building wisex.jar and the benchmark jar" >&2
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
  ./mvnw -q ${MVN_FLAGS:-} package -DskipTests -pl wisex-cli,wisex-bench -am >&2
fi
bench_cp="$cli_jar:$bench_jar"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
median() { sort -g | awk '{a[NR]=$1} END {printf "%.3f\n", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# wall TOOL... : median of $RUNS wall times in seconds
wall() {
  local i t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now); "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; return 1; }; t1=$(now)
    echo "scale=4; ($t1 - $t0) / 1000000000" | bc
  done | median
}
segments() { node "$PEERS/tools/segstats.mjs" "$1" | sed -E 's/.*"segments":([0-9]+).*/\1/'; }
speedup() { node --expose-gc "$PEERS/harness/bench.mjs" "$1" "$2" "$3" --ms "$NODE_MS" --cold 0 | sed -E 's/.*"inst_run_speedup":"([0-9.]+)".*/\1/'; }
# Chicory (AUTO mode) through wisex's SPI: parse + compile + instantiate + run, original over output.
jstartup() {
  "$JAVA_HOME/bin/java" -Xmx2g -cp "$bench_cp" dev.wisex.bench.BenchMain startup --input "$3" \
    --warmups 2 --iterations "$RUNS" "$1" "$2" | awk -F'\t' '$1 == "startup" {print $6; exit}'
}
ratio() { echo "scale=3; $1 / $2" | bc | sed 's/^\./0./'; }

header="| module | wisex wall s | without CDS | with C2 | Wizer wall s | wall wisex/Wizer | wisex library ms (JMH, warm) | wisex bytes | Wizer bytes | bytes wisex/Wizer | segments wisex / Wizer | Node start-up speedup wisex / Wizer | Chicory start-up speedup wisex / Wizer | Wizer output / wisex output start-up time, Node / Chicory |"
rows=()
stages=()
for m in "${modules[@]}"; do
  in="$PEERS/out/$m.wasm"
  # shellcheck disable=SC2086 # corpus_extra holds a list of flags
  flags=(-f wizex.initialize ${corpus_extra[$m]:-})
  echo "bench: $m" >&2
  w_wall=$(wall ./wisex "$in" -o "$work/$m.wisex.wasm" "${flags[@]}")
  w_nocds=$(WISEX_CDS=0 wall ./wisex "$in" -o "$work/$m.wisex.wasm" "${flags[@]}")
  w_c2=$(WISEX_JAVA_OPTS=-XX:TieredStopAtLevel=4 wall ./wisex "$in" -o "$work/$m.wisex.wasm" "${flags[@]}")
  z_wall=$(wall "$wizer" "$in" -o "$work/$m.wizer.wasm" "${flags[@]}")
  ./wisex "$in" -o "$work/$m.wisex.wasm" "${flags[@]}" --quiet --report "$work/$m.report.json"
  # Library mode: JMH (single-shot runs after 3 warm-ups); the peak heap of such runs from BenchMain corpus.
  "$JAVA_HOME/bin/java" -cp "$bench_cp" org.openjdk.jmh.Main LibraryModeBenchmark -p module="$in" \
    -wi 3 -i "$RUNS" -rf csv -rff "$work/$m.jmh.csv" >"$work/$m.jmh.log" 2>&1 ||
    { echo "bench: JMH failed on $m (log: $work/$m.jmh.log)" >&2; exit 1; }
  lib=$(awk -F',' 'NR == 2 {printf "%.1f", $5}' "$work/$m.jmh.csv")
  corpus_line=$("$JAVA_HOME/bin/java" -Xmx2g -cp "$bench_cp" dev.wisex.bench.BenchMain corpus --warmups 1 --iterations 2 \
    --init-func wizex.initialize --allow-wasi "$in" | awk -F'\t' '$1 == "corpus" {print; exit}')
  peak_heap=$(cut -f7 <<<"$corpus_line")
  memory_mib=$(grep -o '"pages": [0-9]*' "$work/$m.report.json" | awk '{p += $2} END {printf "%.0f", p * 65536 / 1048576}')
  module_mib=$(awk -v b="$(stat -c %s "$in")" 'BEGIN {printf "%.1f", b / 1048576}')
  w_size=$(stat -c %s "$work/$m.wisex.wasm"); z_size=$(stat -c %s "$work/$m.wizer.wasm")
  w_seg=$(segments "$work/$m.wisex.wasm"); z_seg=$(segments "$work/$m.wizer.wasm")
  w_up=$(speedup "$in" "$work/$m.wisex.wasm" "${inputs[$m]}")
  z_up=$(speedup "$in" "$work/$m.wizer.wasm" "${inputs[$m]}")
  c_up=$(jstartup "$in" "$work/$m.wisex.wasm" "${inputs[$m]}")
  cz_up=$(jstartup "$in" "$work/$m.wizer.wasm" "${inputs[$m]}")
  # The two outputs against each other in one process: Wizer's output's start-up time over wisex's
  # (>= 1: wisex's output starts at least as fast). Less noisy than comparing two speedups.
  n_vs=$(speedup "$work/$m.wizer.wasm" "$work/$m.wisex.wasm" "${inputs[$m]}")
  c_vs=$(jstartup "$work/$m.wizer.wasm" "$work/$m.wisex.wasm" "${inputs[$m]}")
  timings=$(tr -d ' \n' <"$work/$m.report.json" | sed -E 's/.*"timingsMs":\{([^}]*)\}.*/\1/; s/"//g')
  rows+=("| $m | $w_wall | $w_nocds | $w_c2 | $z_wall | $(ratio "$w_wall" "$z_wall") | $lib | $w_size | $z_size | $(ratio "$w_size" "$z_size") | $w_seg / $z_seg | $w_up / $z_up | $c_up / $cz_up | $n_vs / $c_vs |")
  stages+=("$m: $timings; library-mode peak heap $peak_heap MiB, 2 x (memory $memory_mib MiB + module $module_mib MiB) = $(awk -v a="$memory_mib" -v b="$module_mib" 'BEGIN {printf "%.0f", 2 * (a + b)}') MiB")
done

echo
wizer_version=$(sed -nE 's/^ *"version": *"([^"]+)".*/\1/p' "$PEERS/node_modules/@bytecodealliance/wizer/package.json" | head -1)
echo "$(./wisex --version 2>/dev/null | head -1) vs Wizer $wizer_version ($wizer); median of $RUNS; $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), node $(node --version)"
echo "$header"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "wisex --report stage timings of one CLI run (ms), and peak heap:"
printf '  %s\n' "${stages[@]}"

if [ -z "${SKIP_ENGINES:-}" ]; then
  # Wizer, wisex's default and each backend on the corpus and the real-world set: wall, CPU, peak RSS.
  echo
  echo "engines (scripts/bench-engines.sh):"
  MODULES="${ENGINE_MODULES:-}" RUNS="${ENGINE_RUNS:-1}" scripts/bench-engines.sh
fi

if [ -z "${SKIP_MICRO:-}" ]; then
  echo
  echo "microbenchmarks (dev.wisex.bench.BenchMain, warm JVM, median of 3 after 1 warm-up):"
  # 10,000 runs fit under the 10,000-segment cap: the snapshot stage is the scan and the plan. 100,000
  # runs must be merged into 10,000 segments that carry ~720 MB of the zeros between them.
  for runs in 10000 100000; do
    "$JAVA_HOME/bin/java" -Xmx8g -cp "$bench_cp" dev.wisex.bench.BenchMain snapshot --mib 1024 --runs "$runs" --warmups 1 --iterations 3
  done
  # The dense case once more in a heap just above memory + output (1 GiB + 687 MiB): the output is the only
  # copy of the snapshot's bytes, so it completes.
  echo "the same, one run under -Xmx2200m:"
  "$JAVA_HOME/bin/java" -Xmx2200m -cp "$bench_cp" dev.wisex.bench.BenchMain snapshot --mib 1024 --runs 100000 --warmups 0 --iterations 1
  "$JAVA_HOME/bin/java" -Xmx2g -cp "$bench_cp" dev.wisex.bench.BenchMain rewrite --mb 50 --warmups 2 --iterations 5
fi
