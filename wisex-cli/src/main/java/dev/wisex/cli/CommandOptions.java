package dev.wisex.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Every option of the {@code wisex} command, in the order of the help text: the command's own, then
 * those of each group. Both parsers read the options from here ({@link CommandModel} for picocli,
 * {@link PlainCommandLine}).
 */
final class CommandOptions {
  /** The options outside the groups, listed first under "Options:". */
  static final List<Opt<?>> OWN =
      List.of(
          WisexCommand.OUTPUT,
          WisexCommand.REPORT,
          WisexCommand.QUIET,
          WisexCommand.VERBOSE,
          WisexCommand.HELP,
          WisexCommand.VERSION);

  static final List<OptionGroup> GROUPS =
      List.of(
          InitOptions.GROUP,
          HostOptions.GROUP,
          FeatureOptions.GROUP,
          RuntimeOptions.GROUP,
          LimitOptions.GROUP);

  private CommandOptions() {}

  /** Every option, in the order of the help text. */
  static List<Opt<?>> all() {
    List<Opt<?>> options = new ArrayList<>(OWN);
    GROUPS.forEach(group -> options.addAll(group.options()));
    return options;
  }
}
