package dev.wisex.wasix.calls;

import dev.wisex.api.InitFailedException;
import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.GuestMem;
import dev.wisex.wasix.state.ThreadLocals;
import dev.wisex.wasix.state.WasiState;

/**
 * {@code thread_local_create}, {@code _destroy}, {@code _set} and {@code _get} (older wasix-libc
 * and Rust's std call them at start-up): exact for init's single thread, with wasmer's numbering
 * and defaults. The one thing the host cannot do is wasmer's destructor call into the guest export
 * {@code _thread_local_destroy}, so destroying a key whose destructor would run fails init.
 */
public final class ThreadLocalCalls {
  private ThreadLocalCalls() {}

  /** thread_local_create(user_data, key*). */
  public static int create(WasiState s, GuestMem m, long[] a) {
    long key = s.threadLocals().create(a[0]);
    m.putU32(a[1], key);
    return Errno.SUCCESS;
  }

  /** thread_local_destroy(key). */
  public static int destroy(WasiState s, GuestMem m, long[] a) {
    ThreadLocals locals = s.threadLocals();
    long key = a[0];
    if (locals.key(key).map(ThreadLocals.Key::destructorPending).orElse(false)) {
      throw new InitFailedException(
          "init called `thread_local_destroy` on thread-local key "
              + key
              + ", which has a destructor and a value: the destructor runs in the guest (its"
              + " `_thread_local_destroy` export), which a host function of wisex cannot call");
    }
    locals.destroy(key);
    return Errno.SUCCESS;
  }

  /** thread_local_set(key, value). */
  public static int set(WasiState s, GuestMem m, long[] a) {
    s.threadLocals().set(a[0], a[1]);
    return Errno.SUCCESS;
  }

  /** thread_local_get(key, value*). */
  public static int get(WasiState s, GuestMem m, long[] a) {
    m.putU64(a[1], s.threadLocals().get(a[0]));
    return Errno.SUCCESS;
  }
}
