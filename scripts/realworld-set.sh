# The real-world benchmark set (issue 19), sourced by scripts/fetch-realworld.sh and scripts/bench.sh:
# which npm package and file each module comes from, its pinned SHA-256, and how Wizer is run on it (the
# flags follow each package's own tooling: componentize-js and js-compute spawn Wizer with `--allow-wasi
# --wasm-bulk-memory=true`, a preopen and the app's name on stdin; Javy's init-plugin calls
# `initialize-runtime` with WASI linked). Modules live in ${REALWORLD:-/tmp/realworld}/NAME/NAME.wasm;
# each run's working directory is NAME/app, which holds only the app the engine reads during init (wisex
# copies a --dir or --mapdir directory, so the module itself is kept out of it).
# shellcheck shell=bash disable=SC2034 # the arrays are read by the scripts that source this file

REALWORLD=${REALWORLD:-/tmp/realworld}
# starlingmonkey-app is the StarlingMonkey engine again with a larger app: six copies of lodash 4.17.21 (3.3 MB
# of JavaScript that init parses and runs), beyond issue 19's set, which gives each engine a one-line app.
realworld_modules=(ruby starlingmonkey javy fastly starlingmonkey-app)
declare -A realworld_package=(
  [ruby]=@ruby/3.4-wasm-wasi@2.10.1
  [starlingmonkey]=@bytecodealliance/componentize-js@0.23.0
  [javy]=@chainlink/cre-sdk-javy-plugin@1.7.0
  [fastly]=@fastly/js-compute@3.46.0
  [starlingmonkey-app]=@bytecodealliance/componentize-js@0.23.0
)
declare -A realworld_entry=(
  [ruby]=package/dist/ruby.wasm
  [starlingmonkey]=package/lib/starlingmonkey_embedding.wasm
  [javy]=package/dist/javy-chainlink-sdk.plugin.wasm
  [fastly]=package/fastly.wasm
  [starlingmonkey-app]=package/lib/starlingmonkey_embedding.wasm
)
declare -A realworld_sha256=(
  [ruby]=e64fa4c82cbbb62044648b0a15b96f3486ff3ecbab7bb7a3df11b4ee3e907ddc
  [starlingmonkey]=6094cd93d966f9bec9b01332db6e0eedbaf22f60b745c9f823f21e33cbd4d365
  [javy]=925d6f5bbddabc6898087fcc12ebc209a9b97a2130e49acf4ef0fc23ae813c66
  [fastly]=be733ac3508e17ca5799a26d72807e718e7492303b76379e9756f9540d14b6e6
  [starlingmonkey-app]=6094cd93d966f9bec9b01332db6e0eedbaf22f60b745c9f823f21e33cbd4d365
)
# The app file each engine reads during init (in NAME/app) and the line given on stdin naming it.
declare -A realworld_app=([starlingmonkey]=index.js [fastly]=bundle.js [starlingmonkey-app]=index.js)
realworld_app_source='addEventListener("fetch", (event) => event.respondWith(new Response("hello from a pre-initialized engine")));'
# A larger app: the library LIBRARY (npm package, file in it, its SHA-256) included COPIES times, each in a
# function of its own, before an app that uses it.
declare -A realworld_app_library=([starlingmonkey-app]=lodash@4.17.21)
declare -A realworld_app_library_entry=([starlingmonkey-app]=package/lodash.js)
declare -A realworld_app_library_sha256=([starlingmonkey-app]=4c04561befdf653aef017a42ac5addf68ea943cdfca6bdee5ce04e04e8139f54)
declare -A realworld_app_library_copies=([starlingmonkey-app]=6)
realworld_app_library_source='addEventListener("fetch", (event) => event.respondWith(new Response("chunks: " + _.chunk([1, 2, 3, 4], 2).length)));'

# realworld_flags NAME: prints the init flags of module NAME, one per line (the same for Wizer and wisex).
realworld_flags() {
  case "$1" in
    ruby) printf '%s\n' --allow-wasi -f _initialize ;;
    starlingmonkey) printf '%s\n' --allow-wasi --wasm-bulk-memory=true -f wizer-initialize --mapdir "/::$REALWORLD/starlingmonkey/app" ;;
    starlingmonkey-app) printf '%s\n' --allow-wasi --wasm-bulk-memory=true -f wizer-initialize --mapdir "/::$REALWORLD/starlingmonkey-app/app" ;;
    javy) printf '%s\n' --allow-wasi --wasm-bulk-memory=true -f initialize-runtime ;;
    fastly) printf '%s\n' --allow-wasi --wasm-bulk-memory=true -f wizer.initialize -r _start=wizer.resume --dir . ;;
    *) echo "realworld: unknown module $1" >&2; return 2 ;;
  esac
}

# realworld_run NAME OUT TOOL...: pre-initializes module NAME into OUT with TOOL (the rest of the
# arguments, e.g. a Wizer binary or `$root/wisex --runtime graal`; paths in it absolute: it runs in NAME/app),
# with the app's name on stdin.
realworld_run() {
  local name=$1 out=$2 flags
  shift 2
  [[ $out == /* ]] || out="$PWD/$out"
  mapfile -t flags < <(realworld_flags "$name")
  (cd "$REALWORLD/$name/app" && printf '%s' "${realworld_app[$name]:-}" | "$@" "${flags[@]}" "$REALWORLD/$name/$name.wasm" -o "$out")
}
