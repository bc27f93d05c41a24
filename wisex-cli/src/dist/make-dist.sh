#!/bin/sh
# Builds the distribution tarball (the -Pdist profile of wisex-cli/pom.xml calls it):
#   wisex-VERSION/{bin/wisex, lib/wisex.jar, lib/archive-choice.sh, lib/wisex.aot and lib/wisex-small.aot
#   (or .jsa), runtime/, LICENSE}
# runtime/ is a jlinked Java runtime of only the modules wisex needs; lib/wisex*.aot (a JDK 25+ runtime) or
# lib/wisex*.jsa (JDK 21-24) are AOT caches or class-data-sharing archives made by THAT runtime (any other
# JVM refuses them) on training runs.
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
cp "$repo/wisex-cli/src/dist/lib/archive-choice.sh" "$home/lib/archive-choice.sh"
chmod 755 "$home/bin/wisex"
# The training runs, as for the build's own archives (src/build/train-archive.sh, with this runtime and
# lib/wisex.jar): lib/wisex.aot with --cross-check (both backends), lib/wisex-small.aot as the default runs a
# small module; lib/archive-choice.sh says which a run maps. On a JDK 25+ runtime they are AOT caches (tiny
# 0.90x the CPU of the class-data-sharing archive, README "Performance"); on JDK 21-24 dynamic
# class-data-sharing archives. The training's output and compile cache stay in the work directory.
sh "$repo/wisex-cli/src/build/train-archive.sh" "$home/runtime" "$home/lib/wisex.jar" "$home/lib" "$repo" "$work"
rm -f "$work/cds-training.wasm"
tar -C "$work" -czf "$target/$name-linux-x64.tar.gz" "$name"
