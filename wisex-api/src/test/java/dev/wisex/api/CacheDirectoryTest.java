package dev.wisex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CacheDirectoryTest {
  @Test
  void xdgCacheHomeWins() {
    assertEquals(
        Path.of("/var/cache/me/wisex"), CacheDirectory.userDefault("/var/cache/me", "/home/me"));
  }

  @Test
  void elseTheDotCacheDirectoryOfHome() {
    assertEquals(Path.of("/home/me/.cache/wisex"), CacheDirectory.userDefault(null, "/home/me"));
    assertEquals(Path.of("/home/me/.cache/wisex"), CacheDirectory.userDefault("", "/home/me"));
  }

  /** The XDG Base Directory specification: a relative path in the variable is ignored. */
  @Test
  void aRelativeXdgCacheHomeIsIgnored() {
    assertEquals(
        Path.of("/home/me/.cache/wisex"), CacheDirectory.userDefault("relative", "/home/me"));
  }

  @Test
  void withNeitherThereIsNoCache() {
    assertNull(CacheDirectory.userDefault(null, null));
    assertNull(CacheDirectory.userDefault("relative", "also-relative"));
  }

  @Test
  void theOptionsCacheByDefaultAndNoCacheTurnsItOff() {
    assertEquals(WisexOptions.defaultCacheDir(), WisexOptions.defaults().runtime().cacheDir());
    assertNull(WisexOptions.builder().noCache().build().runtime().cacheDir());
    Path dir = Path.of("/tmp/elsewhere");
    WisexOptions options = WisexOptions.builder().cacheDir(dir).build();
    assertEquals(dir, options.runtime().cacheDir());
    assertEquals(dir, options.toBuilder().build().runtime().cacheDir());
  }
}
