# Sourced by the launchers (./wisex and the distribution's bin/wisex; POSIX sh): which of the two AOT caches
# or class-data-sharing archives the build made a run should map. The full one (wisex.aot / wisex.jsa) was
# trained on both backends; the small one (wisex-small.aot / .jsa) on Chicory alone, which the default runs
# for code under 256 KiB (EngineChoice.SMALL_CODE_BYTES). A JVM loads every class of its cache at start, so
# GraalWasm's classes cost a small module's run ~0.05 s (tiny 1.11x the wall time) while they save a run on
# GraalWasm 0.1-0.6 s (javy 0.70x, ruby.wasm 0.90x): README "Performance". The choice changes only speed.
#
# archive_suffix ARG...: prints "-small" when the command line names only files under 256 KiB (a module's
# code is never larger than its file), at least one of them, and neither a backend other than chicory nor
# --cross-check; else nothing (a module on stdin, a large one, GraalWasm asked for, no wc(1) to measure).
archive_suffix() {
  _small=
  _prev=
  for _arg in "$@"; do
    case $_arg in
      --cross-check | --runtime=*) [ "$_arg" = --runtime=chicory ] || return 0 ;;
    esac
    if [ "$_prev" = --runtime ] && [ "$_arg" != chicory ]; then return 0; fi
    if [ -f "$_arg" ]; then
      # Without wc(1) (the distribution's launcher needs nothing but sh), or a size unread: the full one.
      _size=$(wc -c 2>/dev/null <"$_arg") || return 0
      case $_size in *[0-9]*) ;; *) return 0 ;; esac
      [ $((_size)) -lt 262144 ] || return 0
      _small=-small
    fi
    _prev=$_arg
  done
  echo "$_small"
}
