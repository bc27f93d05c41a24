package dev.wisex.maven;

import dev.wisex.api.SnapshotReport;
import dev.wisex.api.WisexException;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.AtomicFile;
import dev.wisex.rewriter.Preinitializer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pre-initializes the configured {@code .wasm} files, by default in the {@code package} phase, so a
 * build ships modules that start already initialized. The parameters are the CLI's flags under
 * their library names ({@code --init-func} / {@code initFunc}).
 */
@Mojo(name = "preinit", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class PreinitMojo extends AbstractMojo {
  /** The modules to pre-initialize: {@code <file><input>..</input><output>..</output></file>}. */
  @Parameter List<WasmFile> files = new ArrayList<>();

  /** The export that init calls ({@code --init-func}); a {@code <file>} may name its own. */
  @Parameter(property = "wisex.initFunc", defaultValue = WisexOptions.DEFAULT_INIT_FUNC)
  String initFunc = WisexOptions.DEFAULT_INIT_FUNC;

  /** Keep the init export in the output ({@code --keep-init-func}). */
  @Parameter(property = "wisex.keepInitFunc", defaultValue = "false")
  boolean keepInitFunc;

  /**
   * Link WASI preview1 and WASIX during init, sandboxed ({@code --allow-wasi}/{@code
   * --allow-wasix}).
   */
  @Parameter(property = "wisex.allowWasi", alias = "allowWasix", defaultValue = "false")
  boolean allowWasi;

  /** Host directories copied, read-only, into init's in-memory sandbox ({@code --dir}). */
  @Parameter List<File> dirs = new ArrayList<>();

  /** The runtime backend by name ({@code --runtime}); the preferred available one when unset. */
  @Parameter(property = "wisex.runtime")
  String runtime;

  /** Prove the output starts in the snapshotted state before writing it ({@code --verify}). */
  @Parameter(property = "wisex.verify", defaultValue = "false")
  boolean verify;

  /**
   * Where init's wall clock starts ({@code --clock-epoch}): seconds since 1970 or an ISO-8601
   * instant. Defaults to the project's reproducible-build timestamp, when it sets one.
   */
  @Parameter(property = "wisex.clockEpoch", defaultValue = "${project.build.outputTimestamp}")
  String clockEpoch;

  /**
   * Run init on every backend available to the plugin that runs the module and fail unless their
   * outputs agree ({@code --cross-check}); one full run per backend.
   */
  @Parameter(property = "wisex.crossCheck", defaultValue = "false")
  boolean crossCheck;

  /** Skip the goal. */
  @Parameter(property = "wisex.skip", defaultValue = "false")
  boolean skip;

  /** Where default outputs go. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /** Maven creates the goal. */
  public PreinitMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("wisex: skipped (wisex.skip)");
      return;
    }
    if (files == null || files.isEmpty()) {
      throw new MojoFailureException(
          "wisex:preinit has no modules; add <files><file><input>src/main/wasm/app.wasm</input>"
              + "</file></files> to its <configuration>");
    }
    for (WasmFile file : files) {
      preinitialize(file);
    }
  }

  private void preinitialize(WasmFile file) throws MojoExecutionException, MojoFailureException {
    if (file.input == null) {
      throw new MojoFailureException("a <file> of wisex:preinit has no <input>; name a .wasm file");
    }
    File output = file.outputOr(buildDirectory);
    byte[] input = read(file.input);
    WisexResult result;
    try {
      result = new Preinitializer(options(file)).preinitialize(input);
    } catch (WisexException | IllegalArgumentException e) {
      throw new MojoFailureException("wisex: " + file.input + ": " + e.getMessage(), e);
    }
    try {
      Files.createDirectories(output.toPath().toAbsolutePath().getParent());
      AtomicFile.write(output.toPath(), result.module());
    } catch (IOException e) {
      throw new MojoExecutionException("wisex: cannot write " + output + ": " + e, e);
    }
    getLog().info("wisex: " + file.input.getName() + " -> " + output + summary(result.report()));
  }

  WisexOptions options(WasmFile file) {
    WisexOptions.Builder builder =
        WisexOptions.builder()
            .initFunc(file.initFunc != null ? file.initFunc : initFunc)
            .keepInitFunc(keepInitFunc)
            .allowWasi(allowWasi)
            .runtime(runtime)
            .verify(verify)
            .crossCheck(crossCheck)
            .programName(file.input.getName())
            // Guest output is logged instead of interleaving with Maven's.
            .inheritStdio(false);
    ClockEpoch.seconds(clockEpoch).ifPresent(builder::clockEpoch);
    dirs.forEach(dir -> builder.dir(dir.toPath()));
    return builder.build();
  }

  private static byte[] read(File input) throws MojoFailureException, MojoExecutionException {
    try {
      return Files.readAllBytes(input.toPath());
    } catch (NoSuchFileException e) {
      throw new MojoFailureException(
          "wisex: input " + input + " does not exist; check the <input> of wisex:preinit", e);
    } catch (IOException e) {
      throw new MojoExecutionException("wisex: cannot read " + input + ": " + e, e);
    }
  }

  private static String summary(SnapshotReport report) {
    return " (runtime "
        + report.runtime()
        + ", "
        + report.globalsSnapshotted()
        + " globals, "
        + report.dataSegmentsAfter()
        + " data segments, "
        + report.inputBytes()
        + " -> "
        + report.outputBytes()
        + " bytes)";
  }
}
