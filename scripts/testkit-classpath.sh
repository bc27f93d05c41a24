# Sourced by the scripts that assemble WAT or generate modules with the testkit: builds the testkit and
# the modules it depends on, and sets `cp` to a class path holding them. Needs `here` (the checkout) and
# `work` (a scratch directory).
# package with -am: the testkit's sibling modules come from the reactor, not from ~/.m2.
(cd "$here" && ./mvnw -q -o -pl wisex-testkit -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$work/testkit.cp" >/dev/null)
cp="$here/wisex-testkit/target/classes:$(cat "$work/testkit.cp")"
