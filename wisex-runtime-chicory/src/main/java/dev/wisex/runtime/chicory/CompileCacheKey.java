package dev.wisex.runtime.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Everything the JVM classes Chicory generates for a module depend on: the module's bytes (through
 * Chicory's digest of them), the Chicory compiler, the wisex backend that configures it (their
 * versions, and for a SNAPSHOT which build), and the interpreter fallback. Two runs that agree on
 * all of them may share compiled code.
 *
 * @param moduleDigest Chicory's digest of the module bytes ({@code sha-256:BASE64})
 * @param chicoryVersion the Chicory jar actually loaded
 * @param wisexVersion this backend's version
 * @param build which build of a SNAPSHOT backend or compiler ({@link BuildIdentity}); empty for
 *     releases
 * @param fallback what the compiler does with a function too large for one JVM method
 */
record CompileCacheKey(
    String moduleDigest,
    String chicoryVersion,
    String wisexVersion,
    String build,
    InterpreterFallback fallback) {

  /** File names of entries end with this; anything else in the directory is not an entry. */
  static final String SUFFIX = ".classes";

  /** A file name that changes whenever any component does: a SHA-256 of them all, in hex. */
  String fileName() {
    String identity =
        String.join("\n", moduleDigest, chicoryVersion, wisexVersion, build, fallback.name());
    byte[] bytes = identity.getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(CacheEntryFormat.sha256(bytes, 0, bytes.length)) + SUFFIX;
  }
}
