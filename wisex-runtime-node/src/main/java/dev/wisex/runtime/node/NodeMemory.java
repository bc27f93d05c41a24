package dev.wisex.runtime.node;

import dev.wisex.runtime.spi.GuestMemory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An exported memory of an instance in Node, read and written by bulk copies that cross the pipe
 * ({@link NodeProtocol#MEMORY_READ}, {@link NodeProtocol#MEMORY_WRITE}); accesses are checked here
 * first, as every backend checks them ({@link GuestMemory#checkAccess}).
 *
 * <p>While the guest does not run, its memory does not change but through this object: small reads
 * are served from blocks fetched once (the {@link #KEPT_BLOCKS} used last), and the size is asked
 * once (a host call brings it along), until the guest runs again ({@link
 * NodeInstance#guestRuns()}). A snapshot's many small reads in address order (one per data segment)
 * then cost a few round trips, not one each (quickjs: 10,000 segments, 0.93 s to 0.01 s); a read of
 * a block or more goes straight into the caller's array, in frames of at most {@link #FRAME} bytes,
 * and keeps nothing, so this object never holds more than 4 MiB of a memory of any size. Blocks are
 * {@link #BLOCK} bytes, {@link #HOST_CALL_BLOCK} inside a host call, which reads a few small
 * structures and whose round trips init waits for (a 64 KiB frame does not fit the pipe's buffer at
 * once). Writes are not answered: the next request that is comes after them on the same pipe.
 */
final class NodeMemory implements GuestMemory {
  static final int BLOCK = 64 << 10;
  static final int HOST_CALL_BLOCK = 4 << 10;
  static final int KEPT_BLOCKS = 64;
  static final int FRAME = 4 << 20;

  private final NodeInstance instance;
  private final String export;
  private final Map<Long, byte[]> blocks =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
          return size() > KEPT_BLOCKS;
        }
      };
  private long size = -1;
  private long seenRun = -1;
  private int blockBytes = BLOCK;

  NodeMemory(NodeInstance instance, String export) {
    this.instance = instance;
    this.export = export;
  }

  @Override
  public long byteSize() {
    fresh();
    if (size < 0) {
      size = instance.request(new NodeProtocol.Out(NodeProtocol.MEMORY_SIZE).str(export)).u64();
    }
    return size;
  }

  @Override
  public void read(long address, byte[] dst, int dstOffset, int length) {
    Objects.checkFromIndexSize(dstOffset, length, dst.length);
    long limit = byteSize();
    GuestMemory.checkAccess(address, length, limit);
    int block = blockBytes;
    if (length >= block) {
      for (int done = 0; done < length; ) {
        int n = Math.min(FRAME, length - done);
        fetch(address + done, dst, dstOffset + done, n);
        done += n;
      }
      return;
    }
    for (int done = 0; done < length; ) {
      long at = address + done;
      long index = at / block;
      byte[] bytes = blocks.get(index);
      if (bytes == null) {
        int n = (int) Math.min(block, limit - index * block);
        bytes = new byte[n];
        fetch(index * block, bytes, 0, n);
        blocks.put(index, bytes);
      }
      int from = (int) (at - index * block);
      int n = Math.min(bytes.length - from, length - done);
      System.arraycopy(bytes, from, dst, dstOffset + done, n);
      done += n;
    }
  }

  private void fetch(long address, byte[] dst, int offset, int length) {
    instance
        .request(
            new NodeProtocol.Out(NodeProtocol.MEMORY_READ).str(export).u64(address).u32(length))
        .rest(dst, offset, length);
  }

  @Override
  public void write(long address, byte[] src, int srcOffset, int length) {
    Objects.checkFromIndexSize(srcOffset, length, src.length);
    GuestMemory.checkAccess(address, length, byteSize());
    int block = blockBytes;
    for (int done = 0; done < length; ) {
      long at = address + done;
      long index = at / block;
      int from = (int) (at - index * block);
      int n = Math.min(length >= block ? FRAME : block - from, length - done);
      instance.tell(
          new NodeProtocol.Out(NodeProtocol.MEMORY_WRITE)
              .str(export)
              .u64(at)
              .u32(n)
              .bytes(src, srcOffset + done, n));
      if (n > block - from) {
        blocks.clear(); // a large write: forget what it may cover
      } else {
        byte[] bytes = blocks.get(index);
        if (bytes != null) {
          System.arraycopy(src, srcOffset + done, bytes, from, n);
        }
      }
      done += n;
    }
  }

  /** The size a host call brought along, for the guest run it was made in. */
  void sizeIs(long bytes) {
    fresh();
    size = bytes;
  }

  /** Forgets what was read before the guest last ran. */
  private void fresh() {
    long run = instance.guestRuns();
    if (run != seenRun) {
      blocks.clear();
      size = -1;
      seenRun = run;
      blockBytes = instance.inHostCall() ? HOST_CALL_BLOCK : BLOCK;
    }
  }
}
