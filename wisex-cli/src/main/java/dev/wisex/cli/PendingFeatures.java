package dev.wisex.cli;

import dev.wisex.api.UnsupportedOptionException;
import dev.wisex.api.WisexOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The options that parse but whose feature is not implemented yet. Using one fails with a clear
 * message instead of producing an output that silently differs from what was asked. This list is
 * the only place to change when a feature lands: delete its entry.
 */
final class PendingFeatures {
  /**
   * One not-yet-supported option.
   *
   * @param names the option's names, canonical first; the message uses the one the user typed
   * @param used whether the options ask for the feature (a flag set to its default value is
   *     harmless)
   * @param why what is missing, in the user's words
   */
  private record Pending(List<String> names, Predicate<WisexOptions> used, String why) {}

  /** Empty: every option wisex parses is implemented. New entries go here while work is open. */
  private static final List<Pending> PENDING = List.of();

  private PendingFeatures() {}

  /**
   * Fails if the options use a pending feature.
   *
   * @param args the command line as typed, to name each option the way the user spelled it
   * @throws UnsupportedOptionException naming every pending option used
   */
  static void check(WisexOptions options, List<String> args) {
    List<String> problems = new ArrayList<>();
    for (Pending pending : PENDING) {
      if (pending.used().test(options)) {
        problems.add(
            "`"
                + spelling(pending.names(), args)
                + "` is not supported yet ("
                + pending.why()
                + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new UnsupportedOptionException(
          String.join("; ", problems)
              + (problems.size() == 1 ? "; remove the flag" : "; remove these flags"));
    }
  }

  private static String spelling(List<String> names, List<String> args) {
    for (String arg : args) {
      for (String name : names) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return name;
        }
      }
    }
    return names.getFirst();
  }
}
