package dev.wisex.cli.logging;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.core.impl.Log4jContextFactory;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.spi.Provider;

/**
 * The command's Log4j2 provider, named by {@code log4j.provider} in {@code
 * log4j2.component.properties}: lines to stderr from a handful of classes ({@link
 * StderrLoggerContext}) unless the user asks for a configuration file, which only log4j-core reads.
 * Starting log4j-core (plugin registry, property sources, configuration) cost ~0.2 s of CPU on
 * every run that did not need it.
 */
public final class CliLogProvider extends Provider {
  /**
   * Where log4j-core reads the name of a configuration file: the system properties Log4j 2 accepts,
   * then the environment variable (the spellings of Log4j's {@code PropertiesUtil}, which is not
   * used here because its class file carries an annotation the compiler cannot resolve).
   */
  static final List<String> CONFIGURATION_FILE_PROPERTIES =
      List.of("log4j2.configurationFile", "log4j.configurationFile");

  static final String CONFIGURATION_FILE_VARIABLE = "LOG4J_CONFIGURATION_FILE";

  /** log4j-core's own priority; it matters only if the provider is ever registered as a service. */
  private static final int PRIORITY = 10;

  /** The Log4j API versions this provider implements (Log4j's own providers say the same). */
  private static final String API_VERSIONS = "2.6.0";

  /** Log4j's {@code ProviderUtil} instantiates the class {@code log4j.provider} names. */
  public CliLogProvider() {
    super(PRIORITY, API_VERSIONS);
  }

  /** Asked once, when the Log4j API starts. */
  @Override
  public LoggerContextFactory getLoggerContextFactory() {
    return userConfiguration(System::getProperty, System::getenv)
        ? new Log4jContextFactory()
        : StderrLoggerContext.FACTORY;
  }

  /** Whether a configuration file of the user's is named, which only log4j-core can read. */
  static boolean userConfiguration(UnaryOperator<String> property, UnaryOperator<String> env) {
    return CONFIGURATION_FILE_PROPERTIES.stream().anyMatch(name -> isSet(property.apply(name)))
        || isSet(env.apply(CONFIGURATION_FILE_VARIABLE));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
