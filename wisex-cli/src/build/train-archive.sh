#!/bin/sh
# Makes the archives ./wisex maps next to the jar (wisex-cli/pom.xml, execution wisex-cds-archive): on a JDK
# 25+ AOT caches, target/wisex.aot and target/wisex-small.aot (JEP 483/514: classes loaded and linked, lambda
# forms and constant-pool entries resolved), else dynamic class-data-sharing archives, target/wisex.jsa and
# target/wisex-small.jsa; those of the other kind are deleted. Each comes from a training run that
# pre-initializes the WASI sample, so the WASI host and its sandbox (Jimfs, Guava) are in both, with the JVM
# flags of ./wisex: the full one with --cross-check, which runs init on every backend (GraalWasm and Truffle
# too), the small one as the default runs a small module (on V8 where the building machine has Node.js, else on
# Chicory; src/dist/lib/archive-choice.sh says which a run maps, and why). Trained on V8, it leaves Chicory's
# compiler out: a forced --runtime chicory on tiny then takes 0.21 s instead of 0.17 (warm compile cache), the
# default on V8 0.14 s instead of 0.17 with one trained on Chicory (8 runs each). What the JVM prints while training (the classes it cannot archive, such as
# picocli's Java 5 ones) goes to a log shown only when no archive comes out.
# make-dist.sh makes the distribution's lib/wisex*.aot with it too, on the jlinked runtime.
# Usage: train-archive.sh JAVA_HOME JAR TARGET_DIR REPO_DIR [SCRATCH_DIR]
# (SCRATCH_DIR, default TARGET_DIR: where the training run's output, compile cache and log go.)
set -eu
jdk=$1 jar=$2 target=$3 repo=$4 scratch=${5:-$3}
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
if [ "${major:-0}" -ge 25 ]; then kind=aot other=jsa; else kind=jsa other=aot; fi
# As ./wisex runs GraalWasm: without this, a runtime of 24+ warns about sun.misc.Unsafe (into the log).
unsafe=
[ "${major:-0}" -lt 24 ] || unsafe=--sun-misc-unsafe-memory-access=allow
rm -f "$target/wisex.$kind" "$target/wisex-small.$kind" "$target/wisex.$other" "$target/wisex-small.$other"
# train NAME ARG...: records $target/NAME.$kind from a run of the jar with ARG... added.
train() {
  name=$1
  made="$target/$name.$kind"
  shift
  if [ "$kind" = aot ]; then record="-XX:AOTCacheOutput=$made"; else record="-XX:ArchiveClassesAtExit=$made"; fi
  log="$scratch/archive-training.log"
  # A fresh compile cache for each run, so each one compiles the sample and Chicory's compiler is in the
  # archive (tiny with an empty compile cache: 0.88 of the wall time of an archive trained on a warm one;
  # with a warm compile cache within the noise, 1.04; README "Start-up of a small module").
  cache="$scratch/cds-training-cache-$name"
  rm -rf "$cache"
  # In the scratch directory, not the builder's home: the build leaves nothing outside the project.
  # shellcheck disable=SC2086 # $unsafe is one flag or none
  if ! "$jdk/bin/java" "$record" $unsafe -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m -jar "$jar" "$@" \
    --allow-wasi --inherit-stdio=false --mapdir "/data::$repo/samples/data" "$repo/samples/greeting.wasm" \
    -o "$scratch/cds-training.wasm" --cache-dir "$cache" --quiet >"$log" 2>&1 ||
    [ ! -f "$made" ]; then
    cat "$log" >&2
    echo "train-archive.sh: the training run made no archive ($made)" >&2
    exit 1
  fi
  rm -f "$log"
  rm -rf "$cache"
}
train wisex --cross-check
train wisex-small
