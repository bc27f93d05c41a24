#!/bin/sh
# Builds the distribution tarball (the -Pdist profile of wisex-cli/pom.xml calls it):
#   wisex-VERSION/{bin/wisex, lib/wisex.jar, lib/wisex.jsa, runtime/, LICENSE}
# runtime/ is a jlinked Java runtime of only the modules wisex needs; lib/wisex.jsa is a class-data-sharing
# archive dumped by THAT runtime (an archive is refused by any other JVM) on a training run.
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
# The same training run as the build's own archive (wisex-cli/pom.xml, wisex-cds-archive): a WASI sample,
# so the WASI host and its sandbox are archived too. Run through bin/wisex, so the flags are the launcher's.
WISEX_CDS=0 WISEX_JAVA_OPTS="-Xlog:cds=off,cds+dynamic=off:stderr -XX:ArchiveClassesAtExit=$home/lib/wisex.jsa" \
  "$home/bin/wisex" --allow-wasi --inherit-stdio=false --mapdir "/data::$repo/samples/data" \
  "$repo/samples/greeting.wasm" -o "$work/cds-training.wasm" --quiet
rm -f "$work/cds-training.wasm"
[ -f "$home/lib/wisex.jsa" ] || { echo "make-dist.sh: the training run dumped no archive" >&2; exit 1; }
tar -C "$work" -czf "$target/$name-linux-x64.tar.gz" "$name"
