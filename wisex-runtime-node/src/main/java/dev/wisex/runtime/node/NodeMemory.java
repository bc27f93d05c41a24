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
 * are served from blocks of {@link #BLOCK} bytes fetched once (the {@link #KEPT_BLOCKS} used last),
 * and the size is asked once, until the guest runs again ({@link NodeInstance#guestRuns()}). A
 * snapshot's many small reads in address order (one per data segment) then cost a few round trips,
 * not one each (quickjs: 10,000 segments, 0.93 s to 0.01 s); a read of a block or more goes
 * straight into the caller's array, in frames of at most {@link #FRAME} bytes, and keeps nothing,
 * so this object never holds more than 4 MiB of a memory of any size.
 */
final class NodeMemory implements GuestMemory {
  static final int BLOCK = 64 << 10;
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
    if (length >= BLOCK) {
      for (int done = 0; done < length; ) {
        int n = Math.min(FRAME, length - done);
        fetch(address + done, dst, dstOffset + done, n);
        done += n;
      }
      return;
    }
    for (int done = 0; done < length; ) {
      long at = address + done;
      long index = at / BLOCK;
      byte[] block = blocks.get(index);
      if (block == null) {
        int n = (int) Math.min(BLOCK, limit - index * BLOCK);
        block = new byte[n];
        fetch(index * BLOCK, block, 0, n);
        blocks.put(index, block);
      }
      int from = (int) (at - index * BLOCK);
      int n = Math.min(block.length - from, length - done);
      System.arraycopy(block, from, dst, dstOffset + done, n);
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
    for (int done = 0; done < length; ) {
      long at = address + done;
      long index = at / BLOCK;
      int from = (int) (at - index * BLOCK);
      int n = Math.min(length >= BLOCK ? FRAME : BLOCK - from, length - done);
      instance.request(
          new NodeProtocol.Out(NodeProtocol.MEMORY_WRITE)
              .str(export)
              .u64(at)
              .u32(n)
              .bytes(src, srcOffset + done, n));
      if (n > BLOCK - from) {
        blocks.clear(); // a large write: forget what it may cover
      } else {
        byte[] block = blocks.get(index);
        if (block != null) {
          System.arraycopy(src, srcOffset + done, block, from, n);
        }
      }
      done += n;
    }
  }

  /** Forgets what was read before the guest last ran. */
  private void fresh() {
    long run = instance.guestRuns();
    if (run != seenRun) {
      blocks.clear();
      size = -1;
      seenRun = run;
    }
  }
}
