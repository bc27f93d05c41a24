#!/usr/bin/env bash
# Regenerates the Wizer reference outputs that WizerParityTest compares wisex against: assembles each
# listed test module, runs Wizer 11.0.3 (from npm) on it, and stores input and output as test resources.
# Needs node/npm; run after `./mvnw -q install -DskipTests`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/find-jdk.sh"
out="$here/wisex-rewriter/src/test/resources/wizer"
wat="$here/wisex-rewriter/src/test/resources/wat"
peers="${PEERS:-/tmp/wisex-peers}"
mkdir -p "$peers" "$out"
if [ ! -x "$peers/node_modules/.bin/wizer" ]; then
  (cd "$peers" && { [ -f package.json ] || echo '{"name":"wisex-peers","private":true}' > package.json; } \
    && npm install --no-audit --no-fund @bytecodealliance/wizer@11.0.3 >/dev/null)
fi
cpfile="$(mktemp)"
(cd "$here" && ./mvnw -q -pl wisex-testkit dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null)
cp="$here/wisex-testkit/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
for name in big_sparse counter globals grow many_segments overwrite reactor sparse_memory start two_memories import_uncalled; do
  "$JAVA_HOME/bin/java" -cp "$cp" dev.wisex.testkit.WatCli "$wat/$name.wat" "$out/$name.input.wasm"
  "$peers/node_modules/.bin/wizer" -f wizex.initialize "$out/$name.input.wasm" -o "$out/$name.wizer.wasm"
done
# Renames of every kind of export (a memory, a global, a table, a chain of functions), as Wizer makes them.
"$JAVA_HOME/bin/java" -cp "$cp" dev.wisex.testkit.WatCli "$wat/renames.wat" "$out/renames.input.wasm"
"$peers/node_modules/.bin/wizer" -f wizex.initialize -r mem=memory -r val=g -r tab=t -r go=run -r run=keep \
  "$out/renames.input.wasm" -o "$out/renames.wizer.wasm"
"$JAVA_HOME/bin/java" -cp "$cp" dev.wisex.testkit.WatCli "$here/samples/primes.wat" "$out/primes.input.wasm"
"$peers/node_modules/.bin/wizer" -f wizex.initialize "$out/primes.input.wasm" -o "$out/primes.wizer.wasm"
# Real C programs from the benchmark corpus, if it has been built (shared/bench-corpus/build-all.sh).
corpus="${CORPUS_OUT:-$peers/out}"
for name in tiny regex; do
  if [ -f "$corpus/$name.wasm" ]; then
    cp "$corpus/$name.wasm" "$out/c-$name.input.wasm"
    "$peers/node_modules/.bin/wizer" --allow-wasi -f wizex.initialize "$out/c-$name.input.wasm" -o "$out/c-$name.wizer.wasm"
  fi
done
echo "wrote $(ls "$out" | wc -l) files to $out"
