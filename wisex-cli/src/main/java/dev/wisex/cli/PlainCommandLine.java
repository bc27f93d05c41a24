package dev.wisex.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * wisex's own parser of the ordinary command line ({@code wisex --allow-wasi -f init in.wasm -o
 * out.wasm}), so that such a run never loads picocli's parser and model: picocli's classes are Java
 * 5 class files, which the JDK's AOT cache cannot keep, and loading and verifying them is most of
 * the start before the module is read. It declines everything it is not sure to read exactly as
 * picocli does (help, version, completion, argument files, {@code --}, unknown or repeated options,
 * option clusters, values that look like options or convert in ways it does not know); picocli then
 * parses the line as before. {@code PlainCommandLineTest} checks the agreement against picocli.
 */
final class PlainCommandLine {
  private final Map<String, Opt<?>> byName = new HashMap<>();
  private final Map<Opt<?>, Object> values = new IdentityHashMap<>();
  private final String[] args;
  private String input;
  private boolean hasInput;

  private PlainCommandLine(String[] args) {
    this.args = args;
    for (Opt<?> option : CommandOptions.all()) {
      option.names().forEach(name -> byName.put(name, option));
    }
  }

  /** The values of {@code args}, or {@code null} when picocli must parse them. */
  static OptionValues parse(String[] args) {
    PlainCommandLine parser = new PlainCommandLine(args);
    return parser.parsed() ? new Parsed(parser.values, parser.input, List.of(args)) : null;
  }

  /** Reads every argument; false at the first one that picocli must read. */
  private boolean parsed() {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!plain(arg)) {
        return false;
      }
      if (arg.equals("-") || !arg.startsWith("-")) {
        if (hasInput) {
          return false; // picocli's error about a second input
        }
        hasInput = true;
        input = arg;
        continue;
      }
      if (arg.matches("-vv+")) {
        for (int v = 1; v < arg.length(); v++) {
          flagOnceMore(WisexCommand.VERBOSE);
        }
        continue;
      }
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      Opt<?> option = byName.get(eq < 0 ? arg : arg.substring(0, eq));
      String attached = eq < 0 ? null : arg.substring(eq + 1);
      if (option == null || option.helpOrVersion()) {
        return false;
      }
      boolean ok =
          switch (option.arity()) {
            case NONE -> attached == null && flag(option);
            case OPTIONAL_BOOLEAN -> optionalBoolean(option, attached, i + 1);
            case ONE -> {
              String text = attached;
              if (text == null) {
                if (i + 1 == args.length || !plain(args[i + 1])) {
                  yield false;
                }
                text = args[++i];
              }
              yield value(option, text);
            }
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether picocli takes {@code arg} as it stands: not empty, no argument file ({@code @FILE}),
   * not the completion subcommand, no quotes; a value that starts with {@code -} only as {@code -}.
   */
  private static boolean plain(String arg) {
    return !arg.isEmpty()
        && !arg.startsWith("@")
        && !arg.equals(CommandModel.COMPLETION)
        && arg.indexOf('"') < 0;
  }

  private boolean flag(Opt<?> option) {
    if (option.repeatable()) {
      flagOnceMore(option);
      return true;
    }
    return values.putIfAbsent(option, Boolean.TRUE) == null;
  }

  /** {@code -v} once more: picocli collects a repeated flag's occurrences in an array. */
  private void flagOnceMore(Opt<?> option) {
    boolean[] before = (boolean[]) values.getOrDefault(option, new boolean[0]);
    boolean[] after = Arrays.copyOf(before, before.length + 1);
    after[before.length] = true;
    values.put(option, after);
  }

  /**
   * {@code --flag}, {@code --flag=true}, {@code --flag=false}; declines when the next argument is
   * one picocli could take as the flag's value.
   */
  private boolean optionalBoolean(Opt<?> option, String attached, int next) {
    Boolean value;
    if (attached == null) {
      if (next < args.length
          && (args[next].equalsIgnoreCase("true") || args[next].equalsIgnoreCase("false"))) {
        return false;
      }
      value = Boolean.TRUE;
    } else if (attached.equals("true") || attached.equals("false")) {
      value = Boolean.valueOf(attached);
    } else {
      return false;
    }
    return values.putIfAbsent(option, value) == null;
  }

  private boolean value(Opt<?> option, String text) {
    if (!plain(text) || text.startsWith("-") && !text.equals("-")) {
      return false;
    }
    Object value = converted(option, text);
    if (value == null) {
      return false;
    }
    if (option.repeatable()) {
      @SuppressWarnings("unchecked") // the values of a list option are kept in a list
      List<Object> list = (List<Object>) values.computeIfAbsent(option, o -> new ArrayList<>());
      list.add(value);
      return true;
    }
    return values.putIfAbsent(option, value) == null;
  }

  /** The value picocli would convert {@code text} to, or {@code null} where unsure. */
  private static Object converted(Opt<?> option, String text) {
    if (option.converter() != null) {
      try {
        return option.converter().convert(text);
      } catch (RuntimeException e) {
        return null; // picocli reports the error
      }
    }
    Class<?> type = option.valueType();
    if (type == String.class) {
      return text;
    }
    if (type == long.class || type == Long.class) {
      // Plain decimal only: no sign, no leading zero (picocli would read 010 as octal), no
      // overflow.
      return text.matches("0|[1-9][0-9]{0,17}") ? Long.valueOf(text) : null;
    }
    if (type == Path.class) {
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        return null;
      }
    }
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
    }
    return null;
  }

  /** What the plain parser read. */
  private record Parsed(Map<Opt<?>, Object> values, String input, List<String> originalArgs)
      implements OptionValues {
    @Override
    @SuppressWarnings("unchecked") // each value was read for its option
    public <T> T get(Opt<T> option) {
      return values.containsKey(option) ? (T) values.get(option) : option.absent();
    }
  }
}
