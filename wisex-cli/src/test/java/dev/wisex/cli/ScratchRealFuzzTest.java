package dev.wisex.cli;

import dev.wisex.testkit.Mutations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchRealFuzzTest {
  @TempDir Path dir;

  @Test
  void realPrograms() throws Exception {
    record Prog(byte[] bytes, List<String> args) {}
    List<Prog> corpus = new ArrayList<>();
    for (String w : System.getProperty("progs", "example-sleep,example-stack,example-thread-local,exit-0-from-worker").split(",")) {
      corpus.add(new Prog(Files.readAllBytes(Path.of("/work/shared/wasix-programs/" + w + ".wasm")),
          List.of("--init-func", "_start", "--allow-exit-zero", "--allow-wasix")));
    }
    SplittableRandom random = new SplittableRandom(Long.getLong("seed", 99));
    int n = Integer.getInteger("n", 120);
    Path in = dir.resolve("in.wasm");
    Path out = dir.resolve("out.wasm");
    StringBuilder bad = new StringBuilder();
    int ok = 0;
    for (int i = 0; i < n; i++) {
      Prog p = corpus.get(random.nextInt(corpus.size()));
      byte[] v = Mutations.mutate(p.bytes(), random);
      Files.write(in, v);
      Files.deleteIfExists(out);
      List<String> args = new ArrayList<>(p.args());
      args.addAll(List.of("--runtime", i % 2 == 0 ? "chicory" : "graal", "--inherit-stdio=false",
          "--fuel", "50000000", "--timeout", "20s", in.toString(), "-o", out.toString()));
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      if (r.exitCode() == 0) { ok++; continue; }
      String[] lines = r.stderr().strip().split("\\R");
      if (r.exitCode() != 1 || lines.length != 1 || lines[0].startsWith("error: internal") || Files.exists(out)) {
        Path keep = Path.of("/tmp/fuzzbad/v" + i + ".wasm");
        Files.createDirectories(keep.getParent());
        Files.write(keep, v);
        bad.append("v").append(i).append(' ').append(args.subList(0, args.size() - 3)).append(" exit ")
            .append(r.exitCode()).append(": ").append(r.stderr().strip().lines().limit(3).toList()).append('\n');
      }
    }
    System.err.println("SCRATCH ok=" + ok + "\n" + bad);
    Files.writeString(Path.of("/tmp/fuzzbad/summary-" + System.getProperty("seed", "99") + ".txt"), "ok=" + ok + "\n" + bad);
  }
}
