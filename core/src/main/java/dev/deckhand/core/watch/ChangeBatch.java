package dev.deckhand.core.watch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * "Something changed": the paths the watcher saw (relative to the component root) as hints for the
 * push, which still runs the indexer's full diff. {@code fullRescan} means the hints are known to
 * be incomplete (overflow, watcher restart, polling, "Sync now"), so nothing may be skipped on
 * their account.
 */
public record ChangeBatch(Set<Path> hints, boolean fullRescan) {
  /**
   * Beyond this many paths carrying the list costs more than it helps (a branch switch, an npm
   * install in a non-ignored folder); the batch turns into a full rescan without hints.
   */
  static final int MAX_HINTS = 10_000;

  public ChangeBatch {
    if (hints.size() > MAX_HINTS) {
      hints = Set.of();
      fullRescan = true;
    } else {
      hints = Set.copyOf(hints);
    }
  }

  public static ChangeBatch of(Collection<Path> hints) {
    return new ChangeBatch(Set.copyOf(hints), false);
  }

  /** A batch that asks for a rescan of everything and carries no hints. */
  public static ChangeBatch rescanAll() {
    return new ChangeBatch(Set.of(), true);
  }

  /** Both batches in one: hints unioned, fullRescan OR-ed. */
  public ChangeBatch merge(ChangeBatch other) {
    if (other.hints.isEmpty() && (fullRescan || !other.fullRescan)) {
      return this;
    }
    Set<Path> union = new HashSet<>(hints);
    union.addAll(other.hints);
    return new ChangeBatch(union, fullRescan || other.fullRescan);
  }
}
