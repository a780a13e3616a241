package dev.deckhand.core.index;

/**
 * What a path was when scanned. odo's file does not store it, so an index read from disk only knows
 * {@link #UNKNOWN}; a fresh scan knows exactly.
 */
public enum EntryKind {
  FILE,
  DIRECTORY,
  SYMLINK,
  UNKNOWN
}
