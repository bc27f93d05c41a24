package dev.wisex.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.junit.jupiter.api.Test;

class StderrLoggerContextTest {
  /** The pattern {@code StderrLogging} gives log4j-core, whose rendering is the reference. */
  private static final PatternLayout LOG4J_CORE =
      PatternLayout.newBuilder().setPattern("wisex: %level %msg%n").build();

  private static LoggerContext context() {
    return StderrLoggerContext.FACTORY.getContext(
        StderrLoggerContextTest.class.getName(), null, null, false);
  }

  @Test
  void aLineIsWhatLog4jCoreMakesOfTheEventWithItsStackTrace() {
    IOException cause = new IOException("disk gone");
    Exception failure = new UncheckedIOException("could not write `out.wasm`", cause);
    failure.addSuppressed(new IllegalStateException("also this"));
    Message message = new ParameterizedMessage("wrote {} bytes to {}", 46430, "out.wasm");

    for (Throwable thrown : new Throwable[] {null, failure}) {
      for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN}) {
        String expected =
            LOG4J_CORE.toSerializable(
                Log4jLogEvent.newBuilder()
                    .setLevel(level)
                    .setMessage(message)
                    .setThrown(thrown)
                    .build());
        assertEquals(expected, StderrLogger.line(level, message, thrown));
      }
    }
  }

  @Test
  void aLevelSetByNameHoldsForTheLoggersUnderItOnly() {
    LoggerContext context = context();
    ExtendedLogger before = context.getLogger("dev.wisex.test.before");
    ExtendedLogger other = context.getLogger("dev.wisexother.test");
    ExtendedLogger root = context.getLogger("");
    try {
      ((StderrLoggerContext) context).setLevel("dev.wisex.test", Level.DEBUG);
      ExtendedLogger after = context.getLogger("dev.wisex.test.after.deeper");

      assertEquals(Level.DEBUG, before.getLevel());
      assertEquals(Level.DEBUG, after.getLevel());
      assertTrue(after.isDebugEnabled());
      assertFalse(after.isTraceEnabled());
      assertEquals(
          Level.WARN, other.getLevel(), "a name that only starts the same is not under it");
      assertEquals(Level.WARN, root.getLevel());
      assertTrue(other.isWarnEnabled());
      assertFalse(other.isInfoEnabled());

      ((StderrLoggerContext) context).setLevel("dev.wisex.test", Level.ERROR);
      assertFalse(before.isWarnEnabled());
      assertTrue(after.isErrorEnabled());
    } finally {
      ((StderrLoggerContext) context).setLevel("dev.wisex.test", Level.WARN);
    }
  }

  @Test
  void oneContextAndOneLoggerPerName() {
    assertSame(context(), StderrLoggerContext.FACTORY.getContext("x", null, null, true, null, "y"));
    assertSame(context().getLogger("dev.wisex.a"), context().getLogger("dev.wisex.a"));
    assertNotSame(context().getLogger("dev.wisex.a"), context().getLogger("dev.wisex.b"));
  }

  @Test
  void enabledEventsGoToTheCurrentStderr() {
    ExtendedLogger logger = context().getLogger("dev.wisex.test.stderr");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      logger.info("not shown at WARN");
      logger.warn("shown {}", 1);
      logger.error("and {} {}", "this", "one");
    } finally {
      System.setErr(original);
    }
    String n = System.lineSeparator();
    assertEquals(
        "wisex: WARN shown 1" + n + "wisex: ERROR and this one" + n,
        captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onlyANamedConfigurationFileStartsLog4jCore() {
    assertFalse(CliLogProvider.userConfiguration(name -> null, name -> null));
    assertFalse(
        CliLogProvider.userConfiguration(
            Map.of("log4j2.configurationFile", " ")::get, name -> null));
    assertTrue(
        CliLogProvider.userConfiguration(
            Map.of("log4j2.configurationFile", "my.xml")::get, name -> null));
    assertTrue(
        CliLogProvider.userConfiguration(
            Map.of("log4j.configurationFile", "my.xml")::get, name -> null));
    assertTrue(
        CliLogProvider.userConfiguration(
            name -> null, Map.of("LOG4J_CONFIGURATION_FILE", "my.xml")::get));
  }
}
