package dev.wisex.runtime.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.InterpreterFallback;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompileCacheKeyTest {
  private static final CompileCacheKey BASE =
      new CompileCacheKey("sha-256:AAAA", "1.7.5", "0.1.0", "", InterpreterFallback.SILENT);

  @Test
  void everyComponentChangesTheFileName() {
    List<CompileCacheKey> keys =
        List.of(
            BASE,
            new CompileCacheKey("sha-256:AAAB", "1.7.5", "0.1.0", "", InterpreterFallback.SILENT),
            new CompileCacheKey("sha-256:AAAA", "1.7.6", "0.1.0", "", InterpreterFallback.SILENT),
            new CompileCacheKey("sha-256:AAAA", "1.7.5", "0.1.1", "", InterpreterFallback.SILENT),
            new CompileCacheKey("sha-256:AAAA", "1.7.5", "0.1.0", "", InterpreterFallback.FAIL),
            new CompileCacheKey(
                "sha-256:AAAA", "1.7.5", "0.1.0", "123:456/", InterpreterFallback.SILENT),
            // The separator keeps components from running into each other.
            new CompileCacheKey("sha-256:AAAA\n1.7", "5", "0.1.0", "", InterpreterFallback.SILENT));
    Set<String> names = new HashSet<>();
    for (CompileCacheKey key : keys) {
      names.add(key.fileName());
    }
    assertEquals(keys.size(), names.size());
  }

  @Test
  void theFileNameIsStableAndPlain() {
    String name = BASE.fileName();
    assertEquals(name, BASE.fileName());
    assertTrue(name.matches("[0-9a-f]{64}\\.classes"), name);
  }
}
