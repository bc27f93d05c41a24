package dev.wisex.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code wisex} in-process with captured streams, as the tests' stand-in for a shell. */
final class Cli {
  private Cli() {}

  /** What one run produced. */
  record Result(int exitCode, byte[] stdoutBytes, String stderr) {
    String stdout() {
      return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr;
    }
  }

  static Result run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  /**
   * {@code -Dwisex.test.parsedByPicocli=true} runs every test's command line on picocli alone, as
   * for a line {@link PlainCommandLine} declines: the tests then check that path too.
   */
  private static final boolean PICOCLI_ONLY = Boolean.getBoolean("wisex.test.parsedByPicocli");

  static Result runWithStdin(byte[] stdin, String... args) {
    return run(stdin, !PICOCLI_ONLY, args);
  }

  /** A run whose command line picocli parses, as when {@link PlainCommandLine} declines it. */
  static Result runParsedByPicocli(String... args) {
    return run(new byte[0], false, args);
  }

  /**
   * Runs the CLI as {@link #run}; the result's stderr also holds what was logged (the log appender
   * follows {@code System.err}, which is captured meanwhile).
   */
  static Result logged(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Result r;
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      r = run(args);
    } finally {
      System.setErr(original);
    }
    return new Result(
        r.exitCode(), r.stdoutBytes(), r.stderr() + log.toString(StandardCharsets.UTF_8));
  }

  private static Result run(byte[] stdin, boolean plainFirst, String... args) {
    InputStream in = new ByteArrayInputStream(stdin);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        WisexCommand.run(
            args,
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            plainFirst);
    return new Result(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }
}
