package dev.wisex.cli;

/**
 * One {@code NAME=VALUE} argument, as taken by {@code --rename-func DST=SRC} and {@code --preload
 * NAME=FILE}. Split at the first {@code =} like Wizer; both sides must be non-empty, since an empty
 * export or module name is always a mistake.
 */
record KeyValue(String key, String value) {
  /**
   * The converter of each occurrence; a malformed one becomes a usage error (exit 2).
   *
   * @throws IllegalArgumentException without an {@code =} or with an empty side
   */
  static KeyValue parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("`" + spec + "` has no `=`");
    }
    if (eq == 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("`" + spec + "` needs a name on both sides of `=`");
    }
    return new KeyValue(spec.substring(0, eq), spec.substring(eq + 1));
  }
}
