package dev.wisex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.testkit.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --report}: the JSON document's fields are a stable interface, pinned by a golden file;
 * only the stage timings (and the temp directory) vary between runs and are normalized.
 */
class ReportTest {
  @TempDir Path dir;

  private static String golden() throws IOException {
    try (InputStream in = ReportTest.class.getResourceAsStream("/report/golden.json")) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return Files.readString(Path.of("src/test/resources/report/golden.json"));
  }

  /** Timings become 0.000; the temp directory becomes {@code $DIR}. */
  private String normalize(String json) {
    return json.replace(dir.toString(), "$DIR")
        .replaceAll(
            "(\"(parse|validate|instrument|init|snapshot|rewrite|verify)\": )[0-9.]+", "$10.000");
  }

  @Test
  void reportMatchesTheGoldenFile() throws Exception {
    Path in = Files.write(dir.resolve("report.wasm"), Wat.assemble(Samples.wat("report.wat")));
    Path out = dir.resolve("out.wasm");
    Path report = dir.resolve("report.json");

    Cli.Result r =
        Cli.run(
            "--allow-wasi",
            "--inherit-stdio=false",
            "--runtime",
            "chicory",
            "--verify",
            "--report",
            report.toString(),
            in.toString(),
            "-o",
            out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    String json = Files.readString(report);
    assertEquals(golden(), normalize(json));
    // Every stage that ran has a real timing.
    for (String stage :
        new String[] {"parse", "validate", "instrument", "init", "snapshot", "rewrite", "verify"}) {
      assertTrue(json.contains("\"" + stage + "\": "), stage);
    }
    assertEquals(
        Files.size(out),
        Long.parseLong(json.replaceAll("(?s).*\"output\": \\{[^}]*\"bytes\": (\\d+).*", "$1")));
  }

  @Test
  void reportGoesToStdoutWithDash() throws Exception {
    Path in = Files.write(dir.resolve("report.wasm"), Wat.assemble(Samples.wat("report.wat")));
    Path out = dir.resolve("out.wasm");

    Cli.Result r =
        Cli.run(
            "--allow-wasi",
            "--inherit-stdio=false",
            "--report",
            "-",
            in.toString(),
            "-o",
            out.toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("{\n  \"version\": 1,"), r::toString);
  }

  @Test
  void reportAndModuleCannotBothGoToStdout() throws Exception {
    Path in = Files.write(dir.resolve("report.wasm"), Wat.assemble(Samples.wat("report.wat")));

    Cli.Result r = Cli.run("--allow-wasi", "--report", "-", in.toString());

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("`--report -` needs the module written to a file"), r::toString);
  }

  @Test
  void aReportThatCannotBeWrittenLeavesNoModuleBehind() throws Exception {
    Path in = Files.write(dir.resolve("counter.wasm"), Samples.counter());
    Path out = dir.resolve("o.wasm");
    String report = dir.resolve("missing").resolve("report.json").toString();

    Cli.Result r = Cli.run("--report", report, in.toString(), "-o", out.toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "error: cannot write `" + report + "`: no such file or directory",
        r.stderr().strip(),
        r::toString);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(in), files.toList(), "no module and no temporary file");
    }
  }

  @Test
  void noReportIsWrittenWhenInitFails() throws Exception {
    Path in =
        Files.write(
            dir.resolve("trap.wasm"),
            Wat.assemble("(module (func (export \"wizex.initialize\") unreachable))"));
    Path report = dir.resolve("report.json");

    Cli.Result r =
        Cli.run(
            "--report", report.toString(), in.toString(), "-o", dir.resolve("o.wasm").toString());

    assertEquals(1, r.exitCode(), r::toString);
    assertFalse(Files.exists(report));
  }

  @Test
  void fileNamesAreEscapedInJsonStrings() throws Exception {
    Path in =
        Files.write(
            dir.resolve("a\"b\\c\n\u0001.wasm"),
            Wat.assemble("(module (func (export \"wizex.initialize\")))"));
    Path report = dir.resolve("report.json");

    Cli.Result r =
        Cli.run(
            "--report", report.toString(), in.toString(), "-o", dir.resolve("o.wasm").toString());

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(
        Files.readString(report).contains("a\\\"b\\\\c\\n\\u0001.wasm\""), () -> "escaped: " + r);
  }
}
