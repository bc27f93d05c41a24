#!/usr/bin/env bash
# Pre-initializes the SpiderMonkey debug engine of @fastly/js-compute@3.46.0 (fastly.debug.wasm) with wisex's
# default (deterministic) flags, as Wizer is run on it: init `wizer.initialize`, `-r _start=wizer.resume`,
# `--dir .`, the JS bundle's name on stdin. Its debug assertions reject a zero monotonic clock
# (TimeStamp.h:534), which wisex's virtual clock once returned.
#
#   scripts/fastly-debug.sh                       # every available backend, one after the other
#   RUNTIMES="graal" scripts/fastly-debug.sh      # some of them
#   WORK=/tmp/fastly scripts/fastly-debug.sh      # keep the package and the outputs there
#   TIMEOUT=60m scripts/fastly-debug.sh           # wisex's --timeout (default 30m: a 36 MB debug engine)
#
# Needs npm (fetches the package from the registry) and builds wisex.jar when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/find-jdk.sh

cli_jar="$root/wisex-cli/target/wisex.jar"
if [ ! -f "$cli_jar" ]; then
  echo "fastly-debug: building wisex.jar" >&2
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
  ./mvnw -q ${MVN_FLAGS:-} package -DskipTests -pl wisex-cli -am >&2
fi

work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
cd "$work"
if [ ! -f package/fastly.debug.wasm ]; then
  npm pack --silent @fastly/js-compute@3.46.0 >/dev/null
  tar xzf fastly-js-compute-3.46.0.tgz
fi
engine=$(find package -name fastly.debug.wasm | head -1)
[ -n "$engine" ] || { echo "fastly-debug: no fastly.debug.wasm in the package" >&2; exit 1; }
cat >bundle.js <<'JS'
addEventListener("fetch", (event) => event.respondWith(new Response("hello from a pre-initialized engine")));
JS

status=0
for runtime in ${RUNTIMES:-chicory graal}; do
  start=$(date +%s)
  if echo bundle.js | "$JAVA_HOME/bin/java" -Xmx4g -jar "$cli_jar" --allow-wasi --runtime "$runtime" \
      --timeout "${TIMEOUT:-30m}" -f wizer.initialize -r _start=wizer.resume --dir . "$engine" -o "out-$runtime.wasm" 2>"log-$runtime.txt"; then
    echo "$runtime: ok in $(($(date +%s) - start)) s, $(stat -c %s "$engine") -> $(stat -c %s "out-$runtime.wasm") bytes"
  else
    status=1
    echo "$runtime: FAILED in $(($(date +%s) - start)) s: $(grep -m1 -i 'error\|assert' "log-$runtime.txt" || tail -1 "log-$runtime.txt")"
  fi
done
exit $status
