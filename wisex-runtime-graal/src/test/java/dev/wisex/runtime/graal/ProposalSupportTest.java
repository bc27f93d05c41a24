package dev.wisex.runtime.graal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisex.api.InitFailedException;
import dev.wisex.runtime.spi.HostImports;
import dev.wisex.runtime.spi.InstanceConfig;
import dev.wisex.testkit.ExceptionsModule;
import org.junit.jupiter.api.Test;

/**
 * What GraalWasm itself says about a proposal this backend does not claim (the kit checks that
 * claimed ones run and unclaimed ones are refused).
 */
class ProposalSupportTest {
  @Test
  void theTagSectionIsRefusedByGraalWasmsParser() {
    InitFailedException e =
        assertThrows(
            InitFailedException.class,
            () ->
                Fixtures.RUNTIME.instantiate(
                    ExceptionsModule.bytes(), HostImports.none(), InstanceConfig.defaults()));
    assertTrue(e.getMessage().startsWith("GraalWasm cannot load the module: "), e.getMessage());
  }
}
