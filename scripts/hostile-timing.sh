#!/usr/bin/env bash
# Issue 18 item 3: wall time of ./wisex on generated hostile modules (a br_table of 100,000 and 1,000,000
# targets, 10,000 and 100,000 types, 10,000 memories), default choice and each --runtime. Prints one line
# per run: module, runtime, exit code, wall seconds, peak RSS, and the error line if any. Needs the built
# jar (./mvnw -q package -DskipTests); takes minutes (each run is bounded by --timeout, default 120s:
# TIMEOUT=30s scripts/hostile-timing.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/testkit-classpath.sh" # sets JAVA_HOME, work and cp
for spec in "br_table 100000" "br_table 1000000" "types 10000" "types 100000" "memories 10000"; do
  set -- $spec
  name="$1-$2"
  "$JAVA_HOME/bin/java" -cp "$cp" dev.wisex.testkit.HostileModulesCli "$1" "$2" "$work/$name.wasm"
  for runtime in default chicory graal; do
    args=()
    [ "$runtime" = default ] || args=(--runtime "$runtime")
    set +e
    /usr/bin/time -f "%e s wall, %M KB peak RSS" -o "$work/time" "$here/wisex" -q --no-cache \
      --timeout "${TIMEOUT:-120s}" "${args[@]}" "$work/$name.wasm" -o /dev/null 2> "$work/err"
    code=$?
    set -e
    echo "$name $runtime: exit $code, $(tail -1 "$work/time") $(grep -m1 '^error' "$work/err" | cut -c1-160)"
  done
done
