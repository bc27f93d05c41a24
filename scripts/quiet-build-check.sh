#!/usr/bin/env bash
# Fails when a passing build printed more than Maven's progress trail and summary (issue 16: a quiet build).
# .ci/run hands it the build's output. Allowed: the lines Maven's ExecutionEventLogger prints at INFO (module
# and plugin headers, reactor order and summary), surefire's count of skipped tests (a backend skips the kit's
# tests for capabilities it does not declare), and the compiler's banner about wabt 1.0.0 (the only wabt
# served: a jar without a module name that the testkit has to require; see wisex-testkit/pom.xml).
set -euo pipefail
log=${1:?usage: quiet-build-check.sh BUILD_OUTPUT}
trail='^\[INFO\] ($|-+$|-*< [^ ]+ >-*$|-*\[ [a-z-]+ \]-*$|--- .* ---$|Building .*|  from .*|Scanning for projects\.\.\.$'
trail+='|Reactor Build Order:$|Reactor Summary for .*|[^ ].* +\[[a-z-]+\]$|[^ ].* \.+ (SUCCESS|SKIPPED) \[.*\]$'
trail+='|BUILD SUCCESS$|Total time: .*|Finished at: .*)'
skipped='^\[WARNING\] Tests run: [0-9]+, Failures: 0, Errors: 0, Skipped: [1-9][0-9]*(, Time elapsed: .*)?$'
wabt='^\[WARNING\] (\*+|\* Required filename-based automodules detected: \[wabt-1\.0\.0\.jar\]\..*\*)$'
# From Maven's first line on: a wrapper that downloads Maven on a fresh machine may speak before it.
unexpected=$(sed -n '/^\[INFO\] Scanning for projects/,$p' "$log" | grep -Ev -e "$trail" -e "$skipped" -e "$wabt" || true)
if [[ -n $unexpected ]]; then
  count=$(printf '%s\n' "$unexpected" | wc -l)
  echo "quiet-build-check: the build printed $count line(s) beyond Maven's trail and summary:" >&2
  printf '%s\n' "$unexpected" | head -40 >&2
  echo "Send test output to files (surefire does) and log at DEBUG; see .mvn/maven.config." >&2
  exit 1
fi
echo "quiet-build-check: $(wc -l < "$log") lines, nothing beyond Maven's trail and summary"
