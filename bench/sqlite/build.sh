#!/usr/bin/env bash
# sqlite.wasm for the benchmark: SQLite 3.54.1 (the amalgamation shipped in npm's better-sqlite3 13.2.0)
# built like the corpus of shared/bench-corpus (clang-19, Debian's wasi-libc), into $OUT (default
# $PEERS/out). Needs that corpus set up (its setup.sh) at $PEERS (default /tmp/peers).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${PEERS:-}" ]; then
  PEERS=/tmp/peers
  [ -d "$PEERS/corpus" ] || [ ! -d /tmp/peers2/corpus ] || PEERS=/tmp/peers2
fi
export PEERS
. "$PEERS/corpus/common/env.sh"
pkg=$(npm_src better-sqlite3 13.2.0)
B=$(mktemp -d)
trap 'rm -rf "$B"' EXIT
# No threads, no extensions, no WAL (no mmap/shm in WASI); the unix VFS on wasi-libc is enough for
# :memory:. Emulated process clocks and signals for the parts of the unix VFS that name them.
SQLITE_FLAGS="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL -DSQLITE_OMIT_SHARED_CACHE
  -DSQLITE_OMIT_DEPRECATED -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_OMIT_RANDOMNESS -D_WASI_EMULATED_GETPID
  -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_MMAN -DSQLITE_MAX_MMAP_SIZE=0
  -DSQLITE_OMIT_POPEN"
# shellcheck disable=SC2086 # flag lists
$CC $WASI_CFLAGS $OPT $SQLITE_FLAGS -w -c "$pkg/deps/sqlite3/sqlite3.c" -o "$B/sqlite3.o"
# shellcheck disable=SC2086
$CC $WASI_CFLAGS $OPT -I"$pkg/deps/sqlite3" -I"$CORPUS/common" -c "$here/sqlite.c" -o "$B/app.o"
wasi_link "$OUT/sqlite.wasm" "$B/app.o" "$B/sqlite3.o" -lwasi-emulated-getpid -lwasi-emulated-signal \
  -lwasi-emulated-process-clocks -lwasi-emulated-mman
