#!/usr/bin/env bash
# Wall time, CPU time and peak RSS of Wizer, wisex's default and each wisex backend on the benchmark set:
# the C corpus (shared/bench-corpus plus bench/sqlite) and the real-world set of issue 19
# (scripts/fetch-realworld.sh), with ratios from the same run and the module facts an engine choice can use.
#
#   scripts/bench-engines.sh                        # every module, RUNS=1
#   MODULES="quickjs ruby" RUNS=3 scripts/bench-engines.sh
#   TOOLS="wizer graal" scripts/bench-engines.sh    # some of: wizer default chicory graal node
#   TSV=/tmp/raw.tsv scripts/bench-engines.sh       # also keep every run's figures
#   WISEX=/opt/wisex-0.1.0/bin/wisex scripts/bench-engines.sh   # an unpacked distribution instead of ./wisex
#
# Every run is bounded by `timeout $TIMEOUT` (default 300 s; a run that hits it is reported as such). When
# `./wisex --help` lists `--no-cache`, each wisex configuration runs cold (a fresh, empty --cache-dir) and
# warm (the same directory after a run that filled it), and the default also "taught": a fresh cache
# directory holding only what Chicory's cold compiles in this run so far (the module's own included)
# taught about the machine (chicory/compile-rate, the trial's budget); otherwise once. A figure is the run with the median
# wall time of $RUNS; beside it the 1-minute load average when it started (this is a shared 2-core machine:
# compare ratios within a run). wisex's outputs must be byte-identical across its configurations: any
# difference is reported and makes the script exit 1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/find-jdk.sh
. scripts/bench-common.sh

RUNS=${RUNS:-1}
TIMEOUT=${TIMEOUT:-300}
# shellcheck disable=SC2206 # lists of names
modules=(${MODULES:-${corpus_modules[*]} ${realworld_modules[*]}})
# shellcheck disable=SC2206
tools=(${TOOLS:-wizer default chicory graal node})
check_modules "${modules[@]}"
command -v /usr/bin/time >/dev/null || missing "/usr/bin/time is missing (Debian package time)"

# The wisex under test: ./wisex (its jar built when missing or older than the sources), or $WISEX as given.
wisex_cmd=${WISEX:-$root/wisex}
cli_jar=wisex-cli/target/wisex.jar
stale=$(find wisex-*/src/main -newer "$cli_jar" -print -quit 2>/dev/null || echo missing)
if [ -z "${WISEX:-}" ] && { [ ! -f "$cli_jar" ] || [ -n "$stale" ]; }; then
  echo "bench-engines: building wisex.jar" >&2
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
  ./mvnw -q ${MVN_FLAGS:-} package -DskipTests -pl wisex-cli -am >&2
fi
caches=(none)
if "$wisex_cmd" --help 2>/dev/null | grep -q -- '--no-cache'; then caches=(cold taught warm); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tsv=${TSV:-$work/runs.tsv}
printf 'module\ttool\tcache\trun\twall_s\tcpu_s\trss_mb\tload1\tstatus\tbytes\truntime\tinit_ms\n' >"$tsv"

# tool_cmd TOOL: the command line of TOOL (paths absolute).
tool_cmd() {
  case "$1" in
    wizer) echo "$wizer" ;;
    default) echo "$wisex_cmd" ;;
    *) echo "$wisex_cmd --runtime $1" ;;
  esac
}

# measure MODULE TOOL CACHE RUN: one timed run; appends a line to $tsv.
measure() {
  local m=$1 tool=$2 cache=$3 run=$4 out="$work/$1.$2.$3.wasm" tf="$work/time" load status=ok cmd cache_flags=()
  local report="$work/report.json" runtime=- init_ms=-
  read -r -a cmd <<<"$(tool_cmd "$tool")"
  # wisex's --report names the backend that ran init (the default's choice) and the init stage's time.
  rm -f "$report"
  [ "$tool" = wizer ] || cmd+=(--report "$report")
  if [ "$tool" != wizer ] && [ "$cache" != none ]; then
    [ "$cache" = warm ] || rm -rf "$work/cache-$m-$tool"
    if [ "$cache" = taught ] && [ -s "$work/compile-rate" ]; then
      mkdir -p "$work/cache-$m-$tool/chicory"
      cp "$work/compile-rate" "$work/cache-$m-$tool/chicory/compile-rate"
    fi
    cache_flags=(--cache-dir "$work/cache-$m-$tool")
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -f "$out" "$work/rss"
  # Peak RSS is that of the whole process tree (tree-rss.py): the node backend's Node process counts too.
  run_module "$m" "$out" python3 "$root/scripts/tree-rss.py" "$work/rss" \
    /usr/bin/time -f '%e %U %S %M' -o "$tf" timeout "$TIMEOUT" "${cmd[@]}" "${cache_flags[@]}" \
    >"$work/log" 2>&1 || status=failed
  if [ "$status" != ok ]; then
    if grep -q 'status 124' "$tf" 2>/dev/null; then status=timeout; fi
    echo "bench-engines: $m $tool $cache: $status: $(grep -v '^Command\|^WARNING' "$work/log" | head -2 | tr '\n' ' ')" >&2
  fi
  if [ -f "$report" ]; then
    runtime=$(tr -d ' \n' <"$report" | sed -E 's/.*"runtime":\{"name":"([^"]*)".*/\1/')
    init_ms=$(tr -d ' \n' <"$report" | sed -E 's/.*"init":([0-9.]+).*/\1/' | cut -d. -f1)
  fi
  # /usr/bin/time's last line: wall, user, system, peak RSS (KiB)
  tail -1 "$tf" | awk -v m="$m" -v t="$tool" -v c="$cache" -v r="$run" -v l="$load" -v s="$status" -v b="$(stat -c %s "$out" 2>/dev/null || echo 0)" \
    -v rt="$runtime" -v im="$init_ms" -v tree="$(cat "$work/rss" 2>/dev/null || echo 0)" \
    '{rss = tree > $4 ? tree : $4; printf "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%.0f\t%s\t%s\t%s\t%s\t%s\n", m, t, c, r, $1, $2 + $3, rss / 1024, l, s, b, rt, im}' >>"$tsv"
  [ "$status" != ok ] || cp "$out" "$work/$m.$tool.$cache.$run.out"
  # What Chicory's cold compiles taught about this machine, kept for the default's taught runs.
  if [ "$cache" = cold ] && [ -f "$work/cache-$m-$tool/chicory/compile-rate" ]; then
    touch "$work/compile-rate"
    cat "$work/compile-rate" "$work/cache-$m-$tool/chicory/compile-rate" | tail -9 >"$work/rate.tmp"
    mv "$work/rate.tmp" "$work/compile-rate"
  fi
}

mismatches=0
for m in "${modules[@]}"; do
  # Tools interleaved within each round, so a change of the machine's load hits all of them alike.
  for ((run = 1; run <= RUNS; run++)); do
    for tool in "${tools[@]}"; do
      for cache in "${caches[@]}"; do
        [ "$tool" != wizer ] || [ "$cache" = "${caches[0]}" ] || continue
        [ "$cache" != taught ] || [ "$tool" = default ] || continue
        c=$cache; [ "$tool" != wizer ] || c=none
        echo "bench-engines: $m $tool $c run $run (load $(cut -d' ' -f1 /proc/loadavg))" >&2
        measure "$m" "$tool" "$c" "$run"
      done
    done
  done
  # wisex's outputs, every configuration and run, against the first one.
  first=""
  for f in "$work/$m".{default,chicory,graal}.*.out; do
    [ -f "$f" ] || continue
    if [ -z "$first" ]; then first=$f
    elif ! cmp -s "$first" "$f"; then
      mismatches=$((mismatches + 1))
      echo "bench-engines: FINDING: $m: $(basename "$f") differs from $(basename "$first"): $(cmp "$first" "$f" 2>&1 | head -1)" >&2
    fi
  done
done

echo
echo "$("$wisex_cmd" --version 2>/dev/null | head -1) ($wisex_cmd) vs Wizer ($wizer); $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); RUNS=$RUNS, timeout ${TIMEOUT} s; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD)"
echo
echo "Wall s / CPU s / peak RSS MB (1-min load average at the start of the run; for the default, the backend it ran);"
echo "the run with the median wall of $RUNS:"
# One row per module: every tool and cache state, then ratios of wall times against Wizer's.
awk -F'\t' -v tools="${tools[*]}" -v caches="${caches[*]}" '
  NR == 1 { next }
  { key = $1 SUBSEP $2 SUBSEP $3; n[key]++; w[key, n[key]] = $5; line[key, n[key]] = $0; if (!($1 in seen)) { seen[$1] = 1; order[++mods] = $1 } }
  function skip(tool, cache) { return cache == "taught" && tool != "default" }  # only the default has a trial
  function pick(key,   i, j, k, a, tmp) {  # the line with the median wall
    k = n[key]; if (!k) return ""
    for (i = 1; i <= k; i++) a[i] = i
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (w[key, a[j]] < w[key, a[i]]) { tmp = a[i]; a[i] = a[j]; a[j] = tmp }
    return line[key, a[int((k + 1) / 2)]]
  }
  END {
    nt = split(tools, T, " "); nc = split(caches, C, " ")
    hdr = "| module"; sep = "|---"
    for (t = 1; t <= nt; t++) {
      if (T[t] == "wizer") { hdr = hdr " | Wizer"; sep = sep "|---"; continue }
      for (c = 1; c <= nc; c++) { if (skip(T[t], C[c])) continue; hdr = hdr " | " T[t] (C[c] == "none" ? "" : " " C[c]); sep = sep "|---" }
    }
    hasw = index(" " tools " ", " wizer ") > 0
    for (t = 1; t <= nt; t++) if (hasw && T[t] != "wizer") for (c = 1; c <= nc; c++) { if (skip(T[t], C[c])) continue; hdr = hdr " | " T[t] (C[c] == "none" ? "" : " " C[c]) "/Wizer"; sep = sep "|---" }
    print hdr " |"; print sep "|"
    for (i = 1; i <= mods; i++) {
      m = order[i]; row = "| " m; zw = ""
      for (t = 1; t <= nt; t++) for (c = 1; c <= nc; c++) {
        cc = (T[t] == "wizer") ? "none" : C[c]
        if (T[t] == "wizer" && c > 1) continue
        if (skip(T[t], cc)) continue
        l = pick(m SUBSEP T[t] SUBSEP cc)
        if (l == "") { row = row " | —"; continue }
        split(l, f, "\t")
        cell = (f[9] == "ok") ? sprintf("%.2f / %.2f / %d (%s)", f[5], f[6], f[7], f[8]) : sprintf("%s after %.0f s / %.1f / %.0f MB (%s)", f[9], f[5], f[6], f[7], f[8])
        if (T[t] == "default" && f[11] != "-") cell = cell " " f[11]
        row = row " | " cell
        wall[T[t], cc] = (f[9] == "ok") ? f[5] : ""
        if (T[t] == "wizer") zw = wall[T[t], cc]
      }
      for (t = 1; t <= nt; t++) if (hasw && T[t] != "wizer") for (c = 1; c <= nc; c++) {
        if (skip(T[t], C[c])) continue
        x = wall[T[t], C[c]]
        row = row " | " ((x != "" && zw != "" && zw > 0) ? sprintf("%.2f", x / zw) : "—")
      }
      print row " |"
      delete wall
    }
  }' "$tsv"

echo
echo "Module facts (scripts/wasm-facts.mjs):"
echo "| module | bytes | code bytes | functions | largest body | 99th pct body | bodies > 8,000 B | imports | exports | memory min pages |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for m in "${modules[@]}"; do
  node scripts/wasm-facts.mjs "$(module_file "$m")" | sed -E 's/,"export_funcs".*//' | tr -d '{}"' | tr ',' '\n' |
    awk -F: -v m="$m" '{v[$1] = $2} END {printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", m, v["bytes"], v["code_bytes"], v["functions"], v["largest_body"], v["p99_body"], v["bodies_over_8k"], v["imports"], v["exports"], v["memory_min_pages"]}'
done

if [ "$mismatches" != 0 ]; then
  echo "bench-engines: $mismatches wisex outputs differ between configurations (see FINDING lines above)" >&2
  exit 1
fi
