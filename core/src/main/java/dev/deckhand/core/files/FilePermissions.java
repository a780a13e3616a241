package dev.deckhand.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** odo's modes (config 0600, folder 0750), applied where the file system has POSIX modes. */
public final class FilePermissions {
  private FilePermissions() {}

  public static void restrictFile(Path file) throws IOException {
    set(file, "rw-------");
  }

  public static void shareFile(Path file) throws IOException {
    set(file, "rw-r--r--");
  }

  public static void restrictDirectory(Path dir) throws IOException {
    set(dir, "rwxr-x---");
  }

  private static void set(Path path, String perms) throws IOException {
    if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
    }
  }
}
