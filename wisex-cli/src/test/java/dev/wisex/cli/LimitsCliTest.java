package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --fuel}, {@code --timeout}, {@code --max-memory}: exit 1 naming the limit, no output. */
class LimitsCliTest {
  private static final String ENDLESS =
      "(module (func (export \"wizex.initialize\") (loop $l (br $l))))";
  private static final String GROWS =
      "(module (memory 1) (global $g (mut i32) (i32.const 0))"
          + " (func (export \"wizex.initialize\") (global.set $g (memory.grow (i32.const 15)))))";

  @TempDir Path dir;

  private Path write(String name, String wat) throws Exception {
    return Files.write(dir.resolve(name), Wat.assemble(wat));
  }

  @Test
  void timeoutEndsAnEndlessInitWithExitOne() throws Exception {
    Path in = write("endless.wasm", ENDLESS);
    Path out = dir.resolve("out.wasm");
    Files.write(out, new byte[] {42});

    long started = System.nanoTime();
    Cli.Result r = Cli.run("--timeout", "300ms", in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "error: init did not finish within --timeout 300 ms; raise --timeout if it needs longer,"
            + " or find out why it does not end\n",
        r.stderr());
    assertArrayEquals(new byte[] {42}, Files.readAllBytes(out), "an existing output is untouched");
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, r::toString);
  }

  @Test
  void fuelEndsAnEndlessInitWithExitOne() throws Exception {
    Path in = write("endless.wasm", ENDLESS);
    Path out = dir.resolve("out.wasm");

    Cli.Result r = Cli.run("--fuel", "5000", in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(
        r.stderr().startsWith("error: init ran out of fuel: --fuel 5000 steps"), r::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void maxMemoryFailsGrowthBeyondItAndAllowsGrowthUpToIt() throws Exception {
    Path in = write("grows.wasm", GROWS);
    Path out = dir.resolve("out.wasm");

    Cli.Result refused = Cli.run("--max-memory", "512KiB", in.toString(), "-o", out.toString());
    assertEquals(1, refused.exitCode(), refused::toString);
    assertEquals(
        "error: init tried to grow memory 0 beyond --max-memory 512 KiB (8 pages); raise"
            + " --max-memory\n",
        refused.stderr());
    assertFalse(Files.exists(out));

    Cli.Result allowed = Cli.run("--max-memory", "1M", in.toString(), "-o", out.toString());
    assertEquals(0, allowed.exitCode(), allowed::toString);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--timeout|soon|`soon` is not a duration; write seconds (30, 2.5) or 500ms, 90s, 10m, 1h",
        "--timeout|0|the timeout must be at least 1ms, not `0`",
        "--max-memory|lots|`lots` is not a size; write bytes or a number with KiB, MiB, GiB or TiB",
        "--max-memory|99999999999T|`99999999999T` is too large a size",
        "--fuel|-1|fuel must be 0 (unlimited) or positive, not -1",
      })
  void badLimitsAreUsageErrors(String flag, String value, String message) throws Exception {
    Path in = write("endless.wasm", ENDLESS);

    Cli.Result r = Cli.run(flag, value, in.toString());

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains(message), r::toString);
  }
}
