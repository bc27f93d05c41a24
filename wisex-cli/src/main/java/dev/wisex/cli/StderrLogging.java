package dev.wisex.cli;

import java.net.URI;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The command's log4j-core configuration, built in code rather than read from a {@code log4j2.xml}:
 * parsing XML and building its plugins by reflection cost ~45 ms of a run. Everything goes to
 * stderr, because stdout may carry the output module; {@link Verbosity} raises the level of {@code
 * dev.wisex} for {@code -v} and {@code -vv}. Registered in {@code log4j2.component.properties}; a
 * user's own {@code -Dlog4j2.configurationFile} still wins, since this factory declines to read
 * files. log4j-core runs only when a configuration file or provider of the user's asks for it; the
 * command's own provider ({@link dev.wisex.cli.logging.CliLogProvider}) writes the same lines
 * without it.
 */
public final class StderrLogging extends ConfigurationFactory {
  /** Log4j instantiates the factory named by {@code log4j2.configurationFactory}. */
  public StderrLogging() {}

  @Override
  protected String[] getSupportedTypes() {
    return new String[] {"*"}; // asked first, before any file is looked for
  }

  @Override
  public Configuration getConfiguration(LoggerContext context, ConfigurationSource source) {
    return null; // a configuration file: Log4j's own factories read it
  }

  @Override
  public Configuration getConfiguration(LoggerContext context, String name, URI location) {
    return location == null ? new Stderr(context) : null;
  }

  private static final class Stderr extends AbstractConfiguration {
    Stderr(LoggerContext context) {
      super(context, ConfigurationSource.NULL_SOURCE);
      setName("wisex");
    }

    @Override
    protected void doConfigure() {
      // follow: writes to whatever System.err is at the time, so in-process tests can capture it.
      ConsoleAppender stderr =
          ConsoleAppender.newBuilder()
              .setName("stderr")
              .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
              .setFollow(true)
              .setLayout(
                  PatternLayout.newBuilder()
                      .setPattern("wisex: %level %msg%n")
                      .setConfiguration(this)
                      .build())
              .setConfiguration(this)
              .build();
      stderr.start();
      addAppender(stderr);
      LoggerConfig root = getRootLogger();
      root.addAppender(stderr, null, null);
      root.setLevel(Level.WARN);
      addLogger(Verbosity.ROOT_LOGGER, new LoggerConfig(Verbosity.ROOT_LOGGER, Level.WARN, true));
    }
  }
}
