#!/bin/sh
# Builds the distribution tarball (the -Pdist profile of wisex-cli/pom.xml calls it):
#   wisex-VERSION/{bin/wisex, lib/wisex.jar, lib/wisex.aot or lib/wisex.jsa, runtime/, LICENSE}
# runtime/ is a jlinked Java runtime of only the modules wisex needs; lib/wisex.aot (a JDK 25+ runtime) or
# lib/wisex.jsa (JDK 21-24) is an AOT cache or a class-data-sharing archive made by THAT runtime (any other
# JVM refuses it) on a training run.
# Usage: make-dist.sh JDK MODULES JAR VERSION TARGET_DIR REPO_DIR
set -eu
jdk=$1 modules=$2 jar=$3 version=$4 target=$5 repo=$6
name="wisex-$version"
work="$target/dist"
home="$work/$name"
rm -rf "$work"
mkdir -p "$home/lib"
# --generate-cds-archive: the runtime's own base archive, which the dynamic archive below builds on.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --generate-cds-archive --output "$home/runtime" 2>&1 \
  | grep -v -e '^WARNING: Using incubator modules' -e '^Created CDS archive successfully' >&2 || true
[ -x "$home/runtime/bin/java" ] || { echo "make-dist.sh: jlink made no runtime" >&2; exit 1; }
# The base archive for a JVM without compressed oops (a heap over 32 GiB, e.g. WISEX_JAVA_OPTS=-Xmx40g) is
# 14 MiB that only such a run would map; it then runs without class-data sharing.
rm -f "$home/runtime/lib/server/classes_nocoops.jsa"
cp "$jar" "$home/lib/wisex.jar"
cp "$repo/LICENSE" "$home/LICENSE"
mkdir -p "$home/bin"
cp "$repo/wisex-cli/src/dist/bin/wisex" "$home/bin/wisex"
chmod 755 "$home/bin/wisex"
# The training run: a WASI sample, so the WASI host and its sandbox are archived too, as in the build's own
# archive (wisex-cli/pom.xml, wisex-cds-archive). Run through bin/wisex, so the flags are the launcher's.
# On a JDK 25+ runtime it records an AOT cache (JEP 483/514: classes loaded and linked, lambda forms and
# constant-pool entries resolved; tiny 0.90x the CPU of the class-data-sharing archive, README
# "Performance"); on JDK 21-24 a dynamic class-data-sharing archive. What the training JVM prints (the
# classes it cannot archive, such as picocli's Java 5 ones) goes to a log shown only when it fails.
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/runtime/release")
if [ "${major:-0}" -ge 25 ]; then
  made="$home/lib/wisex.aot"
  record="-XX:AOTCacheOutput=$made"
else
  made="$home/lib/wisex.jsa"
  record="-XX:ArchiveClassesAtExit=$made -Xlog:cds=off,cds+dynamic=off:stderr"
fi
log="$work/training.log"
if ! WISEX_CDS=0 WISEX_JAVA_OPTS="$record" "$home/bin/wisex" --allow-wasi --inherit-stdio=false \
  --mapdir "/data::$repo/samples/data" "$repo/samples/greeting.wasm" -o "$work/cds-training.wasm" --quiet \
  >"$log" 2>&1 || [ ! -f "$made" ]; then
  cat "$log" >&2
  echo "make-dist.sh: the training run made no archive ($made)" >&2
  exit 1
fi
rm -f "$work/cds-training.wasm" "$log"
tar -C "$work" -czf "$target/$name-linux-x64.tar.gz" "$name"
