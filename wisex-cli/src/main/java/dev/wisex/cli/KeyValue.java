package dev.wisex.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code NAME=VALUE} argument, as taken by {@code --rename-func DST=SRC} and {@code --preload
 * NAME=FILE}. Split at the first {@code =} like Wizer; both sides must be non-empty, since an empty
 * export or module name is always a mistake.
 */
record KeyValue(String key, String value) {
  /** picocli calls this for each occurrence; a malformed one becomes a usage error (exit 2). */
  static final class Converter implements ITypeConverter<KeyValue> {
    @Override
    public KeyValue convert(String spec) {
      int eq = spec.indexOf('=');
      if (eq < 0) {
        throw new TypeConversionException("`" + spec + "` has no `=`");
      }
      if (eq == 0 || eq == spec.length() - 1) {
        throw new TypeConversionException("`" + spec + "` needs a name on both sides of `=`");
      }
      return new KeyValue(spec.substring(0, eq), spec.substring(eq + 1));
    }
  }
}
