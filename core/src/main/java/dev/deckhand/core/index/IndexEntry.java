package dev.deckhand.core.index;

import java.time.Instant;
import java.util.Objects;

/** One index line as odo stores it: lstat size and mtime, nothing else. */
public record IndexEntry(long size, Instant modified) {
  public IndexEntry {
    Objects.requireNonNull(modified, "modified");
  }
}
