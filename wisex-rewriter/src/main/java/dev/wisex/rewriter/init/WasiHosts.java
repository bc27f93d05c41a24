package dev.wisex.rewriter.init;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.MapDir;
import dev.wisex.api.StdioStreams;
import dev.wisex.api.WisexOptions;
import dev.wisex.wasix.WasixHost;
import dev.wisex.wasix.config.Preopen;
import dev.wisex.wasix.config.Stdio;
import dev.wisex.wasix.config.WasixConfig;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the user's options into the WASI/WASIX host's configuration: one place for every mapping
 * rule.
 */
public final class WasiHosts {
  private WasiHosts() {}

  /** A fresh host (and sandbox) for one instance. */
  public static WasixHost create(WisexOptions options) {
    return WasixHost.create(config(options));
  }

  static WasixConfig config(WisexOptions options) {
    Map<String, String> env = new LinkedHashMap<>();
    if (options.inheritEnv()) {
      // Sorted: the host's map has no stable order, and the order is visible to the guest.
      env.putAll(new TreeMap<>(System.getenv()));
    }
    env.putAll(options.env());
    List<Preopen> preopens = new ArrayList<>();
    for (Path dir : options.dirs()) {
      preopens.add(new Preopen(dir.toString(), dir));
    }
    for (MapDir map : options.mapDirs()) {
      preopens.add(new Preopen(map.guest(), map.host(), map.readOnly()));
    }
    return new WasixConfig(
        List.of(options.programName()),
        env,
        preopens,
        stdio(options),
        options.seed(),
        options.nondeterministic(),
        options.nondeterministic(),
        epochSeconds(options, System.getenv("SOURCE_DATE_EPOCH")) * 1_000_000_000L);
  }

  /**
   * {@code --clock-epoch}, else {@code SOURCE_DATE_EPOCH} (the reproducible-builds convention),
   * else the fixed epoch.
   *
   * @throws InitFailedException if {@code SOURCE_DATE_EPOCH} is not a whole number of seconds
   */
  static long epochSeconds(WisexOptions options, String sourceDateEpoch) {
    if (options.clockEpoch() != null) {
      return options.clockEpoch();
    }
    if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
      return WasixConfig.FIXED_EPOCH_NANOS / 1_000_000_000L;
    }
    try {
      return Long.parseLong(sourceDateEpoch.trim());
    } catch (NumberFormatException e) {
      throw new InitFailedException(
          "SOURCE_DATE_EPOCH `"
              + sourceDateEpoch
              + "` is not a number of seconds since 1970; fix it or pass --clock-epoch");
    }
  }

  /**
   * Inherited stdio uses the caller's streams, or the process's own file descriptors when the
   * caller gave none (a library user who asked to inherit stdio); otherwise everything is
   * sandboxed.
   */
  private static Stdio stdio(WisexOptions options) {
    if (!options.inheritStdio()) {
      return Stdio.captured();
    }
    StdioStreams streams = options.stdio();
    if (streams != null) {
      return new Stdio(streams.in(), streams.out(), streams.err());
    }
    return new Stdio(
        new FileInputStream(FileDescriptor.in),
        new FileOutputStream(FileDescriptor.out),
        new FileOutputStream(FileDescriptor.err));
  }
}
