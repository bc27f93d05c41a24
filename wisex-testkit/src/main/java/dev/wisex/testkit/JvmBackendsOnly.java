package dev.wisex.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns the Node.js backend off ({@code wisex.node=off}, as {@code WISEX_NODE=off} does) for a test
 * class that checks how wisex chooses among the JVM backends, which the default selection follows
 * where V8 cannot run a module or is not installed. Test classes run one at a time in this build.
 */
public final class JvmBackendsOnly implements BeforeAllCallback, AfterAllCallback {
  private static final String PROPERTY = "wisex.node";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(JvmBackendsOnly.class);

  /** Runs {@code body} with the Node.js backend off, for one check of the JVM backends' rule. */
  public static <T> T call(java.util.function.Supplier<T> body) {
    String before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, "off");
    try {
      return body.get();
    } finally {
      if (before == null) {
        System.clearProperty(PROPERTY);
      } else {
        System.setProperty(PROPERTY, before);
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String before = System.getProperty(PROPERTY);
    context.getStore(NAMESPACE).put(PROPERTY, before == null ? "" : before);
    System.setProperty(PROPERTY, "off");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    String before = context.getStore(NAMESPACE).get(PROPERTY, String.class);
    if (before == null || before.isEmpty()) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, before);
    }
  }
}
