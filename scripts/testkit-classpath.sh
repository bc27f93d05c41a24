# Sourced by the scripts that assemble WAT or generate modules with the testkit: exports JAVA_HOME (a JDK
# 21+, find-jdk.sh), sets `work` to a scratch directory removed when the script exits, builds the testkit
# and the modules it depends on, and sets `cp` to a class path holding them. Needs `here` (the checkout).
. "$here/scripts/find-jdk.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# package with -am: the testkit's sibling modules come from the reactor, not from ~/.m2.
(cd "$here" && ./mvnw -q -o -pl wisex-testkit -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$work/testkit.cp" >/dev/null)
cp="$here/wisex-testkit/target/classes:$(cat "$work/testkit.cp")"
