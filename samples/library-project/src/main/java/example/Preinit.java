package example;

import dev.wisex.api.SnapshotReport;
import dev.wisex.api.WisexOptions;
import dev.wisex.api.WisexResult;
import dev.wisex.rewriter.Preinitializer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pre-initializes the module named first into the file named second: `wisex IN -o OUT`. */
public final class Preinit {
  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    WisexOptions options =
        WisexOptions.builder()
            .initFunc("wizex.initialize") // the default; Wizer's -f
            .allowWasi(true) // init may call WASI in a sandbox (off by default, as in Wizer)
            .build();
    WisexResult result = new Preinitializer(options).preinitialize(Files.readAllBytes(input));
    Files.write(output, result.module());
    SnapshotReport report = result.report();
    System.out.printf(
        "%s -> %s: %d -> %d bytes, ran on %s%n",
        input, output, report.inputBytes(), report.outputBytes(), report.runtime());
  }
}
