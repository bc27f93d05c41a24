package dev.wisex.cli;

import java.util.List;

/**
 * The values of a parsed command line, whichever parser read it: {@link PlainCommandLine} for the
 * ordinary run, picocli ({@link PicocliValues}) for the rest. The command and the option groups
 * read the options only through this.
 */
interface OptionValues {
  /** The option's value, or its value without the option when the command line lacks it. */
  <T> T get(Opt<T> option);

  /** The module to read: the positional argument, {@code null} when omitted. */
  String input();

  /** The command line as typed. */
  List<String> originalArgs();
}
