package dev.wisex.rewriter.archfixture;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;

/** Breaks [jimfs-only-in-wasix]. */
public final class ImportsJimfs {
  private ImportsJimfs() {}

  public static FileSystem sandbox() {
    return Jimfs.newFileSystem(Configuration.unix());
  }
}
