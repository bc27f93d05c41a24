package dev.wisex.wasix.calls;

import dev.wisex.wasix.abi.Errno;
import dev.wisex.wasix.abi.WasiException;
import dev.wisex.wasix.fs.Sandbox;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Maps the sandbox's NIO exceptions to the errno a POSIX file system would give. */
final class Io {
  private Io() {}

  static WasiException errno(IOException e) {
    int errno =
        switch (e) {
          case NoSuchFileException x -> Errno.NOENT;
          case FileAlreadyExistsException x -> Errno.EXIST;
          case DirectoryNotEmptyException x -> Errno.NOTEMPTY;
          case NotDirectoryException x -> Errno.NOTDIR;
          default -> Sandbox.isFull(e) ? Errno.NOSPC : Errno.IO;
        };
    return new WasiException(errno);
  }

  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }

  static void run(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw errno(e);
    }
  }
}
