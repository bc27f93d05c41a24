#!/usr/bin/env bash
# Issue 18's out-of-memory cases through ./wisex with its default heap flags (README "Memory and the Java
# heap"): four memories of 1.83 GiB, and a 1 GiB memory with every 8th byte set. Prints exit code, the
# error line if any, wall seconds and peak RSS of each. Needs the built jar (./mvnw -q package -DskipTests)
# and several GB of free RAM; takes minutes. Extra arguments go to wisex (e.g. --runtime graal).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/testkit-classpath.sh" # sets JAVA_HOME, work and cp
# 29,983 pages = 1.83 GiB each; init writes the last byte of each (a dense 7.3 GiB would pass the 2 GiB
# output limit, which is refused by name).
cat > "$work/four.wat" <<'WAT'
(module (memory 29983) (memory 29983) (memory 29983) (memory 29983)
  (func (export "wizex.initialize")
    (i32.store8 0 (i32.const 0x74F6FFFF) (i32.const 1))
    (i32.store8 1 (i32.const 0x74F6FFFF) (i32.const 2))
    (i32.store8 2 (i32.const 0x74F6FFFF) (i32.const 3))
    (i32.store8 3 (i32.const 0x74F6FFFF) (i32.const 4))))
WAT
cat > "$work/eighth.wat" <<'WAT'
(module (memory 16384 16384)
  (func (export "wizex.initialize") (local $i i32)
    (loop $l (i32.store8 (local.get $i) (i32.const 0x5a))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 0x40000000))))))
WAT
for name in four eighth; do
  "$JAVA_HOME/bin/java" -cp "$cp" dev.wisex.testkit.WatCli "$work/$name.wat" "$work/$name.wasm"
  set +e
  /usr/bin/time -f "%e s wall, %M KB peak RSS" -o "$work/time" \
    "$here/wisex" --wasm-multi-memory "$@" "$work/$name.wasm" -o "$work/$name.out.wasm" 2> "$work/err"
  code=$?
  set -e
  echo "$name: exit $code, $(cat "$work/time"), output $(stat -c %s "$work/$name.out.wasm" 2>/dev/null || echo none) bytes"
  [ -s "$work/err" ] && sed 's/^/  /' "$work/err"
  rm -f "$work/$name.out.wasm"
done
