# Shared by scripts/bench.sh and scripts/bench-engines.sh: where the benchmark corpus and Wizer are, the
# corpus modules' init flags, and how to run any module of the benchmark set (corpus or real-world).
# shellcheck shell=bash disable=SC2034 # the variables are read by the scripts that source this file

if [ -z "${PEERS:-}" ]; then
  PEERS=/tmp/peers
  [ -d "$PEERS/out" ] || [ ! -d /tmp/peers2/out ] || PEERS=/tmp/peers2
fi
corpus_modules=(tiny regex uap quickjs sqlite)
declare -A corpus_extra=([quickjs]="--allow-wasi" [sqlite]="--allow-wasi")
. "$root/scripts/realworld-set.sh"

missing() {
  cat >&2 <<MSG
bench: $1
The benchmark corpus, Wizer 11 and its Node harness come from shared/bench-corpus (see its README):
  mkdir -p /tmp/peers && cp -r <shared>/bench-corpus/. /tmp/peers && cd /tmp/peers && ./setup.sh && ./build-all.sh
then run this script again (PEERS=/path/to/that/copy if it is elsewhere). The real-world modules come
from scripts/fetch-realworld.sh.
MSG
  exit 2
}
# Wizer's own binary from its npm package; the npm wrapper script (node_modules/.bin/wizer) adds a Node
# start of its own to every run, which would flatter wisex.
wizer="$PEERS/node_modules/@bytecodealliance/wizer-$(uname -s | tr '[:upper:]' '[:lower:]')-x64/wizer"
[ -x "$wizer" ] || wizer="$PEERS/node_modules/.bin/wizer"

# is_realworld NAME: whether NAME is a module of the real-world set (else of the corpus).
is_realworld() { [ -n "${realworld_package[$1]:-}" ]; }

# check_modules NAME...: exits 2 naming what is missing and how to get it; builds sqlite when missing.
check_modules() {
  local m
  [ -x "$wizer" ] || missing "Wizer is missing: $wizer"
  for m in "$@"; do
    if is_realworld "$m"; then
      [ -f "$REALWORLD/$m/$m.wasm" ] || "$root/scripts/fetch-realworld.sh" "$m" >/dev/null ||
        missing "scripts/fetch-realworld.sh could not fetch the real-world module $m"
    elif [ "$m" = sqlite ] && [ ! -f "$PEERS/out/sqlite.wasm" ]; then
      # sqlite is not part of shared/bench-corpus: it is built here (bench/sqlite) with the corpus's toolchain.
      PEERS="$PEERS" "$root/bench/sqlite/build.sh" >&2 || missing "bench/sqlite/build.sh failed"
    else
      [ -f "$PEERS/out/$m.wasm" ] || missing "corpus module missing: $PEERS/out/$m.wasm"
    fi
  done
}

# module_file NAME: the module's path.
module_file() { if is_realworld "$1"; then echo "$REALWORLD/$1/$1.wasm"; else echo "$PEERS/out/$1.wasm"; fi; }

# run_module NAME OUT TOOL...: pre-initializes NAME into OUT with TOOL (a command and its own flags; its
# paths absolute), with the same init flags for every tool.
run_module() {
  local name=$1 out=$2
  shift 2
  if is_realworld "$name"; then
    realworld_run "$name" "$out" "$@"
  else
    # shellcheck disable=SC2086 # corpus_extra holds a list of flags
    "$@" -f wizex.initialize ${corpus_extra[$name]:-} "$PEERS/out/$name.wasm" -o "$out"
  fi
}
