package dev.wisex.wasix.table;

import static dev.wisex.wasix.table.Entry.refused;
import static dev.wisex.wasix.table.Entry.supported;

import dev.wisex.wasix.abi.PointerWidth;
import dev.wisex.wasix.calls.ArgsEnvCalls;
import dev.wisex.wasix.calls.FdIoCalls;
import dev.wisex.wasix.calls.FdMetaCalls;
import dev.wisex.wasix.calls.PathCalls;
import dev.wisex.wasix.calls.PollCalls;
import dev.wisex.wasix.calls.ProcCalls;
import dev.wisex.wasix.calls.TimeCalls;
import dev.wisex.wasix.calls.WasmtimePreview1;

/**
 * {@code wasi_snapshot_preview1}: all 46 functions, signatures as in the ABI list ({@code ptr} and
 * {@code size} are i32 here, i64 where {@code wasix_64v1} re-exports the rows).
 */
public final class Preview1Table {
  public static final String NAMESPACE = "wasi_snapshot_preview1";

  static final String SOCKETS =
      "sockets reach the network, whose connections a snapshot cannot carry";

  private Preview1Table() {}

  public static Table create() {
    return fill(new Table(NAMESPACE, PointerWidth.P32));
  }

  /** The preview1 rows, also re-exported by {@code wasix_32v1} and {@code wasix_64v1}. */
  static Table fill(Table t) {
    // Where wasmtime (Wizer's engine) and wasmer answer a call differently, preview1 answers as
    // wasmtime (WasmtimePreview1), WASIX's namespaces as wasmer.
    boolean asWasmtime = t.namespace().equals(NAMESPACE);
    return t.add(
            supported(
                "args_get",
                "(ptr, ptr) -> (i32)",
                asWasmtime ? WasmtimePreview1::argsGet : ArgsEnvCalls::argsGet))
        .add(
            supported(
                "args_sizes_get",
                "(ptr, ptr) -> (i32)",
                asWasmtime ? WasmtimePreview1::argsSizesGet : ArgsEnvCalls::argsSizesGet))
        .add(supported("environ_get", "(ptr, ptr) -> (i32)", ArgsEnvCalls::environGet))
        .add(supported("environ_sizes_get", "(ptr, ptr) -> (i32)", ArgsEnvCalls::environSizesGet))
        .add(
            supported(
                "clock_res_get",
                "(i32, ptr) -> (i32)",
                asWasmtime ? WasmtimePreview1::clockResGet : TimeCalls::clockResGet))
        .add(
            supported(
                "clock_time_get",
                "(i32, i64, ptr) -> (i32)",
                asWasmtime ? WasmtimePreview1::clockTimeGet : TimeCalls::clockTimeGet))
        .add(
            supported(
                "fd_advise",
                "(i32, i64, i64, i32) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdAdvise : FdMetaCalls::fdAdvise))
        .add(
            supported(
                "fd_allocate",
                "(i32, i64, i64) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdAllocate : FdMetaCalls::fdAllocate))
        .add(supported("fd_close", "(i32) -> (i32)", FdMetaCalls::fdClose))
        .add(
            supported(
                "fd_datasync",
                "(i32) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdSync : FdMetaCalls::fdSync))
        .add(
            supported(
                "fd_fdstat_get",
                "(i32, ptr) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdFdstatGet : FdMetaCalls::fdFdstatGet))
        .add(
            supported(
                "fd_fdstat_set_flags",
                "(i32, i32) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdFdstatSetFlags : FdMetaCalls::fdFdstatSetFlags))
        .add(
            supported(
                "fd_fdstat_set_rights",
                "(i32, i64, i64) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdFdstatSetRights : FdMetaCalls::fdFdstatSetRights))
        .add(
            supported(
                "fd_filestat_get",
                "(i32, ptr) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdFilestatGet : FdMetaCalls::fdFilestatGet))
        .add(
            supported(
                "fd_filestat_set_size", "(i32, i64) -> (i32)", FdMetaCalls::fdFilestatSetSize))
        .add(
            supported(
                "fd_filestat_set_times",
                "(i32, i64, i64, i32) -> (i32)",
                asWasmtime
                    ? WasmtimePreview1::fdFilestatSetTimes
                    : FdMetaCalls::fdFilestatSetTimes))
        .add(supported("fd_pread", "(i32, ptr, size, i64, ptr) -> (i32)", FdIoCalls::fdPread))
        .add(supported("fd_prestat_get", "(i32, ptr) -> (i32)", FdMetaCalls::fdPrestatGet))
        .add(
            supported(
                "fd_prestat_dir_name", "(i32, ptr, size) -> (i32)", FdMetaCalls::fdPrestatDirName))
        .add(supported("fd_pwrite", "(i32, ptr, size, i64, ptr) -> (i32)", FdIoCalls::fdPwrite))
        .add(supported("fd_read", "(i32, ptr, size, ptr) -> (i32)", FdIoCalls::fdRead))
        .add(supported("fd_readdir", "(i32, ptr, size, i64, ptr) -> (i32)", FdMetaCalls::fdReaddir))
        .add(supported("fd_renumber", "(i32, i32) -> (i32)", FdMetaCalls::fdRenumber))
        .add(supported("fd_seek", "(i32, i64, i32, ptr) -> (i32)", FdIoCalls::fdSeek))
        .add(
            supported(
                "fd_sync",
                "(i32) -> (i32)",
                asWasmtime ? WasmtimePreview1::fdSync : FdMetaCalls::fdSync))
        .add(supported("fd_tell", "(i32, ptr) -> (i32)", FdIoCalls::fdTell))
        .add(supported("fd_write", "(i32, ptr, size, ptr) -> (i32)", FdIoCalls::fdWrite))
        .add(
            supported(
                "path_create_directory",
                "(i32, ptr, size) -> (i32)",
                PathCalls::pathCreateDirectory))
        .add(
            supported(
                "path_filestat_get",
                "(i32, i32, ptr, size, ptr) -> (i32)",
                PathCalls::pathFilestatGet))
        .add(
            supported(
                "path_filestat_set_times",
                "(i32, i32, ptr, size, i64, i64, i32) -> (i32)",
                PathCalls::pathFilestatSetTimes))
        .add(
            supported(
                "path_link", "(i32, i32, ptr, size, i32, ptr, size) -> (i32)", PathCalls::pathLink))
        .add(
            supported(
                "path_open",
                "(i32, i32, ptr, size, i32, i64, i64, i32, ptr) -> (i32)",
                PathCalls::pathOpen))
        .add(
            supported(
                "path_readlink",
                "(i32, ptr, size, ptr, size, ptr) -> (i32)",
                PathCalls::pathReadlink))
        .add(
            supported(
                "path_remove_directory",
                "(i32, ptr, size) -> (i32)",
                PathCalls::pathRemoveDirectory))
        .add(
            supported(
                "path_rename", "(i32, ptr, size, i32, ptr, size) -> (i32)", PathCalls::pathRename))
        .add(
            supported(
                "path_symlink", "(ptr, size, i32, ptr, size) -> (i32)", PathCalls::pathSymlink))
        .add(supported("path_unlink_file", "(i32, ptr, size) -> (i32)", PathCalls::pathUnlinkFile))
        .add(supported("poll_oneoff", "(ptr, ptr, size, ptr) -> (i32)", PollCalls::pollOneoff))
        .add(supported("proc_exit", "(i32) -> ()", ProcCalls::procExit))
        .add(
            asWasmtime
                ? supported("proc_raise", "(i32) -> (i32)", WasmtimePreview1::procRaise)
                : refused(
                    "proc_raise",
                    "(i32) -> (i32)",
                    "raising a signal interrupts or ends the process, which a snapshot cannot"
                        + " capture"))
        .add(supported("sched_yield", "() -> (i32)", TimeCalls::schedYield))
        .add(supported("random_get", "(ptr, size) -> (i32)", TimeCalls::randomGet))
        .add(socket(asWasmtime, "sock_accept", "(i32, i32, ptr) -> (i32)"))
        .add(socket(asWasmtime, "sock_recv", "(i32, ptr, size, i32, ptr, ptr) -> (i32)"))
        .add(socket(asWasmtime, "sock_send", "(i32, ptr, size, i32, ptr) -> (i32)"))
        .add(
            asWasmtime
                ? supported("sock_shutdown", "(i32, i32) -> (i32)", WasmtimePreview1::sockShutdown)
                : refused("sock_shutdown", "(i32, i32) -> (i32)", SOCKETS));
  }

  /**
   * A socket call on an fd: in preview1 every fd of the sandbox is a file or stdio, so the call
   * fails as wasmtime fails it ({@code ENOTSOCK}); WASIX, whose sockets reach the network, refuses
   * it.
   */
  private static Entry.Row socket(boolean asWasmtime, String name, String signature) {
    return asWasmtime
        ? supported(name, signature, WasmtimePreview1::sockCall)
        : refused(name, signature, SOCKETS);
  }
}
