package dev.deckhand.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The ignore verdict for any path, whether or not it is still on disk, from the ignore files that
 * are there now. The walk never sees a removed path, so the change detector asks here before it
 * plans a deletion. Single-threaded; each directory's rules are read once.
 */
final class IgnoreLookup {
  private final Path root;
  private final IgnoreRules rules;
  private final Map<String, IgnoreRules.Frame> frames = new HashMap<>();
  private final Map<String, Boolean> excludedDirs = new HashMap<>();
  private final Map<String, Boolean> realDirs = new HashMap<>();

  IgnoreLookup(Path root, IgnoreRules rules) {
    this.root = root;
    this.rules = rules;
  }

  /**
   * Whether the path, or a directory above it, is ignored or always excluded. Secrets do not count:
   * a secret that is in the container and gone locally should go from the container too.
   */
  boolean isExcluded(String relPath, boolean directory) {
    int slash = relPath.lastIndexOf('/');
    String parent = slash < 0 ? "" : relPath.substring(0, slash);
    if (!parent.isEmpty() && isExcludedDir(parent)) {
      return true;
    }
    String name = relPath.substring(slash + 1);
    return IgnoreRules.alwaysExcluded(name)
        || rules.check(frameOf(parent), relPath, name, directory) == Exclusion.Reason.IGNORED;
  }

  private boolean isExcludedDir(String dir) {
    Boolean known = excludedDirs.get(dir);
    if (known == null) {
      known = isExcluded(dir, true);
      excludedDirs.put(dir, known);
    }
    return known;
  }

  /** A directory, reached from the root without following a link. */
  private boolean isRealDirectory(String dir) {
    if (dir.isEmpty()) {
      return true;
    }
    Boolean known = realDirs.get(dir);
    if (known == null) {
      int slash = dir.lastIndexOf('/');
      known =
          isRealDirectory(slash < 0 ? "" : dir.substring(0, slash))
              && Files.isDirectory(root.resolve(dir), LinkOption.NOFOLLOW_LINKS);
      realDirs.put(dir, known);
    }
    return known;
  }

  /** The rules in force inside a directory, as the walk would have built them. */
  private IgnoreRules.Frame frameOf(String dir) {
    if (frames.containsKey(dir)) {
      return frames.get(dir);
    }
    IgnoreRules.Frame parent;
    if (dir.isEmpty()) {
      parent = null;
    } else {
      int slash = dir.lastIndexOf('/');
      parent = frameOf(slash < 0 ? "" : dir.substring(0, slash));
    }
    Path abs = dir.isEmpty() ? root : root.resolve(dir);
    IgnoreRules.Frame frame;
    if (!isRealDirectory(dir)) {
      // Gone, or a link now: the walk reads no rules there, and nothing is read through a link.
      frames.put(dir, parent);
      return parent;
    }
    try {
      frame =
          rules.enter(
              parent,
              dir,
              abs,
              Files.exists(abs.resolve(IgnoreRules.GITIGNORE), LinkOption.NOFOLLOW_LINKS),
              Files.exists(abs.resolve(IgnoreRules.ODOIGNORE), LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      frame = parent; // unreadable rules here: the walk reports it and uses the parent's, as we do
    }
    frames.put(dir, frame);
    return frame;
  }
}
