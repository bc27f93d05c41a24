package dev.wisex.rewriter.wasi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Proof that a run left the host alone: a digest of a whole directory tree, before and after. */
final class HostTrees {
  private HostTrees() {}

  /** A SHA-256 of every path, type, link target, file content and mtime under {@code root}. */
  static String hash(Path root) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted().toList()) {
        digest.update(root.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isSymbolicLink(path)) {
          digest.update(("->" + Files.readSymbolicLink(path)).getBytes(StandardCharsets.UTF_8));
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          digest.update(Files.readAllBytes(path));
          digest.update(
              Long.toString(Files.getLastModifiedTime(path).toMillis())
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
