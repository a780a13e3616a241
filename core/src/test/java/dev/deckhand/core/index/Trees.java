package dev.deckhand.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Builds real trees in a temp dir for the index tests. */
final class Trees {
  private Trees() {}

  static Path file(Path root, String rel, String content) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path file(Path root, String rel, String content, Instant mtime) {
    Path p = file(root, rel, content);
    touch(p, mtime);
    return p;
  }

  static Path dir(Path root, String rel) {
    try {
      return Files.createDirectories(root.resolve(rel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void touch(Path p, Instant mtime) {
    try {
      Files.setLastModifiedTime(p, FileTime.from(mtime));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Instant t(String rfc3339) {
    return GoTimeFormat.parse(rfc3339);
  }
}
