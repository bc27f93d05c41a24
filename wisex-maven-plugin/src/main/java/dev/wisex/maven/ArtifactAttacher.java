package dev.wisex.maven;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Attaches outputs to the project through Maven's {@code MavenProjectHelper}, so {@code install}
 * and {@code deploy} publish them. The helper and the project live in maven-core, which shares the
 * package {@code org.apache.maven.plugin} with maven-plugin-api: javac refuses a module that reads
 * both, so the plugin reaches them through their public API by name instead of compiling against
 * maven-core. Maven's class realm for the plugin provides both at run time.
 */
final class ArtifactAttacher {
  private static final String HELPER = "org.apache.maven.project.MavenProjectHelper";
  private static final String PROJECT = "org.apache.maven.project.MavenProject";
  private static final String CONTAINER = "org.codehaus.plexus.PlexusContainer";
  private static final String SESSION = "org.apache.maven.execution.MavenSession";

  private final Object project;
  private final Object helper;
  private final Method attach;

  private ArtifactAttacher(Object project, Object helper, Method attach) {
    this.project = project;
    this.helper = helper;
    this.attach = attach;
  }

  /** The attacher for {@code project} (a MavenProject) in {@code session} (a MavenSession). */
  static ArtifactAttacher of(Object session, Object project) throws MojoExecutionException {
    if (session == null || project == null) {
      throw new MojoExecutionException("wisex: <attach> needs a Maven project and session");
    }
    try {
      ClassLoader loader = project.getClass().getClassLoader();
      Class<?> sessionType = Class.forName(SESSION, false, loader);
      Class<?> containerType = Class.forName(CONTAINER, false, loader);
      Class<?> projectType = Class.forName(PROJECT, false, loader);
      Class<?> helperType = Class.forName(HELPER, false, loader);
      Object container = sessionType.getMethod("getContainer").invoke(session);
      Object helper = containerType.getMethod("lookup", Class.class).invoke(container, helperType);
      Method attach =
          helperType.getMethod(
              "attachArtifact", projectType, String.class, String.class, File.class);
      return new ArtifactAttacher(project, helper, attach);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new MojoExecutionException(
          "wisex: <attach> cannot reach Maven's MavenProjectHelper (" + cause(e) + ")", e);
    }
  }

  /** Attaches {@code file} as an artifact of type {@code wasm} under {@code classifier}. */
  void attach(File file, String classifier) throws MojoExecutionException {
    try {
      attach.invoke(helper, project, "wasm", classifier, file);
    } catch (ReflectiveOperationException e) {
      throw new MojoExecutionException(
          "wisex: cannot attach " + file + " as classifier " + classifier + ": " + cause(e), e);
    }
  }

  private static String cause(Throwable e) {
    Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
    return cause == null ? e.toString() : cause.toString();
  }
}
