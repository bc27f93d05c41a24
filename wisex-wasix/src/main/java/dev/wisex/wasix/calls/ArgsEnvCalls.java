package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.state.WasiState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * args_* and environ_*: NUL-terminated strings packed into one buffer, pointers to them in another.
 */
public final class ArgsEnvCalls {
  private ArgsEnvCalls() {}

  public static int argsSizesGet(WasiState s, GuestMem m, long[] a) {
    return sizes(m, a, s.config().args());
  }

  public static int argsGet(WasiState s, GuestMem m, long[] a) {
    return strings(m, a, s.config().args());
  }

  public static int environSizesGet(WasiState s, GuestMem m, long[] a) {
    return sizes(m, a, env(s));
  }

  public static int environGet(WasiState s, GuestMem m, long[] a) {
    return strings(m, a, env(s));
  }

  private static List<String> env(WasiState s) {
    return s.config().env().entrySet().stream()
        .map(Map.Entry::getKey)
        .map(k -> k + "=" + s.config().env().get(k))
        .toList();
  }

  private static int sizes(GuestMem m, long[] a, List<String> values) {
    long bytes = 0;
    for (String value : values) {
      bytes += value.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    m.putSize(a[0], values.size());
    m.putSize(a[1], bytes);
    return Errno.SUCCESS;
  }

  private static int strings(GuestMem m, long[] a, List<String> values) {
    long pointers = a[0];
    long buffer = a[1];
    for (String value : values) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      m.putPtr(pointers, buffer);
      m.write(buffer, bytes);
      m.putU8(buffer + bytes.length, 0);
      pointers += m.pointerSize();
      buffer += bytes.length + 1;
    }
    return Errno.SUCCESS;
  }
}
