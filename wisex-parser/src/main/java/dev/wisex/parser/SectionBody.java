package dev.wisex.parser;

/**
 * A section's contents as the module writer sees them: a length known up front and bytes written
 * straight into the output array. Lets a data section whose payload lives elsewhere (in guest
 * memory, during the rewrite) reach the output without first being gathered into an array of its
 * own.
 */
public interface SectionBody {
  /** Exact number of bytes {@link #writeTo} writes. */
  long length();

  /** Writes exactly {@link #length()} bytes into {@code dst} from {@code offset}. */
  void writeTo(byte[] dst, int offset);

  /** Contents already encoded in an array (not copied until written). */
  static SectionBody of(byte[] content) {
    return slice(content, 0, content.length);
  }

  /** {@code length} bytes of {@code bytes} from {@code offset} (not copied until written). */
  static SectionBody slice(byte[] bytes, int offset, int length) {
    return new SectionBody() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void writeTo(byte[] dst, int at) {
        System.arraycopy(bytes, offset, dst, at, length);
      }
    };
  }
}
