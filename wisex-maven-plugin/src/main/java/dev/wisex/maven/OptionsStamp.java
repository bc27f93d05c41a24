package dev.wisex.maven;

import dev.wisex.api.WisexOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes an incremental build safe: a SHA-256 of the effective options an output was written
 * with and of its input's bytes, kept in {@code target/wisex/NAME-HASH.options.sha256}. An output
 * is up to date when it is newer than its input and was written from the same bytes with the same
 * options; changing any parameter or the input (even to an older file) makes the next build write
 * it again.
 *
 * @param file where the hash is kept
 * @param hash the hash of the options of this build
 */
record OptionsStamp(Path file, String hash) {
  /**
   * The stamp for writing {@code output} (and {@code report}, when not null) with {@code options}.
   */
  static OptionsStamp of(
      File buildDirectory,
      File input,
      byte[] inputBytes,
      File output,
      File report,
      WisexOptions options) {
    // Named by the output's path, not its name alone: target/a/out.wasm and target/b/out.wasm
    // would otherwise share a stamp and re-run each other on every build.
    String outputPath = output.getAbsolutePath();
    Path file =
        buildDirectory
            .toPath()
            .resolve("wisex")
            .resolve(
                output.getName() + "-" + sha256(outputPath).substring(0, 12) + ".options.sha256");
    // Records render every component, so an option added to WisexOptions changes the hash too;
    // except the compile cache, which changes how fast an output is written, never what.
    WisexOptions outputDeciding = options.toBuilder().noCache().build();
    // The input's bytes too: an input replaced by an older file (cp -p) is still a change.
    String identity =
        input.getAbsolutePath()
            + "\n"
            + sha256(inputBytes)
            + "\n"
            + output.getAbsolutePath()
            + "\n"
            + (report == null ? "" : report.getAbsolutePath())
            + "\n"
            + outputDeciding;
    return new OptionsStamp(file, sha256(identity));
  }

  /** Whether {@code output} is newer than {@code input} and was written with these options. */
  boolean upToDate(File input, File output) throws IOException {
    if (!output.isFile() || output.lastModified() <= input.lastModified()) {
      return false;
    }
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).trim().equals(hash);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Records that the output was just written with these options. */
  void write() throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, hash + "\n", StandardCharsets.US_ASCII);
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
