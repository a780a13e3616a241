package dev.deckhand.core.index;

/**
 * A path left out of the index. Only the topmost excluded path is listed: an ignored directory, not
 * every file under it.
 */
public record Exclusion(String path, Reason reason, String detail) {
  public enum Reason {
    IGNORED,
    SECRET,
    SYMLINK_OUTSIDE,
    ALWAYS_EXCLUDED
  }
}
