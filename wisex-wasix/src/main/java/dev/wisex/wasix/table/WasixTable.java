package dev.wisex.wasix.table;

import static dev.wisex.wasix.table.Entry.refused;
import static dev.wisex.wasix.table.Entry.supported;

import dev.wisex.wasix.abi.PointerWidth;
import dev.wisex.wasix.calls.EpollCalls;
import dev.wisex.wasix.calls.PathCalls;
import dev.wisex.wasix.calls.ProcCalls;
import dev.wisex.wasix.calls.ThreadLocalCalls;
import dev.wisex.wasix.calls.TimeCalls;
import dev.wisex.wasix.calls.WasixFdCalls;

/**
 * {@code wasix_32v1} and {@code wasix_64v1}: the preview1 names (older wasix-libc imports
 * everything from here) plus the WASIX extensions, signatures as in the ABI list; the two
 * namespaces differ only in the {@link PointerWidth}. Calls whose effect lives outside the instance
 * (network, processes, threads, native stacks, dynamic linking) trap: returning an errno would bake
 * a failure into every start of the output.
 */
public final class WasixTable {
  public static final String NAMESPACE = "wasix_32v1";

  /** The memory64 namespace: the same rows with 64-bit pointers and sizes. */
  public static final String NAMESPACE_64 = "wasix_64v1";

  private static final String SOCKETS = Preview1Table.SOCKETS;

  /** Why no call may start a thread during init (every spawn function of every version). */
  public static final String SPAWN =
      "init runs on one thread: a snapshot cannot hold a second thread";

  private static final String JOIN = "there are no child processes to join during init";

  private static final String BUS =
      "the process bus of older WASIX versions reaches other processes, which a snapshot cannot"
          + " contain";

  private WasixTable() {}

  /** The {@code wasix_32v1} table. */
  public static Table create() {
    return create(PointerWidth.P32);
  }

  /** The table of the namespace with pointers of {@code width}. */
  public static Table create(PointerWidth width) {
    String namespace = width == PointerWidth.P64 ? NAMESPACE_64 : NAMESPACE;
    return earlierVersions(Preview1Table.fill(new Table(namespace, width)))
        .add(supported("clock_time_set", "(i32, i64) -> (i32)", TimeCalls::clockTimeSet))
        .add(supported("fd_dup", "(i32, ptr) -> (i32)", WasixFdCalls::fdDup))
        .add(supported("fd_dup2", "(i32, i32, i32, ptr) -> (i32)", WasixFdCalls::fdDup2))
        .add(supported("fd_event", "(i64, i32, ptr) -> (i32)", WasixFdCalls::fdEvent))
        .add(supported("fd_pipe", "(ptr, ptr) -> (i32)", WasixFdCalls::fdPipe))
        .add(supported("tty_get", "(ptr) -> (i32)", WasixFdCalls::ttyGet))
        .add(supported("tty_set", "(ptr) -> (i32)", WasixFdCalls::ttySet))
        .add(supported("getcwd", "(ptr, ptr) -> (i32)", WasixFdCalls::getcwd))
        .add(supported("chdir", "(ptr, size) -> (i32)", WasixFdCalls::chdir))
        .add(supported("callback_signal", "(ptr, size) -> ()", ProcCalls::callbackSignal))
        .add(refused("thread_spawn_v2", "(ptr, ptr) -> (i32)", SPAWN))
        .add(supported("thread_sleep", "(i64) -> (i32)", TimeCalls::threadSleep))
        .add(supported("thread_id", "(ptr) -> (i32)", ProcCalls::threadId))
        .add(
            refused(
                "thread_join",
                "(i32) -> (i32)",
                "init runs on one thread, so there is no thread to join"))
        .add(supported("thread_parallelism", "(ptr) -> (i32)", ProcCalls::threadParallelism))
        .add(
            refused(
                "thread_signal",
                "(i32, i32) -> (i32)",
                "delivering signals interrupts the program at a point a snapshot cannot capture"))
        .add(supported("futex_wait", "(ptr, i32, ptr, ptr) -> (i32)", ProcCalls::futexWait))
        .add(supported("futex_wake", "(ptr, ptr) -> (i32)", ProcCalls::futexWake))
        .add(supported("futex_wake_all", "(ptr, ptr) -> (i32)", ProcCalls::futexWake))
        .add(
            refused(
                "thread_exit",
                "(i32) -> ()",
                "ending the only thread ends init before the snapshot"))
        .add(
            refused(
                "stack_checkpoint",
                "(ptr, ptr) -> (i32)",
                "stack checkpoints hold native stack state that a memory snapshot does not restore"))
        .add(
            refused(
                "stack_restore",
                "(ptr, i64) -> ()",
                "stack checkpoints hold native stack state that a memory snapshot does not restore"))
        .add(
            supported(
                "path_open2",
                "(i32, i32, ptr, size, i32, i64, i64, i32, i32, ptr) -> (i32)",
                PathCalls::pathOpen2))
        .add(supported("fd_fdflags_get", "(i32, ptr) -> (i32)", WasixFdCalls::fdFdflagsGet))
        .add(supported("fd_fdflags_set", "(i32, i32) -> (i32)", WasixFdCalls::fdFdflagsSet))
        .add(
            refused(
                "proc_raise_interval",
                "(i32, i64, i32) -> (i32)",
                "delivering signals interrupts the program at a point a snapshot cannot capture"))
        .add(
            refused(
                "proc_fork",
                "(i32, ptr) -> (i32)",
                "forking creates a second process, which a snapshot of one instance cannot contain"))
        .add(
            refused(
                "proc_fork_env",
                "(ptr) -> (i32)",
                "forking creates a second process, which a snapshot of one instance cannot contain"))
        .add(supported("proc_exit2", "(i32) -> ()", ProcCalls::procExit))
        .add(
            refused(
                "proc_exec",
                "(ptr, size, ptr, size) -> ()",
                "exec replaces the running program, so there would be nothing left to snapshot"))
        .add(
            refused(
                "proc_exec2",
                "(ptr, size, ptr, size, ptr, size) -> ()",
                "exec replaces the running program, so there would be nothing left to snapshot"))
        .add(
            refused(
                "proc_exec3",
                "(ptr, size, ptr, size, ptr, size, i32, ptr, size) -> (i32)",
                "exec replaces the running program, so there would be nothing left to snapshot"))
        .add(
            refused(
                "proc_spawn",
                "(ptr, size, i32, ptr, size, ptr, size, i32, i32, i32, ptr, size, ptr) -> (i32)",
                "spawning starts another process, which a snapshot cannot contain"))
        .add(
            refused(
                "proc_spawn2",
                "(ptr, size, ptr, size, ptr, size, ptr, size, ptr, size, i32, ptr, size, ptr) -> (i32)",
                "spawning starts another process, which a snapshot cannot contain"))
        .add(supported("proc_id", "(ptr) -> (i32)", ProcCalls::procId))
        .add(supported("proc_parent", "(i32, ptr) -> (i32)", ProcCalls::procParent))
        .add(refused("proc_join", "(ptr, i32, ptr) -> (i32)", JOIN))
        .add(
            refused(
                "proc_signal",
                "(i32, i32) -> (i32)",
                "delivering signals interrupts the program at a point a snapshot cannot capture"))
        .add(
            refused(
                "proc_signals_get",
                "(ptr) -> (i32)",
                "the signal dispositions of the process that will run the output are unknown during init"))
        .add(
            refused(
                "proc_signals_sizes_get",
                "(ptr) -> (i32)",
                "the signal dispositions of the process that will run the output are unknown during init"))
        .add(
            refused(
                "proc_snapshot",
                "() -> (i32)",
                "a process snapshot belongs to the runtime that later runs the module, not to init"))
        .add(
            refused(
                "port_bridge",
                "(ptr, size, ptr, size, i32) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_unbridge",
                "() -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_dhcp_acquire",
                "() -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_addr_add",
                "(ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_addr_remove",
                "(ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_addr_clear",
                "() -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_mac",
                "(ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_addr_list",
                "(ptr, ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_gateway_set",
                "(ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_route_add",
                "(ptr, ptr, ptr, ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_route_remove",
                "(ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_route_clear",
                "() -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(
            refused(
                "port_route_list",
                "(ptr, ptr) -> (i32)",
                "network interfaces and routes belong to the host running the module, not to a snapshot"))
        .add(refused("sock_status", "(i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_addr_local", "(i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_addr_peer", "(i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_open", "(i32, i32, i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_pair", "(i32, i32, i32, ptr, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_set_opt_flag", "(i32, i32, i32) -> (i32)", SOCKETS))
        .add(refused("sock_get_opt_flag", "(i32, i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_set_opt_time", "(i32, i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_get_opt_time", "(i32, i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_set_opt_size", "(i32, i32, i64) -> (i32)", SOCKETS))
        .add(refused("sock_get_opt_size", "(i32, i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_join_multicast_v4", "(i32, ptr, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_leave_multicast_v4", "(i32, ptr, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_join_multicast_v6", "(i32, ptr, i32) -> (i32)", SOCKETS))
        .add(refused("sock_leave_multicast_v6", "(i32, ptr, i32) -> (i32)", SOCKETS))
        .add(refused("sock_bind", "(i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_listen", "(i32, size) -> (i32)", SOCKETS))
        .add(refused("sock_accept_v2", "(i32, i32, ptr, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_connect", "(i32, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_recv_from", "(i32, ptr, size, i32, ptr, ptr, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_send_to", "(i32, ptr, size, i32, ptr, ptr) -> (i32)", SOCKETS))
        .add(refused("sock_send_file", "(i32, i32, i64, i64, ptr) -> (i32)", SOCKETS))
        .add(
            refused(
                "resolve",
                "(ptr, size, i32, ptr, size, ptr) -> (i32)",
                "resolving host names reaches the network, and the answer would be baked into every start"))
        .add(supported("epoll_create", "(ptr) -> (i32)", EpollCalls::epollCreate))
        .add(supported("epoll_ctl", "(i32, i32, i32, ptr) -> (i32)", EpollCalls::epollCtl))
        .add(supported("epoll_wait", "(i32, ptr, i32, i64, ptr) -> (i32)", EpollCalls::epollWait))
        .add(
            refused(
                "dl_invalid_handle",
                "(i32) -> (i32)",
                "dynamically loaded modules are not part of the snapshot"))
        .add(
            refused(
                "dlopen",
                "(ptr, size, i32, ptr, size, ptr, size, ptr) -> (i32)",
                "dynamically loaded modules are not part of the snapshot"))
        .add(
            refused(
                "dlsym",
                "(i32, ptr, size, ptr, size, ptr) -> (i32)",
                "dynamically loaded modules are not part of the snapshot"))
        .add(
            refused(
                "call_dynamic",
                "(i32, ptr, size, ptr, size, i32) -> (i32)",
                "closures and dynamic calls change the function table, which wisex does not snapshot"))
        .add(
            refused(
                "closure_prepare",
                "(i32, i32, ptr, size, ptr, size, ptr) -> (i32)",
                "closures and dynamic calls change the function table, which wisex does not snapshot"))
        .add(
            refused(
                "closure_allocate",
                "(ptr) -> (i32)",
                "closures and dynamic calls change the function table, which wisex does not snapshot"))
        .add(
            refused(
                "closure_free",
                "(i32) -> (i32)",
                "closures and dynamic calls change the function table, which wisex does not snapshot"))
        .add(
            refused(
                "reflect_signature",
                "(i32, ptr, i32, ptr, i32, ptr) -> (i32)",
                "closures and dynamic calls change the function table, which wisex does not snapshot"))
        .add(
            refused(
                "context_create",
                "(ptr, i32) -> (i32)",
                "execution contexts hold stacks that a memory snapshot does not restore"))
        .add(
            refused(
                "context_switch",
                "(i64) -> (i32)",
                "execution contexts hold stacks that a memory snapshot does not restore"))
        .add(
            refused(
                "context_destroy",
                "(i64) -> (i32)",
                "execution contexts hold stacks that a memory snapshot does not restore"));
  }

  /**
   * Names and signatures of earlier {@code wasix_32v1} versions (wasmer 3.x and the wasix-libc of
   * 2023) that today's list dropped or changed, served where today's function means the same.
   */
  private static Table earlierVersions(Table t) {
    return t
        // Thread-local keys: wasmer's syscalls, no longer in wasix-libc's list.
        .addEarlier(
            supported("thread_local_create", "(i64, ptr) -> (i32)", ThreadLocalCalls::create))
        .addEarlier(supported("thread_local_destroy", "(i32) -> (i32)", ThreadLocalCalls::destroy))
        .addEarlier(supported("thread_local_set", "(i32, i64) -> (i32)", ThreadLocalCalls::set))
        .addEarlier(supported("thread_local_get", "(i32, ptr) -> (i32)", ThreadLocalCalls::get))
        // thread_spawn(start*, tid*), renamed thread_spawn_v2; and wasmer 3.0's
        // thread_spawn(user_data, stack_base, stack_start, reactor, tid*).
        .addEarlier(refused("thread_spawn", "(ptr, ptr) -> (i32)", SPAWN))
        .addEarlier(refused("thread_spawn", "(i64, i64, i64, i32, ptr) -> (i32)", SPAWN))
        // sock_accept(fd, flags, fd*, addr*), today's sock_accept_v2.
        .addEarlier(refused("sock_accept", "(i32, i32, ptr, ptr) -> (i32)", SOCKETS))
        // proc_join(pid*, status*), before the join flags.
        .addEarlier(refused("proc_join", "(ptr, ptr) -> (i32)", JOIN))
        // wasmer 3.0's process bus and web calls, refused whatever their declared type.
        .addEarlierName("bus_open_local", BUS)
        .addEarlierName("bus_open_remote", BUS)
        .addEarlierName("bus_close", BUS)
        .addEarlierName("bus_call", BUS)
        .addEarlierName("bus_subcall", BUS)
        .addEarlierName("bus_poll", BUS)
        .addEarlierName("call_reply", BUS)
        .addEarlierName("call_fault", BUS)
        .addEarlierName("call_close", BUS)
        .addEarlierName("ws_connect", SOCKETS)
        .addEarlierName("http_request", SOCKETS)
        .addEarlierName("http_status", SOCKETS);
  }
}
