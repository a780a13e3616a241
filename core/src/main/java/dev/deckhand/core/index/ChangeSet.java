package dev.deckhand.core.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Relative paths, each list in Go key order. A rename is a delete plus an add. */
public record ChangeSet(List<String> added, List<String> modified, List<String> deleted) {
  public ChangeSet {
    added = List.copyOf(added);
    modified = List.copyOf(modified);
    deleted = List.copyOf(deleted);
  }

  public static ChangeSet none() {
    return new ChangeSet(List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
  }

  /** Deleted paths with no deleted ancestor: one {@code rm -rf} argument per removed subtree. */
  public List<String> deletedRoots() {
    Set<String> all = new HashSet<>(deleted);
    List<String> roots = new ArrayList<>();
    for (String path : deleted) {
      if (!hasAncestorIn(path, all)) {
        roots.add(path);
      }
    }
    return roots;
  }

  static boolean hasAncestorIn(String path, Set<String> paths) {
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      if (paths.contains(path.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }
}
