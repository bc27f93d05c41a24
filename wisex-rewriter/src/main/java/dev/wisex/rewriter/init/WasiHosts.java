package dev.wisex.rewriter.init;

import dev.wisex.api.HostAccess;
import dev.wisex.api.InitFailedException;
import dev.wisex.api.MapDir;
import dev.wisex.api.StdioStreams;
import dev.wisex.wasix.WasixHost;
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
 * Turns what the user lets the host give init into the WASI/WASIX host's configuration: one place
 * for every rule that reads the live host (its environment, its standard streams, {@code
 * SOURCE_DATE_EPOCH}), which the sandbox itself never touches.
 */
public final class WasiHosts {
  /**
   * {@code -Dwisex.launcher.addedEnvironment=NAME,...}: variables the launcher added to the JVM's
   * environment, which init's inherited environment leaves out.
   */
  static final String LAUNCHER_ADDED = "wisex.launcher.addedEnvironment";

  private WasiHosts() {}

  /** A fresh host (and sandbox) for one instance. */
  public static WasixHost create(HostAccess host) {
    return WasixHost.create(config(host));
  }

  static WasixConfig config(HostAccess host) {
    Map<String, String> env = new LinkedHashMap<>();
    if (host.inheritEnv()) {
      // Sorted: the host's map has no stable order, and the order is visible to the guest.
      Map<String, String> inherited = new TreeMap<>(System.getenv());
      // What a launcher set for the JVM alone (a locale, so that it reads non-ASCII names), not the
      // caller's environment.
      for (String added : System.getProperty(LAUNCHER_ADDED, "").split(",")) {
        inherited.remove(added.strip());
      }
      env.putAll(inherited);
    }
    env.putAll(host.env());
    List<MapDir> preopens = new ArrayList<>();
    for (Path dir : host.dirs()) {
      preopens.add(new MapDir(dir.toString(), dir));
    }
    preopens.addAll(host.mapDirs());
    return new WasixConfig(
        List.of(host.programName()),
        env,
        preopens,
        stdio(host),
        host.seed(),
        host.nondeterministic(),
        host.nondeterministic(),
        epochSeconds(host, System.getenv("SOURCE_DATE_EPOCH")) * 1_000_000_000L);
  }

  /**
   * {@code --clock-epoch}, else {@code SOURCE_DATE_EPOCH} (the reproducible-builds convention),
   * else the fixed epoch.
   *
   * @throws InitFailedException if {@code SOURCE_DATE_EPOCH} is not a whole number of seconds
   */
  static long epochSeconds(HostAccess host, String sourceDateEpoch) {
    if (host.clockEpoch() != null) {
      return host.clockEpoch();
    }
    if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
      return WasixConfig.FIXED_EPOCH_NANOS / 1_000_000_000L;
    }
    try {
      long seconds = Long.parseLong(sourceDateEpoch.trim());
      if (HostAccess.clockEpochInRange(seconds)) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InitFailedException(
        "SOURCE_DATE_EPOCH `"
            + sourceDateEpoch
            + "` is not a number of seconds from 1970 to 2262 ("
            + HostAccess.LATEST_CLOCK_EPOCH
            + "); fix it or pass --clock-epoch");
  }

  /**
   * Inherited stdio uses the caller's streams, or the process's own file descriptors when the
   * caller gave none (a library user who asked to inherit stdio); otherwise everything is
   * sandboxed. The engine race uses it too, to deliver the winner's output where init would have
   * written it.
   */
  public static StdioStreams stdio(HostAccess host) {
    if (!host.inheritStdio()) {
      return StdioStreams.captured();
    }
    if (host.stdio() != null) {
      return host.stdio();
    }
    return new StdioStreams(
        new FileInputStream(FileDescriptor.in),
        new FileOutputStream(FileDescriptor.out),
        new FileOutputStream(FileDescriptor.err));
  }
}
