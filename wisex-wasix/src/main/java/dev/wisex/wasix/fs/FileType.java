package dev.wisex.wasix.fs;

/** WASI {@code filetype} values. */
public final class FileType {
  public static final int UNKNOWN = 0;
  public static final int CHARACTER_DEVICE = 2;
  public static final int DIRECTORY = 3;
  public static final int REGULAR_FILE = 4;
  public static final int SOCKET_STREAM = 6;
  public static final int SYMBOLIC_LINK = 7;

  private FileType() {}
}
