package dev.wisex.cli;

/**
 * The jar's Main-Class, compiled for Java 8 so that an old {@code java -jar wisex.jar} reaches it:
 * on Java older than 21 it says in one line what wisex needs and where the running Java is, instead
 * of an {@code UnsupportedClassVersionError}; otherwise it starts {@code WisexCommand}. It names
 * that class only as a string, so nothing compiled for Java 21 loads before the check.
 */
public final class JavaVersionCheck {
  static final int REQUIRED = 21;

  private JavaVersionCheck() {}

  public static void main(String[] args) throws Throwable {
    int running = major(System.getProperty("java.specification.version", "0"));
    if (running < REQUIRED) {
      System.err.println(
          "wisex: error: wisex needs Java "
              + REQUIRED
              + " or newer, but this is Java "
              + System.getProperty("java.version")
              + " at "
              + System.getProperty("java.home")
              + "; run it with a Java "
              + REQUIRED
              + "+ java (set JAVA_HOME, or use the ./wisex launcher, which finds one)");
      System.exit(2);
    }
    try {
      Class.forName("dev.wisex.cli.WisexCommand")
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** "1.8" is 8, "17" is 17. */
  static int major(String specificationVersion) {
    String v =
        specificationVersion.startsWith("1.")
            ? specificationVersion.substring(2)
            : specificationVersion;
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
  }
}
