package dev.deckhand.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;

/**
 * "Now" as the file system would stamp it. Linux stamps mtimes from a coarse clock that can lag
 * {@link Instant#now()} by a tick, so comparing mtimes against the JVM clock would miss racy edits.
 */
final class FileSystemClock {
  private FileSystemClock() {}

  static Instant now(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".clock", ".tmp");
      try {
        return Files.getLastModifiedTime(probe, LinkOption.NOFOLLOW_LINKS).toInstant();
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Read-only tree: nothing can be written there during the scan either.
      return Instant.now();
    }
  }
}
