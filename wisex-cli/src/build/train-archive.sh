#!/bin/sh
# Makes the archive ./wisex maps next to the jar (wisex-cli/pom.xml, execution wisex-cds-archive): on a JDK
# 25+ an AOT cache, target/wisex.aot (JEP 483/514: classes loaded and linked, lambda forms and constant-pool
# entries resolved), else a dynamic class-data-sharing archive, target/wisex.jsa; the other kind is deleted.
# The training run pre-initializes the WASI sample, so the WASI host and its sandbox (Jimfs, Guava) are in
# it too, with the JVM flags of ./wisex. What the JVM prints while training (the classes it cannot archive,
# such as picocli's Java 5 ones) goes to a log shown only when no archive comes out.
# Usage: train-archive.sh JAVA_HOME JAR TARGET_DIR REPO_DIR
set -eu
jdk=$1 jar=$2 target=$3 repo=$4
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
if [ "${major:-0}" -ge 25 ]; then
  made="$target/wisex.aot" other="$target/wisex.jsa" record="-XX:AOTCacheOutput=$target/wisex.aot"
else
  made="$target/wisex.jsa" other="$target/wisex.aot" record="-XX:ArchiveClassesAtExit=$target/wisex.jsa"
fi
rm -f "$made" "$other"
log="$target/archive-training.log"
# In target/, not the builder's home: the build leaves nothing outside the project.
if ! "$jdk/bin/java" "$record" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m -jar "$jar" \
  --allow-wasi --inherit-stdio=false --mapdir "/data::$repo/samples/data" "$repo/samples/greeting.wasm" \
  -o "$target/cds-training.wasm" --cache-dir "$target/cds-training-cache" --quiet >"$log" 2>&1 ||
  [ ! -f "$made" ]; then
  cat "$log" >&2
  echo "train-archive.sh: the training run made no archive ($made)" >&2
  exit 1
fi
rm -f "$log"
