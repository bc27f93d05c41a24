#!/usr/bin/env bash
# Fetches the real-world benchmark set of issue 19 with `npm pack` at pinned versions into
# ${REALWORLD:-/tmp/realworld} (see scripts/realworld-set.sh for the modules and how they are run):
#
#   scripts/fetch-realworld.sh                     # all five: ruby starlingmonkey javy fastly starlingmonkey-app
#   REALWORLD=/data/rw scripts/fetch-realworld.sh ruby javy
#
# Idempotent: a module whose NAME/NAME.wasm already has the pinned SHA-256 is left alone. Each extracted
# module is checked against its pinned SHA-256; the script exits 1 naming any that does not match.
# Prints, at the end, the command that pre-initializes each module with Wizer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/realworld-set.sh"
command -v npm >/dev/null || { echo "fetch-realworld: npm is not on PATH (it fetches the packages)" >&2; exit 2; }

sha() { sha256sum "$1" | cut -d' ' -f1; }

# fetch_library_app NAME APP: writes module NAME's larger app to APP (realworld_app_library): the pinned
# library, checked against its SHA-256, COPIES times, each in a function of its own, then the app's code.
fetch_library_app() {
  local name=$1 app=$2 tmp tgz got i
  tmp=$(mktemp -d)
  tgz=$(cd "$tmp" && npm pack --silent "${realworld_app_library[$name]}" | tail -1)
  tar xzf "$tmp/$tgz" -C "$tmp" "${realworld_app_library_entry[$name]}"
  got=$(sha "$tmp/${realworld_app_library_entry[$name]}")
  if [ "$got" != "${realworld_app_library_sha256[$name]}" ]; then
    echo "fetch-realworld: $name: ${realworld_app_library_entry[$name]} of ${realworld_app_library[$name]} has SHA-256 $got, expected ${realworld_app_library_sha256[$name]}" >&2
    rm -rf "$tmp"
    return 1
  fi
  {
    for ((i = 0; i < ${realworld_app_library_copies[$name]}; i++)); do
      echo "(function () {"
      cat "$tmp/${realworld_app_library_entry[$name]}"
      echo "}).call(globalThis);"
    done
    printf '%s\n' "$realworld_app_library_source"
  } >"$app"
  rm -rf "$tmp"
}

status=0
for name in "${@:-${realworld_modules[@]}}"; do
  [ -n "${realworld_package[$name]:-}" ] || { echo "fetch-realworld: unknown module $name (known: ${realworld_modules[*]})" >&2; exit 2; }
  dir="$REALWORLD/$name"
  wasm="$dir/$name.wasm"
  mkdir -p "$dir/app"
  if [ -n "${realworld_app_library[$name]:-}" ]; then
    fetch_library_app "$name" "$dir/app/${realworld_app[$name]}" || { status=1; continue; }
  elif [ -n "${realworld_app[$name]:-}" ]; then
    printf '%s\n' "$realworld_app_source" >"$dir/app/${realworld_app[$name]}"
  fi
  if [ -f "$wasm" ] && [ "$(sha "$wasm")" = "${realworld_sha256[$name]}" ]; then
    echo "fetch-realworld: $name: present ($wasm)" >&2
    continue
  fi
  tmp=$(mktemp -d "$dir/fetch.XXXXXX")
  echo "fetch-realworld: $name: npm pack ${realworld_package[$name]}" >&2
  tgz=$(cd "$tmp" && npm pack --silent "${realworld_package[$name]}" | tail -1)
  tar xzf "$tmp/$tgz" -C "$tmp" "${realworld_entry[$name]}"
  got=$(sha "$tmp/${realworld_entry[$name]}")
  if [ "$got" != "${realworld_sha256[$name]}" ]; then
    echo "fetch-realworld: $name: ${realworld_entry[$name]} of ${realworld_package[$name]} has SHA-256 $got, expected ${realworld_sha256[$name]}" >&2
    status=1
  else
    mv "$tmp/${realworld_entry[$name]}" "$wasm"
    echo "fetch-realworld: $name: $(stat -c %s "$wasm") bytes -> $wasm" >&2
  fi
  rm -rf "$tmp"
done
[ "$status" = 0 ] || exit 1

# The commands, also in $REALWORLD/README.txt for whoever uses the set without these scripts.
{
  echo "Pre-initialize with Wizer (the same flags for wisex; OUT.wasm an absolute path):"
  for name in "${realworld_modules[@]}"; do
    mapfile -t flags < <(realworld_flags "$name")
    stdin=${realworld_app[$name]:+printf ${realworld_app[$name]} | }
    echo "  (cd $REALWORLD/$name/app && ${stdin}wizer ${flags[*]} $REALWORLD/$name/$name.wasm -o OUT.wasm)"
  done
} | tee "$REALWORLD/README.txt"
