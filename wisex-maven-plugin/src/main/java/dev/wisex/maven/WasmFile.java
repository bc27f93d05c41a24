package dev.wisex.maven;

import java.io.File;

/**
 * One {@code <file>} of the goal's {@code <files>}: a module to pre-initialize, where to write the
 * result, and optionally its own init function. Maven fills the fields by name.
 */
public final class WasmFile {
  /** The module to pre-initialize. */
  File input;

  /**
   * Where to write the pre-initialized module; default {@code target/NAME.init.wasm} for input
   * {@code NAME.wasm}.
   */
  File output;

  /** This module's init export, when it differs from the goal's {@code initFunc}. */
  String initFunc;

  /**
   * Where to write the JSON snapshot report ({@code --report}), written together with the output:
   * both or neither. None by default.
   */
  File report;

  /**
   * The classifier the output is attached under when the goal's {@code <attach>} is on; default the
   * output's file name without {@code .wasm} ({@code app.init} for {@code app.init.wasm}).
   */
  String classifier;

  /** Maven's configurator creates the element. */
  public WasmFile() {}

  WasmFile(File input, File output, String initFunc) {
    this.input = input;
    this.output = output;
    this.initFunc = initFunc;
  }

  /** The output file, or the default one in {@code buildDirectory}. */
  File outputOr(File buildDirectory) {
    if (output != null) {
      return output;
    }
    return new File(buildDirectory, stem(input) + ".init.wasm");
  }

  /** The classifier to attach {@code output} under. */
  String classifierOr(File output) {
    if (classifier != null && !classifier.isBlank()) {
      return classifier;
    }
    return stem(output);
  }

  /** A file's name without {@code .wasm}. */
  private static String stem(File file) {
    String name = file.getName();
    return name.endsWith(".wasm") ? name.substring(0, name.length() - 5) : name;
  }
}
