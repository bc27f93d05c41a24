package dev.wisex.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A module the engine finds invalid is refused with {@link InitFailedException}, never an engine's
 * own exception or error, also with assertions enabled (as in most test JVMs): Chicory 1.7.5's
 * parser asserted on the module below before its validator could report it.
 */
public interface InvalidModuleContract extends RuntimeUnderTest {
  @Test
  default void anElseOutsideAnIfIsRefusedAsInvalid() {
    // Hand-encoded: wabt refuses to assemble it. (func (block else end)), exported as "run".
    byte[] name = "run".getBytes(StandardCharsets.US_ASCII);
    byte[] body = {0, 0x02, 0x40, 0x05, 0x0B, 0x0B};
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[] {0, 0x61, 0x73, 0x6D, 1, 0, 0, 0});
    m.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type [] -> []
    m.writeBytes(new byte[] {3, 2, 1, 0}); // function 0 of type 0
    m.writeBytes(new byte[] {7, (byte) (name.length + 4), 1, (byte) name.length});
    m.writeBytes(name);
    m.writeBytes(new byte[] {0, 0}); // func 0
    m.writeBytes(new byte[] {10, (byte) (body.length + 2), 1, (byte) body.length});
    m.writeBytes(body);
    byte[] module = m.toByteArray();
    assertThrows(
        InitFailedException.class,
        () ->
            runtime()
                .instantiate(module, HostImports.none(), new InstanceConfig(modes().get(0)))
                .close());
  }
}
