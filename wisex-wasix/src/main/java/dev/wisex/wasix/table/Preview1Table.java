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

  /**
   * The preview1 rows; where wasmtime (Wizer's engine) answers a call otherwise than wasmer, as
   * wasmtime does ({@link WasmtimePreview1#CALLS}).
   */
  public static Table create() {
    Table table = fill(new Table(NAMESPACE, PointerWidth.P32));
    WasmtimePreview1.CALLS.forEach(table::answer);
    return table;
  }

  /**
   * The preview1 rows as wasmer answers them, which {@code wasix_32v1} and {@code wasix_64v1}
   * re-export.
   */
  static Table fill(Table t) {
    return t.add(supported("args_get", "(ptr, ptr) -> (i32)", ArgsEnvCalls::argsGet))
        .add(supported("args_sizes_get", "(ptr, ptr) -> (i32)", ArgsEnvCalls::argsSizesGet))
        .add(supported("environ_get", "(ptr, ptr) -> (i32)", ArgsEnvCalls::environGet))
        .add(supported("environ_sizes_get", "(ptr, ptr) -> (i32)", ArgsEnvCalls::environSizesGet))
        .add(supported("clock_res_get", "(i32, ptr) -> (i32)", TimeCalls::clockResGet))
        .add(supported("clock_time_get", "(i32, i64, ptr) -> (i32)", TimeCalls::clockTimeGet))
        .add(supported("fd_advise", "(i32, i64, i64, i32) -> (i32)", FdMetaCalls::fdAdvise))
        .add(supported("fd_allocate", "(i32, i64, i64) -> (i32)", FdMetaCalls::fdAllocate))
        .add(supported("fd_close", "(i32) -> (i32)", FdMetaCalls::fdClose))
        .add(supported("fd_datasync", "(i32) -> (i32)", FdMetaCalls::fdSync))
        .add(supported("fd_fdstat_get", "(i32, ptr) -> (i32)", FdMetaCalls::fdFdstatGet))
        .add(supported("fd_fdstat_set_flags", "(i32, i32) -> (i32)", FdMetaCalls::fdFdstatSetFlags))
        .add(
            supported(
                "fd_fdstat_set_rights", "(i32, i64, i64) -> (i32)", FdMetaCalls::fdFdstatSetRights))
        .add(supported("fd_filestat_get", "(i32, ptr) -> (i32)", FdMetaCalls::fdFilestatGet))
        .add(
            supported(
                "fd_filestat_set_size", "(i32, i64) -> (i32)", FdMetaCalls::fdFilestatSetSize))
        .add(
            supported(
                "fd_filestat_set_times",
                "(i32, i64, i64, i32) -> (i32)",
                FdMetaCalls::fdFilestatSetTimes))
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
        .add(supported("fd_sync", "(i32) -> (i32)", FdMetaCalls::fdSync))
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
            refused(
                "proc_raise",
                "(i32) -> (i32)",
                "raising a signal interrupts or ends the process, which a snapshot cannot capture"))
        .add(supported("sched_yield", "() -> (i32)", TimeCalls::schedYield))
        .add(supported("random_get", "(ptr, size) -> (i32)", TimeCalls::randomGet))
        .add(refused("sock_accept", "(i32, i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_recv", "(i32, ptr, size, i32, ptr, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_send", "(i32, ptr, size, i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_shutdown", "(i32, i32) -> (i32)", SOCKETS));
  }
}
