#!/usr/bin/env bash
# Holds wisex's outputs on the benchmark set to Wizer's (an independent engine, wasmtime): the state each
# output starts in (memory sizes and bytes after the data segments, global initializers) and its interface
# (imports, exports), compared by scripts/snapshot-diff.mjs, which runs neither, must be equal, except where init read the clocks or the
# random stream, which Wizer takes from the host and wisex, by default, from its deterministic sandbox.
# Those bytes are found by running wisex again with --nondeterministic (the host's clocks and random
# stream, as Wizer has them) $NONDET times and Wizer $WIZER_RUNS times in all: a byte counts as explained
# where one of wisex's other outputs differs from its deterministic one, or one of Wizer's from its first,
# in the same aligned 8-byte word. Bytes of stack frames that had returned
# (below the stack pointer of a stack-first module) are counted apart: stale locals, which depend on the
# host calls that ran deepest last. Unexplained differences are findings and make the script exit 1.
#
#   scripts/realworld-parity.sh                    # every module of the set, NONDET=4
#   MODULES="ruby javy" NONDET=8 WIZER_RUNS=5 scripts/realworld-parity.sh
#   RUNTIME=chicory MODULES=sqlite scripts/realworld-parity.sh   # a backend forced (default: wisex's choice)
#
# Run-to-run differences are bounded by what the extra runs happen to vary: a hash table seeded from the
# random stream places entries anew on every run, so a slot one run fills and the others leave empty is
# explained only by a run that fills it too; more runs (NONDET, WIZER_RUNS) explain more of those. The
# unexplained ranges are printed for a reader to judge. What varies between runs of one tool is explained
# whatever its cause, so the check finds what wisex does systematically otherwise than Wizer, the class of
# an engine bug that leaks a wrong value into every snapshot.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/find-jdk.sh
. scripts/bench-common.sh

NONDET=${NONDET:-4}
WIZER_RUNS=${WIZER_RUNS:-3}
# shellcheck disable=SC2206 # a list of names
modules=(${MODULES:-${corpus_modules[*]} ${realworld_modules[*]}})
check_modules "${modules[@]}"
wisex=("$root/wisex")
[ -z "${RUNTIME:-}" ] || wisex+=(--runtime "$RUNTIME")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache="$work/cache"

findings=0
for m in "${modules[@]}"; do
  run_module "$m" "$work/$m.wizer.wasm" "$wizer" >"$work/log" 2>&1 || { echo "$m: Wizer failed: $(head -2 "$work/log")"; findings=$((findings + 1)); continue; }
  run_module "$m" "$work/$m.wisex.wasm" "${wisex[@]}" --cache-dir "$cache" >"$work/log" 2>&1 ||
    { echo "$m: wisex failed: $(head -2 "$work/log")"; findings=$((findings + 1)); continue; }
  others=()
  for ((k = 1; k <= NONDET; k++)); do
    run_module "$m" "$work/$m.nd$k.wasm" "${wisex[@]}" --cache-dir "$cache" --nondeterministic >"$work/log" 2>&1 ||
      { echo "$m: wisex --nondeterministic failed: $(head -2 "$work/log")"; continue; }
    others+=(--vary-a "$work/$m.nd$k.wasm")
  done
  for ((k = 2; k <= WIZER_RUNS; k++)); do
    run_module "$m" "$work/$m.wizer$k.wasm" "$wizer" >"$work/log" 2>&1 && others+=(--vary-b "$work/$m.wizer$k.wasm")
  done
  if verdict=$(node scripts/snapshot-diff.mjs --input "$(module_file "$m")" "$work/$m.wisex.wasm" "$work/$m.wizer.wasm" "${others[@]}"); then
    echo "$m: same state as Wizer's (differing bytes: $(grep -o '"differing_bytes":[0-9]*,"dead_stack":[0-9]*' <<<"$verdict" | sed 's/"differing_bytes"://; s/,"dead_stack":/, of them in dead stack frames: /' | paste -sd';'); the rest where init read the clocks or the random stream)"
  else
    findings=$((findings + 1))
    echo "$m: FINDING: $verdict"
  fi
done
[ "$findings" = 0 ] || { echo "realworld-parity: $findings module(s) differ from Wizer's state beyond the clocks and random stream" >&2; exit 1; }
