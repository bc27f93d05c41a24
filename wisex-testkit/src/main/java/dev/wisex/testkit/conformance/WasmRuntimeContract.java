package dev.wisex.testkit.conformance;

/**
 * The whole conformance kit. A backend runs it with one test class:
 *
 * <pre>{@code
 * class MyRuntimeConformanceTest implements WasmRuntimeContract {
 *   public WasmRuntime runtime() {
 *     return new MyRuntime();
 *   }
 * }
 * }</pre>
 *
 * <p>Contracts for a capability the runtime does not claim are skipped or check that it is refused;
 * override {@link #modes()} if the runtime refuses an execution mode on this JVM.
 */
public interface WasmRuntimeContract
    extends DiscoveryContract,
        CallContract,
        GlobalContract,
        MemoryContract,
        HostFunctionContract,
        ImportedMemoryContract,
        StartFunctionContract,
        ProposalContract,
        InvalidModuleContract {}
