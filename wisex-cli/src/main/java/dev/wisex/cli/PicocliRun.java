package dev.wisex.cli;

import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;

/**
 * A run that picocli parses: the command lines {@link PlainCommandLine} declines (help, version,
 * usage errors, completion, anything unusual). It starts on the lean model and takes the full one
 * when the line may need it (see {@link CommandModel}).
 */
final class PicocliRun {
  private PicocliRun() {}

  /**
   * Parses {@code args} and runs a command of {@code commands} on them.
   *
   * @return the exit code
   */
  static int run(String[] args, Supplier<WisexCommand> commands, PrintWriter out, PrintWriter err) {
    // Two independent start-up costs of a fresh JVM run side by side: picocli building the model on
    // a second thread, the Log4j API starting on this one.
    boolean full = CommandModel.needsFull(args);
    FutureTask<CommandLine> model =
        new FutureTask<>(() -> CommandModel.build(commands.get(), full));
    Thread.ofPlatform().name("wisex-options").daemon().start(model);
    LogManager.getContext(false);
    ErrorReporter reporter = new ErrorReporter();
    CommandLine commandLine = configure(join(model), out, err, reporter);
    if (!full && !CommandModel.leanSuffices(commandLine, args)) {
      commandLine = configure(CommandModel.build(commands.get(), true), out, err, reporter);
    }
    return commandLine.execute(args);
  }

  /** The settings every model of the command runs with. */
  static CommandLine configure(
      CommandLine commandLine, PrintWriter out, PrintWriter err, ErrorReporter reporter) {
    return commandLine
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpLongOptionsMaxWidth(30)
        .setParameterExceptionHandler(reporter)
        .setExecutionExceptionHandler(reporter);
  }

  /** The command model built on the other thread; its failure is rethrown as it was. */
  private static CommandLine join(FutureTask<CommandLine> model) {
    try {
      return model.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }
}
