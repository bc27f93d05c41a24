# Sourced by ./mvnw and ./wisex: exports JAVA_HOME pointing at a JDK 21+ even where the default `java` is
# older. Uses JAVA_HOME if it is 21+, else the newest JDK 21+ under the usual install roots.
# The major version comes from the JDK's `release` file (no JVM start: the launcher runs this on every
# call); only a JDK without one is asked by running it.
java_major() {
  local v=""
  [ -f "$1/release" ] && v=$(sed -nE 's/^JAVA_VERSION="([0-9]+).*/\1/p' "$1/release")
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)
  fi
  [ "$v" = 1 ] && v=8 # 1.8 is 8
  echo "${v:-0}"
}
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/ /usr/local/lib/jvm/*/; do
    d=${d%/}; [ -x "$d/bin/java" ] || continue
    v=$(java_major "$d" 2>/dev/null || echo 0)
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  [ -n "$best" ] || { echo "no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2; return 2; }
  echo "$best"
}
JAVA_HOME="$(find_jdk)" || exit 2
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
