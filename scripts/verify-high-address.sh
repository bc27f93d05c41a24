#!/usr/bin/env bash
# Issue 18 item 1: `--verify` of an output with data above 2 GiB, which GraalWasm 25 (the only backend
# that holds such a memory) would instantiate wrongly: it sign-extends an i32 segment offset of 2^31 or
# more. Init grows a memory to 2.5 GiB and stores a byte at 0xA0000000 and one at 100; the run must exit
# 0 with the output verified. Prints exit code, wall seconds and peak RSS. Needs the built jar
# (./mvnw -q package -DskipTests) and ~6 GB of free RAM (two 2.5 GiB instances). Extra arguments go to
# wisex (e.g. --runtime graal).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/testkit-classpath.sh" # sets JAVA_HOME, work and cp
cat > "$work/high.wat" <<'WAT'
(module
  (memory (export "memory") 1 65536)
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (global.set $g (memory.grow (i32.const 40960)))
    (i32.store8 (i32.const 0xA0000000) (i32.const 0x5a))
    (i32.store8 (i32.const 100) (i32.const 0x33))))
WAT
"$JAVA_HOME/bin/java" -cp "$cp" dev.wisex.testkit.WatCli "$work/high.wat" "$work/high.wasm"
set +e
/usr/bin/time -f "%e s wall, %M KB peak RSS" -o "$work/time" \
  "$here/wisex" -v --verify "$@" "$work/high.wasm" -o "$work/high.out.wasm" 2> "$work/err"
code=$?
set -e
echo "verify above 2 GiB: exit $code, $(tail -1 "$work/time"), output $(stat -c %s "$work/high.out.wasm" 2>/dev/null || echo none) bytes"
grep -E "error|verif" "$work/err" | sed 's/^/  /' || true
[ "$code" = 0 ]
