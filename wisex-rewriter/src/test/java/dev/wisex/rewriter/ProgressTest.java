package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.ProgressListener;
import dev.wisex.api.WisexOptions;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.testkit.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** {@link Preinitializer#withProgress}: every stage in order, and init's memory readable live. */
class ProgressTest {
  @Test
  void reportsEveryStageInOrderAndInitsMemorySize() {
    List<String> stages = new ArrayList<>();
    List<LongSupplier> watched = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void stage(String stage, String detail) {
            stages.add(stage + (detail.isEmpty() ? "" : " (" + detail + ")"));
          }

          @Override
          public void watchMemory(LongSupplier memoryBytes) {
            watched.add(memoryBytes);
          }
        };
    byte[] module = Wat.resource(ProgressTest.class, "/wat/grow.wat");

    new Preinitializer(
            WisexOptions.builder().runtime("chicory").verify(true).build(),
            RuntimeRegistry.discover())
        .withProgress(listener)
        .preinitialize(module);

    assertEquals(6, stages.size(), stages::toString);
    assertTrue(stages.get(0).startsWith("parse ("), stages::toString);
    assertEquals("instrument", stages.get(1));
    assertEquals("init (on chicory)", stages.get(2));
    assertTrue(stages.get(3).matches("snapshot \\(\\d+ KiB of memory\\)"), stages::toString);
    assertEquals(List.of("rewrite", "verify"), stages.subList(4, 6));
    assertEquals(1, watched.size());
    // After init the instance is closed, but the size read during init was the live one: the
    // grown memory of grow.wat is more than its initial page.
    assertTrue(watched.get(0).getAsLong() > 65536, () -> "" + watched.get(0).getAsLong());
  }
}
