package dev.deckhand.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a fresh scan with the last committed index, the way odo does (size and mtime, ns
 * precision) plus the fixes odo lacked: racy mtimes, kind swaps, and never deleting what merely
 * became ignored. Like odo, it never deletes an ignored path that is gone either.
 */
final class ChangeDetector {
  private final Path root;
  private final IgnoreLookup ignores;

  ChangeDetector(Path root, IgnoreRules rules) {
    this.root = root;
    this.ignores = new IgnoreLookup(root, rules);
  }

  /**
   * @param oldIndexModified mtime of the old index file, or null when there was none; entries at or
   *     after it may have changed again within the same timestamp tick (git's racy-git rule)
   */
  ChangeSet diff(FileIndex old, FileIndex now, Instant oldIndexModified) {
    List<String> added = new ArrayList<>();
    List<String> modified = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    Set<String> deletedSet = new HashSet<>();
    int i = 0;
    int j = 0;
    while (i < old.size() || j < now.size()) {
      int cmp;
      if (i == old.size()) {
        cmp = 1;
      } else if (j == now.size()) {
        cmp = -1;
      } else {
        String a = old.pathAt(i);
        String b = now.pathAt(j);
        // equals() is an intrinsic and the common case when nothing changed.
        cmp = a.equals(b) ? 0 : PathOrder.compare(a, b);
      }
      if (cmp < 0) {
        String path = old.pathAt(i);
        boolean directory = old.effectiveKind(path) == EntryKind.DIRECTORY;
        i++;
        // odo's index also lists ignored files; the container's copies of ignored paths are
        // assemble's work (node_modules), so a removed ignored path is never deleted there.
        if (ChangeSet.hasAncestorIn(path, deletedSet)
            || (isGone(path) && !ignores.isExcluded(path, directory))) {
          deleted.add(path);
          deletedSet.add(path);
        }
      } else if (cmp > 0) {
        added.add(now.pathAt(j++));
      } else {
        String path = now.pathAt(j);
        compare(old, i, now, j, path, oldIndexModified, added, modified, deleted, deletedSet);
        i++;
        j++;
      }
    }
    // A swap adds a path that sorts among the additions, and a deletion among the deletions.
    deleted.sort(PathOrder.CODE_POINT);
    return new ChangeSet(added, modified, deleted);
  }

  private static void compare(
      FileIndex old,
      int i,
      FileIndex now,
      int j,
      String path,
      Instant oldIndexModified,
      List<String> added,
      List<String> modified,
      List<String> deleted,
      Set<String> deletedSet) {
    EntryKind kind = now.kindAt(j);
    EntryKind oldKind = old.kindAt(i);
    boolean same = old.sameStat(i, now, j);
    if (kind == EntryKind.DIRECTORY) {
      if (oldKind == EntryKind.FILE || oldKind == EntryKind.SYMLINK) {
        swapped(path, added, deleted, deletedSet);
      }
      // An unknown old kind without children is a file or an empty directory; we assume the
      // directory, since wrongly deleting one in the container would take its ignored content
      // (node_modules installed there) with it. A directory's own mtime is nothing to transfer.
      return;
    }
    boolean wasDirectory =
        oldKind == EntryKind.DIRECTORY
            || (oldKind == EntryKind.UNKNOWN
                && !same
                && old.effectiveKind(path) == EntryKind.DIRECTORY);
    boolean linkSwap =
        (oldKind == EntryKind.FILE && kind == EntryKind.SYMLINK)
            || (oldKind == EntryKind.SYMLINK && kind == EntryKind.FILE);
    if (wasDirectory || linkSwap) {
      swapped(path, added, deleted, deletedSet);
    } else if (!same || (oldIndexModified != null && now.modifiedAtOrAfter(j, oldIndexModified))) {
      modified.add(path);
    }
  }

  private static void swapped(
      String path, List<String> added, List<String> deleted, Set<String> deletedSet) {
    deleted.add(path);
    deletedSet.add(path);
    added.add(path);
  }

  // Only a path that is really gone is deleted; one that still exists but is now ignored or
  // excluded stays untouched in the container, like all ignored content.
  private boolean isGone(String path) {
    Path p = root.resolve(path);
    try {
      Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return false;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      // ENOTDIR (an ancestor became a file) means gone; EACCES and the like prove nothing.
      return ancestorIsNotADirectory(p);
    }
  }

  private boolean ancestorIsNotADirectory(Path p) {
    for (Path a = p.getParent();
        a != null && a.startsWith(root) && !a.equals(root);
        a = a.getParent()) {
      try {
        if (!Files.readAttributes(a, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .isDirectory()) {
          return true;
        }
      } catch (IOException e) {
        // keep climbing: the answer is higher up
      }
    }
    return false;
  }
}
