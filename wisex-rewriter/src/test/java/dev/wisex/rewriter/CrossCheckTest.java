package dev.wisex.rewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisex.api.InitFailedException;
import dev.wisex.api.RuntimeSelectionException;
import dev.wisex.api.WisexOptions;
import dev.wisex.runtime.spi.Availability;
import dev.wisex.runtime.spi.Capability;
import dev.wisex.runtime.spi.GlobalValue;
import dev.wisex.runtime.spi.GuestMemory;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.runtime.spi.RuntimeRegistry;
import dev.wisex.runtime.spi.WasmInstance;
import dev.wisex.runtime.spi.WasmRuntime;
import dev.wisex.testkit.JvmBackendsOnly;
import dev.wisex.testkit.Wat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code crossCheck(true)} runs init on every backend and names the first disagreement. */
@ExtendWith(JvmBackendsOnly.class)
class CrossCheckTest {
  private static final byte[] MODULE =
      Wat.assemble(
          "(module (memory (export \"memory\") 1) (global $g (mut i32) (i32.const 0))"
              + " (func (export \"wizex.initialize\")"
              + " (i32.store (i32.const 16) (i32.const 0x0403022a)) (global.set $g (i32.const 7))))");

  private static final WasmRuntime CHICORY = RuntimeRegistry.discover().select("chicory", Set.of());

  @Test
  void agreeingBackendsGiveTheOneBackendOutput() {
    WasmRuntime flipper = new FlippingRuntime(CHICORY, -1);
    RuntimeRegistry both = new RuntimeRegistry(List.of(CHICORY, flipper));
    WisexOptions options = WisexOptions.builder().runtime("chicory").build();
    assertArrayEquals(
        new Preinitializer(options, both).preinitialize(MODULE).module(),
        new Preinitializer(options.toBuilder().crossCheck(true).build(), both)
            .preinitialize(MODULE)
            .module());
  }

  @Test
  void chicoryAndGraalAgree() {
    WisexOptions options = WisexOptions.builder().runtime("chicory").build();
    RuntimeRegistry all = RuntimeRegistry.discover();
    assertArrayEquals(
        new Preinitializer(options, all).preinitialize(MODULE).module(),
        new Preinitializer(options.toBuilder().crossCheck(true).build(), all)
            .preinitialize(MODULE)
            .module());
  }

  @Test
  void namesTheFirstDifferingByteRangeWithBothValues() {
    RuntimeRegistry both = new RuntimeRegistry(List.of(CHICORY, new FlippingRuntime(CHICORY, 17)));
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                new Preinitializer(
                        WisexOptions.builder().runtime("chicory").crossCheck(true).build(), both)
                    .preinitialize(MODULE));
    assertEquals(
        "crossCheck(true): backends disagree after init: memory 0 bytes [0x11, 0x12): `chicory` has"
            + " 02, `flipper` has 03",
        e.getMessage());
  }

  @Test
  void refusesWhenNoSecondBackendRunsTheModule() {
    RuntimeSelectionException e =
        assertThrows(
            RuntimeSelectionException.class,
            () ->
                new Preinitializer(
                        WisexOptions.builder().crossCheck(true).build(),
                        new RuntimeRegistry(List.of(CHICORY)))
                    .preinitialize(MODULE));
    assertEquals(
        "crossCheck(true) needs a second backend that runs this module, and only `chicory` does"
            + " here; add another backend (e.g. wisex-runtime-graal) or leave out crossCheck(true)",
        e.getMessage());
  }

  @Test
  void namesWhatTheOtherBackendLacks() {
    byte[] memory64 =
        Wat.assemble(
            "(module (memory (export \"memory\") i64 1) (func (export \"wizex.initialize\")))");
    RuntimeSelectionException e =
        assertThrows(
            RuntimeSelectionException.class,
            () ->
                new Preinitializer(
                        WisexOptions.builder().crossCheck(true).build(), RuntimeRegistry.discover())
                    .preinitialize(memory64));
    assertEquals(
        "crossCheck(true) needs a second backend that runs this module, and only `graal` does here"
            + " (`chicory` lacks memory64); leave out crossCheck(true)",
        e.getMessage());
  }

  /** A third-party backend that forwards to another and flips the low bit of one memory byte. */
  private record FlippingRuntime(WasmRuntime delegate, long flipAddress) implements WasmRuntime {
    @Override
    public String name() {
      return "flipper";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public int priority() {
      return -1;
    }

    @Override
    public Availability availability() {
      return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
      return delegate.capabilities();
    }

    @Override
    public WasmInstance instantiate(byte[] module, HostImports imports, InstanceConfig config) {
      WasmInstance inner = delegate.instantiate(module, imports, config);
      return new WasmInstance() {
        @Override
        public long[] call(String export, long... args) {
          return inner.call(export, args);
        }

        @Override
        public GlobalValue global(String export) {
          return inner.global(export);
        }

        @Override
        public GuestMemory memory(String export) {
          GuestMemory memory = inner.memory(export);
          return new GuestMemory() {
            @Override
            public long byteSize() {
              return memory.byteSize();
            }

            @Override
            public void read(long address, byte[] dst, int dstOffset, int length) {
              memory.read(address, dst, dstOffset, length);
              if (flipAddress >= address && flipAddress < address + length) {
                dst[dstOffset + (int) (flipAddress - address)] ^= 1;
              }
            }

            @Override
            public void write(long address, byte[] src, int srcOffset, int length) {
              memory.write(address, src, srcOffset, length);
            }
          };
        }

        @Override
        public void close() {
          inner.close();
        }
      };
    }
  }
}
