package dev.wisex.rewriter.rewrite;

import dev.wisex.parser.SectionBody;
import dev.wisex.rewriter.snapshot.DataRun;
import dev.wisex.runtime.spi.GuestMemory;

/**
 * A snapshot segment's payload, copied from guest memory straight into the output module when it is
 * written. Reads go in chunks of at most {@link #CHUNK} bytes: a backend may stage each bulk read
 * through a temporary array of the read's length (the Chicory backend does), and a run can be a
 * gigabyte.
 */
record GuestPayload(GuestMemory memory, DataRun run) implements SectionBody {
  static final int CHUNK = 1 << 20;

  @Override
  public long length() {
    return run.length();
  }

  @Override
  public void writeTo(byte[] dst, int offset) {
    for (int done = 0; done < run.length(); done += CHUNK) {
      int length = Math.min(CHUNK, run.length() - done);
      memory.read(run.offset() + done, dst, offset + done, length);
    }
  }
}
