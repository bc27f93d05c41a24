#!/usr/bin/env bash
# Builds the C test modules with Debian's toolchain (apt-get install clang-19 lld-19 wasi-libc
# libclang-rt-19-dev-wasm32) as WASI reactors, so `_initialize` runs the constructors before wisex
# calls `wizex.initialize`. The outputs are checked in as test resources; tests rebuild into a
# temporary directory when clang is present (OUT_DIR) and compare behaviour, not bytes.
# Usage: scripts/build-c-samples.sh [OUT_DIR]
#   default: wisex-rewriter/src/test/resources/c, copied to wisex-cli/src/test/resources/c
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="$here/wisex-rewriter/src/test/c"
out="${1:-$here/wisex-rewriter/src/test/resources/c}"
cc="${CC:-clang-19}"
mkdir -p "$out"
for c in "$src"/*.c; do
  name="$(basename "$c" .c)"
  # -ffile-prefix-map keeps paths out of the binary; --strip-all keeps it small and path-free.
  "$cc" --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor \
    -ffile-prefix-map="$src"=. -Wl,--strip-all -o "$out/$name.wasm" "$c"
  echo "built $out/$name.wasm ($(stat -c %s "$out/$name.wasm") bytes)"
  if [ $# -eq 0 ]; then
    mkdir -p "$here/wisex-cli/src/test/resources/c"
    cp "$out/$name.wasm" "$here/wisex-cli/src/test/resources/c/$name.wasm"
  fi
done
